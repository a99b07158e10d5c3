import { describe, expect, it } from 'vitest';
import type { MessageType } from '../message/message.contract.js';
import { refusal } from './refusal.test-helper.js';
import { MAX_ID_LENGTH, parseSingleCall } from './segment-message.js';

const receivedAt = new Date('2026-03-01T10:00:00.000Z');

/** The `path: message` pairs of a single call's refusal. */
function problems(type: MessageType, body: Record<string, unknown>): string[] {
  const error = refusal(() => parseSingleCall(body, type, receivedAt));
  expect(error.code).toBe('insights.ingest.invalid_event');
  expect(error.kind).toBe('invalid');
  return (error.issues ?? []).map((i) => `${i.path}: ${i.message}`);
}

describe('parseSingleCall', () => {
  it('normalises a track call', () => {
    const message = parseSingleCall(
      {
        userId: 42,
        anonymousId: 'anon-1',
        event: 'Order Completed',
        properties: { total: 99.5 },
        context: { ip: '1.2.3.4' },
        messageId: 'm-1',
        timestamp: '2026-03-01T09:00:00Z',
        type: 'identify',
      },
      'track',
      receivedAt,
    );
    expect(message).toEqual({
      type: 'track',
      messageId: 'm-1',
      userId: '42',
      anonymousId: 'anon-1',
      event: 'Order Completed',
      groupId: null,
      previousId: null,
      timestamp: new Date('2026-03-01T09:00:00Z'),
      originalTimestamp: new Date('2026-03-01T09:00:00Z'),
      sentAt: null,
      properties: { total: 99.5 },
      traits: null,
      context: { ip: '1.2.3.4' },
    });
  });

  it('generates a message id when there is none, and keeps numbers as strings', () => {
    const a = parseSingleCall({ anonymousId: 'a' }, 'page', receivedAt);
    const b = parseSingleCall({ anonymousId: 'a', messageId: '' }, 'page', receivedAt);
    expect(a.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.messageId).not.toBe(b.messageId);
    expect(parseSingleCall({ anonymousId: 'a', messageId: 7 }, 'page', receivedAt).messageId).toBe('7');
  });

  it('defaults times to receivedAt and corrects skew with sentAt', () => {
    const plain = parseSingleCall({ userId: 'u' }, 'identify', receivedAt);
    expect(plain.timestamp).toEqual(receivedAt);
    expect(plain.originalTimestamp).toBeNull();
    const skewed = parseSingleCall(
      { userId: 'u', originalTimestamp: '2026-03-01T10:10:00Z', sentAt: '2026-03-01T10:10:05Z' },
      'identify',
      receivedAt,
    );
    expect(skewed.timestamp.toISOString()).toBe('2026-03-01T09:59:55.000Z');
    expect(skewed.sentAt?.toISOString()).toBe('2026-03-01T10:10:05.000Z');
  });

  it('takes the page or screen name as the event, and properties as given', () => {
    const page = parseSingleCall(
      { anonymousId: 'a', name: 'Pricing', properties: { path: '/p' } },
      'page',
      receivedAt,
    );
    expect(page).toMatchObject({ type: 'page', event: 'Pricing', properties: { path: '/p' } });
    expect(parseSingleCall({ anonymousId: 'a' }, 'screen', receivedAt)).toMatchObject({
      event: null,
      properties: {},
    });
  });

  it('keeps identify traits, from context.traits when not at the top', () => {
    expect(parseSingleCall({ userId: 'u', traits: { name: 'Li' } }, 'identify', receivedAt).traits).toEqual({
      name: 'Li',
    });
    const fromContext = parseSingleCall(
      { userId: 'u', context: { traits: { email: 'a@b.cn' } } },
      'identify',
      receivedAt,
    );
    expect(fromContext.traits).toEqual({ email: 'a@b.cn' });
    expect(parseSingleCall({ userId: 'u' }, 'identify', receivedAt).traits).toEqual({});
  });

  it('reads group and alias ids', () => {
    expect(
      parseSingleCall({ userId: 'u', groupId: 9001, traits: { name: 'Acme' } }, 'group', receivedAt),
    ).toMatchObject({
      groupId: '9001',
      traits: { name: 'Acme' },
      event: null,
    });
    expect(parseSingleCall({ userId: 'u', previousId: 'anon-1' }, 'alias', receivedAt)).toMatchObject({
      userId: 'u',
      previousId: 'anon-1',
      anonymousId: null,
    });
  });

  it.each<[MessageType, Record<string, unknown>, string[]]>([
    ['identify', {}, ['userId: userId or anonymousId is required']],
    ['identify', { userId: '', anonymousId: null }, ['userId: userId or anonymousId is required']],
    ['track', { userId: 'u' }, ['event: required for track']],
    ['track', { userId: 'u', event: '' }, ['event: required for track']],
    ['track', { userId: 'u', event: null }, ['event: required for track']],
    ['track', { userId: 'u', event: 5 }, ['event: must be a string']],
    [
      'track',
      { userId: 'u', event: 'e'.repeat(MAX_ID_LENGTH + 1) },
      ['event: must be at most 255 characters'],
    ],
    ['page', { userId: 'u', name: ['x'] }, ['name: must be a string']],
    ['group', { userId: 'u' }, ['groupId: required for group']],
    [
      'group',
      { userId: 'u', groupId: { id: 1 } },
      ['groupId: must be a string (or a number)', 'groupId: required for group'],
    ],
    ['alias', { userId: 'u' }, ['previousId: required for alias']],
    ['alias', { anonymousId: 'a', previousId: 'p' }, ['userId: required for alias']],
    [
      'track',
      { userId: true, event: 'e' },
      ['userId: must be a string (or a number)', 'userId: userId or anonymousId is required'],
    ],
    [
      'track',
      { anonymousId: 'a'.repeat(MAX_ID_LENGTH + 1), event: 'e' },
      ['anonymousId: must be at most 255 characters', 'userId: userId or anonymousId is required'],
    ],
    [
      'track',
      { userId: 'u', event: 'e', messageId: 'm'.repeat(MAX_ID_LENGTH + 1) },
      ['messageId: must be at most 255 characters'],
    ],
    ['track', { userId: 'u', event: 'e', properties: [1] }, ['properties: must be an object']],
    ['track', { userId: 'u', event: 'e', context: 'web' }, ['context: must be an object']],
    ['identify', { userId: 'u', traits: 'vip' }, ['traits: must be an object']],
    [
      'track',
      { userId: 'u', event: 'e', timestamp: 'yesterday' },
      ['timestamp: must be an ISO-8601 date-time, e.g. 2026-03-01T08:30:00.000Z'],
    ],
    [
      'track',
      { userId: 'u', event: 'e', timestamp: 1772359800000 },
      ['timestamp: must be an ISO-8601 date-time, e.g. 2026-03-01T08:30:00.000Z'],
    ],
    [
      'track',
      { userId: 'u', event: 'e', sentAt: '2026-02-30T00:00:00Z' },
      ['sentAt: must be an ISO-8601 date-time, e.g. 2026-03-01T08:30:00.000Z'],
    ],
    [
      'track',
      { userId: 'u', event: 'e', originalTimestamp: {} },
      ['originalTimestamp: must be an ISO-8601 date-time, e.g. 2026-03-01T08:30:00.000Z'],
    ],
  ])('%s %j is refused', (type, body, expected) => {
    expect(problems(type, body)).toEqual(expected);
  });

  it('reports every problem of a message at once', () => {
    expect(problems('track', { properties: 'x', timestamp: 'soon' })).toEqual([
      'timestamp: must be an ISO-8601 date-time, e.g. 2026-03-01T08:30:00.000Z',
      'properties: must be an object',
      'event: required for track',
      'userId: userId or anonymousId is required',
    ]);
  });
});
