import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, toInput } from './source-draft';

const source = {
  id: '01a202f4-9693-719b-8c51-e7159d489abc',
  name: 'Website',
  kind: 'web' as const,
  writeKey: 'wk_x',
  rateLimitPerSecond: 500,
  retentionDays: 90,
  disabled: false,
  createdAt: '2026-11-22T11:11:53.491Z',
  updatedAt: '2026-11-22T11:11:53.491Z',
};

describe('source drafts', () => {
  it('start from the server defaults: 2000 per second, kept forever', () => {
    expect(toInput({ ...emptyDraft, name: '  官网 ' })).toEqual({
      ok: true,
      input: { name: '官网', rateLimitPerSecond: 2000, retentionDays: null },
    });
  });

  it('send the retention days only when "keep forever" is off', () => {
    expect(toInput({ ...emptyDraft, name: 'a', keepForever: false, retentionDays: 30 })).toMatchObject({
      input: { retentionDays: 30 },
    });
    expect(toInput({ ...emptyDraft, name: 'a', keepForever: true, retentionDays: 30 })).toMatchObject({
      input: { retentionDays: null },
    });
  });

  it('refuse emptied numbers instead of letting the server default them', () => {
    expect(toInput({ ...emptyDraft, rateLimitPerSecond: '', keepForever: false, retentionDays: '' })).toEqual(
      {
        ok: false,
        missing: ['rateLimitPerSecond', 'retentionDays'],
      },
    );
    // Days left empty do not matter while events are kept forever.
    expect(toInput({ ...emptyDraft, retentionDays: '' }).ok).toBe(true);
  });

  it('round-trip an existing source', () => {
    expect(draftOf(source)).toEqual({
      name: 'Website',
      rateLimitPerSecond: 500,
      keepForever: false,
      retentionDays: 90,
    });
    expect(toInput(draftOf(source))).toEqual({
      ok: true,
      input: { name: 'Website', rateLimitPerSecond: 500, retentionDays: 90 },
    });
    expect(draftOf({ ...source, retentionDays: null })).toMatchObject({
      keepForever: true,
      retentionDays: 365,
    });
  });
});
