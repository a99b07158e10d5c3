import { describe, expect, it } from 'vitest';
import { formatRelative } from './relative-time';

const en = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const zh = new Intl.RelativeTimeFormat('zh-CN', { numeric: 'auto' });
/** A local time, so the cases hold in any time zone. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).toISOString();
const now = new Date(2026, 2, 20, 9, 30).getTime();

describe('formatRelative', () => {
  it('labels every event of one date alike, by calendar date', () => {
    // 23:50 and 00:10 of the 18th are 33.7 and 57.3 hours ago: both are two dates back.
    expect(formatRelative(en, at(18, 23, 50), now)).toBe('2 days ago');
    expect(formatRelative(en, at(18, 0, 10), now)).toBe('2 days ago');
    expect(formatRelative(en, at(19, 0, 5), now)).toBe('yesterday');
    expect(formatRelative(en, at(19, 23, 55), now)).toBe('yesterday');
    expect(formatRelative(zh, at(19, 8, 0), now)).toBe('昨天');
    expect(formatRelative(zh, at(18, 20, 0), now)).toBe('前天');
  });

  it('uses hours and minutes within the same date, and now under a minute', () => {
    expect(formatRelative(en, at(20, 0, 10), now)).toBe('9 hours ago');
    expect(formatRelative(en, at(20, 9, 5), now)).toBe('25 minutes ago');
    expect(formatRelative(en, at(20, 9, 29), now)).toBe('1 minute ago');
    expect(formatRelative(en, new Date(now - 20_000).toISOString(), now)).toBe('now');
  });

  it('counts weeks, months and years from calendar dates, and the future too', () => {
    expect(formatRelative(en, at(6, 12), now)).toBe('2 weeks ago');
    expect(formatRelative(en, new Date(2025, 11, 1).toISOString(), now)).toBe('3 months ago');
    expect(formatRelative(en, new Date(2024, 0, 1).toISOString(), now)).toBe('2 years ago');
    expect(formatRelative(en, at(21, 8), now)).toBe('tomorrow');
    expect(formatRelative(en, at(20, 11, 45), now)).toBe('in 2 hours');
  });
});
