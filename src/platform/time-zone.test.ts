import { describe, expect, it } from 'vitest';
import { formatZonedMinute, isTimeZone, localDateIn, TimeZoneName, zonedInstant } from './time-zone.js';

describe('time zones', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(TimeZoneName.safeParse('Europe/Berlin').success).toBe(true);
    expect(TimeZoneName.safeParse('').success).toBe(false);
  });

  it('shows an instant in the zone with its offset', () => {
    const at = new Date('2026-03-01T00:30:00Z');
    expect(formatZonedMinute(at, 'Asia/Shanghai')).toBe('2026-03-01 08:30 GMT+8');
    expect(formatZonedMinute(at, 'UTC')).toBe('2026-03-01 00:30 GMT');
    expect(formatZonedMinute(at, 'America/New_York')).toBe('2026-02-28 19:30 GMT-5');
  });

  it('finds the instant a local clock reads a time of day, across offsets and DST', () => {
    expect(localDateIn(new Date('2026-12-07T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-08');
    expect(zonedInstant('2026-12-08', '16:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-08T08:00:00.000Z',
    );
    expect(zonedInstant('2026-07-01', '16:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T14:00:00.000Z',
    );
    expect(zonedInstant('2026-12-01', '16:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-12-01T15:00:00.000Z',
    );
    // New York springs forward at 02:00 on 2026-03-08: 01:30 is before it, 03:30 after it.
    expect(zonedInstant('2026-03-08', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T06:30:00.000Z',
    );
    expect(zonedInstant('2026-03-08', '03:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    // It falls back at 02:00 on 2026-11-01: 01:30 happens twice, the first is meant.
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });
});
