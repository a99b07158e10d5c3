import { describe, expect, it } from 'vitest';
import { parseBatchCall } from './segment-message.js';
import { refusal } from './refusal.test-helper.js';

const receivedAt = new Date('2026-03-01T10:00:00.000Z');

describe('parseBatchCall', () => {
  const track = (i: number, extra: Record<string, unknown> = {}) => ({
    type: 'track',
    event: `e${i}`,
    userId: `u${i}`,
    messageId: `m${i}`,
    ...extra,
  });

  it('normalises every event, each with its own type', () => {
    const messages = parseBatchCall(
      {
        batch: [
          track(0),
          { type: 'identify', anonymousId: 'a', traits: { plan: 'pro' } },
          { type: 'alias', userId: 'u', previousId: 'a' },
        ],
      },
      receivedAt,
    );
    expect(messages.map((m) => m.type)).toEqual(['track', 'identify', 'alias']);
    expect(messages[1]?.traits).toEqual({ plan: 'pro' });
  });

  it('lends the batch sentAt and context to its events; their own win', () => {
    const [lent, own] = parseBatchCall(
      {
        sentAt: '2026-03-01T10:05:00Z',
        context: { library: { name: 'analytics-node' }, ip: '10.0.0.1' },
        batch: [
          track(0, { timestamp: '2026-03-01T10:04:00Z' }),
          track(1, {
            timestamp: '2026-03-01T10:04:00Z',
            sentAt: '2026-03-01T10:04:30Z',
            context: { ip: '10.0.0.2' },
          }),
        ],
      },
      receivedAt,
    );
    expect(lent?.timestamp.toISOString()).toBe('2026-03-01T09:59:00.000Z');
    expect(lent?.context).toEqual({ library: { name: 'analytics-node' }, ip: '10.0.0.1' });
    expect(own?.timestamp.toISOString()).toBe('2026-03-01T09:59:30.000Z');
    expect(own?.context).toEqual({ library: { name: 'analytics-node' }, ip: '10.0.0.2' });
  });

  it('takes an empty batch', () => {
    expect(parseBatchCall({ batch: [] }, receivedAt)).toEqual([]);
  });

  it('refuses the whole batch, naming each invalid event by index and field', () => {
    const error = refusal(() =>
      parseBatchCall(
        {
          batch: [
            track(0),
            { type: 'track', userId: 'u' },
            track(2),
            { event: 'x', userId: 'u' },
            'text',
            { type: 'Track' },
          ],
        },
        receivedAt,
      ),
    );
    expect(error.code).toBe('insights.ingest.invalid_event');
    expect(error.message).toMatch(
      /^4 of 6 events are invalid; nothing was stored: batch\.1\.event: required for track/,
    );
    expect(error.details?.invalidEvents).toEqual([
      { index: 1, field: 'event', message: 'required for track' },
      { index: 3, field: 'type', message: 'required in a batch' },
      { index: 4, field: '', message: 'must be an object' },
      { index: 5, field: 'type', message: 'must be one of identify, track, page, screen, group, alias' },
      { index: 5, field: 'userId', message: 'userId or anonymousId is required' },
    ]);
    expect(error.issues?.map((i) => i.path)).toEqual([
      'batch.1.event',
      'batch.3.type',
      'batch.4',
      'batch.5.type',
      'batch.5.userId',
    ]);
  });

  it('lists at most 100 problems and says how many more there were', () => {
    const batch = Array.from({ length: 150 }, () => ({ type: 'track', userId: 'u' }));
    const error = refusal(() => parseBatchCall({ batch }, receivedAt));
    expect(error.issues).toHaveLength(100);
    expect(error.message).toContain('150 of 150 events are invalid');
    expect(error.message).toContain('(and 50 more)');
  });

  it('refuses a body without a batch array', () => {
    for (const body of [{}, { batch: {} }, { batch: 'x' }]) {
      const error = refusal(() => parseBatchCall(body, receivedAt));
      expect(error.code).toBe('insights.ingest.invalid_batch');
      expect(error.issues).toEqual([{ path: 'batch', message: 'must be an array of messages' }]);
    }
  });

  it('refuses a bad envelope', () => {
    const error = refusal(() =>
      parseBatchCall({ batch: [track(0)], sentAt: 'now', context: [] }, receivedAt),
    );
    expect(error.code).toBe('insights.ingest.invalid_batch');
    expect(error.issues?.map((i) => i.path)).toEqual(['sentAt', 'context']);
  });

  it('takes 2,500 events and refuses 2,501', () => {
    const batch = Array.from({ length: 2_500 }, (_, i) => track(i));
    expect(parseBatchCall({ batch }, receivedAt)).toHaveLength(2_500);
    const error = refusal(() => parseBatchCall({ batch: [...batch, track(2_500)] }, receivedAt));
    expect(error.code).toBe('insights.ingest.too_large');
    expect(error.message).toContain('at most 2500 events; this one has 2501');
  });

  it('refuses a batch with an event over 32 KB, naming it', () => {
    const big = track(1, { properties: { pad: 'x'.repeat(32 * 1024) } });
    const fits = track(2, { properties: { pad: 'x'.repeat(32 * 1024 - 200) } });
    expect(parseBatchCall({ batch: [fits] }, receivedAt)).toHaveLength(1);
    const error = refusal(() => parseBatchCall({ batch: [track(0), big, fits] }, receivedAt));
    expect(error.code).toBe('insights.ingest.too_large');
    expect(error.details?.invalidEvents).toEqual([{ index: 1, field: '', message: 'larger than 32 KB' }]);
    expect(error.message).toContain('batch index 1');
  });
});
