import { describe, expect, it } from 'vitest';
import { correctClockSkew, parseIsoTimestamp } from './clock-skew.js';

const at = (iso: string): Date => new Date(iso);

describe('parseIsoTimestamp', () => {
  it.each([
    ['2026-03-01T08:30:00.000Z', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T08:30:00Z', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T16:30:00+08:00', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T03:00:00-0530', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T10:30:00+02', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T08:30:00.123456789Z', '2026-03-01T08:30:00.123Z'],
    ['2026-03-01T08:30:00.1Z', '2026-03-01T08:30:00.100Z'],
    ['2026-03-01T08:30Z', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01 08:30:00Z', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T08:30:00', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2024-02-29T00:00:00z', '2024-02-29T00:00:00.000Z'],
    [' 2026-03-01T08:30:00Z ', '2026-03-01T08:30:00.000Z'],
  ])('reads %s', (input, expected) => {
    expect(parseIsoTimestamp(input)?.toISOString()).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '1700000000000',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T08:60:00Z',
    '2026-03-01T08:30:61Z',
    '2026-03-01T08:30:00+8',
    '2026-03-01T08:30:00 UTC',
    '03/01/2026',
    'Sun, 01 Mar 2026 08:30:00 GMT',
    '1969-12-31T23:59:59Z',
    '26-03-01',
  ])('refuses %j', (input) => {
    expect(parseIsoTimestamp(input)).toBeUndefined();
  });
});

describe('correctClockSkew', () => {
  const receivedAt = at('2026-03-01T10:01:00.000Z');
  it.each([
    {
      name: 'a fast client clock is moved back by its skew',
      times: {
        timestamp: null,
        originalTimestamp: at('2026-03-01T10:05:00Z'),
        sentAt: at('2026-03-01T10:06:00Z'),
      },
      timestamp: '2026-03-01T10:00:00.000Z',
      original: '2026-03-01T10:05:00.000Z',
    },
    {
      name: 'a slow client clock is moved forward',
      times: {
        timestamp: null,
        originalTimestamp: at('2026-03-01T09:00:00Z'),
        sentAt: at('2026-03-01T09:00:30Z'),
      },
      timestamp: '2026-03-01T10:00:30.000Z',
      original: '2026-03-01T09:00:00.000Z',
    },
    {
      name: '`timestamp` is the clock reading when there is no originalTimestamp (analytics-node)',
      times: {
        timestamp: at('2026-03-01T10:05:00Z'),
        originalTimestamp: null,
        sentAt: at('2026-03-01T10:06:00Z'),
      },
      timestamp: '2026-03-01T10:00:00.000Z',
      original: '2026-03-01T10:05:00.000Z',
    },
    {
      name: 'originalTimestamp wins over timestamp as the clock reading',
      times: {
        timestamp: at('2020-01-01T00:00:00Z'),
        originalTimestamp: at('2026-03-01T10:05:00Z'),
        sentAt: at('2026-03-01T10:06:00Z'),
      },
      timestamp: '2026-03-01T10:00:00.000Z',
      original: '2026-03-01T10:05:00.000Z',
    },
    {
      name: 'a timestamp without sentAt is kept as given',
      times: { timestamp: at('2025-12-24T18:00:00Z'), originalTimestamp: null, sentAt: null },
      timestamp: '2025-12-24T18:00:00.000Z',
      original: '2025-12-24T18:00:00.000Z',
    },
    {
      name: 'without sentAt an explicit timestamp wins over originalTimestamp',
      times: {
        timestamp: at('2025-12-24T18:00:00Z'),
        originalTimestamp: at('2025-12-24T18:03:00Z'),
        sentAt: null,
      },
      timestamp: '2025-12-24T18:00:00.000Z',
      original: '2025-12-24T18:03:00.000Z',
    },
    {
      name: 'only originalTimestamp, no sentAt: as given',
      times: { timestamp: null, originalTimestamp: at('2025-12-24T18:03:00Z'), sentAt: null },
      timestamp: '2025-12-24T18:03:00.000Z',
      original: '2025-12-24T18:03:00.000Z',
    },
    {
      name: 'no time at all: receivedAt',
      times: { timestamp: null, originalTimestamp: null, sentAt: null },
      timestamp: '2026-03-01T10:01:00.000Z',
      original: null,
    },
    {
      name: 'sentAt alone: receivedAt',
      times: { timestamp: null, originalTimestamp: null, sentAt: at('2026-03-01T10:06:00Z') },
      timestamp: '2026-03-01T10:01:00.000Z',
      original: null,
    },
    {
      name: 'an event "after" its sending is capped at receivedAt',
      times: {
        timestamp: null,
        originalTimestamp: at('2026-03-01T10:07:00Z'),
        sentAt: at('2026-03-01T10:06:00Z'),
      },
      timestamp: '2026-03-01T10:01:00.000Z',
      original: '2026-03-01T10:07:00.000Z',
    },
    {
      name: 'a clock decades off cannot push the event before 1970',
      times: {
        timestamp: null,
        originalTimestamp: at('1970-01-02T00:00:00Z'),
        sentAt: at('2999-01-01T00:00:00Z'),
      },
      timestamp: '1970-01-01T00:00:00.000Z',
      original: '1970-01-02T00:00:00.000Z',
    },
    {
      name: 'the same reading and sentAt: receivedAt exactly',
      times: {
        timestamp: null,
        originalTimestamp: at('2030-01-01T00:00:00Z'),
        sentAt: at('2030-01-01T00:00:00Z'),
      },
      timestamp: '2026-03-01T10:01:00.000Z',
      original: '2030-01-01T00:00:00.000Z',
    },
  ])('$name', ({ times, timestamp, original }) => {
    const corrected = correctClockSkew(times, receivedAt);
    expect(corrected.timestamp.toISOString()).toBe(timestamp);
    expect(corrected.originalTimestamp?.toISOString() ?? null).toBe(original);
  });
});
