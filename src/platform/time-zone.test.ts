import { describe, expect, it } from 'vitest';
import { formatZonedMinute, isTimeZone, TimeZoneName } from './time-zone.js';

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
});
