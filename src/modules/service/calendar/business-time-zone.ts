/**
 * UTC offsets of a time zone over time, from `Intl`, for the business-time engine: for a UTC day, the
 * spans of constant offset in it. The offset is sampled every six hours (cached per zone) and a change
 * between two samples is found to the second by bisection; a zone is assumed not to change its offset
 * twice within six hours.
 */

const DAY = 86_400_000;

/** Instants `[start, end)` (epoch ms) over which local time is UTC + `offset` ms. */
export type Span = { start: number; end: number; offset: number };

type ZoneOffsets = { spans: (utcDay: number) => Span[] };

const zones = new Map<string, ZoneOffsets>();
/** How often the offset is sampled. */
const SAMPLE = 6 * 3_600_000;
const SAMPLES_PER_DAY = DAY / SAMPLE;
const MAX_CACHED_ZONE_DAYS = 20_000;

export function zoneOffsets(timeZone: string): ZoneOffsets {
  const known = zones.get(timeZone);
  if (known) return known;
  const offsetAt = offsetReader(timeZone);
  const samples = new Map<number, number>();
  const sample = (index: number): number => {
    let offset = samples.get(index);
    if (offset === undefined) {
      offset = offsetAt(index * SAMPLE);
      if (samples.size >= MAX_CACHED_ZONE_DAYS * SAMPLES_PER_DAY) samples.clear();
      samples.set(index, offset);
    }
    return offset;
  };
  const days = new Map<number, Span[]>();
  const spans = (utcDay: number): Span[] => {
    let list = days.get(utcDay);
    if (list) return list;
    list = [];
    let start = utcDay * DAY;
    let offset = sample(utcDay * SAMPLES_PER_DAY);
    for (let i = 1; i <= SAMPLES_PER_DAY; i++) {
      const index = utcDay * SAMPLES_PER_DAY + i;
      const next = sample(index);
      if (next === offset) continue;
      // The first whole second in (index - 1, index] samples whose offset is no longer `offset`.
      let lo = ((index - 1) * SAMPLE) / 1000;
      let hi = (index * SAMPLE) / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid * 1000) === offset) lo = mid;
        else hi = mid;
      }
      list.push({ start, end: hi * 1000, offset });
      start = hi * 1000;
      offset = next;
    }
    list.push({ start, end: (utcDay + 1) * DAY, offset });
    if (days.size >= MAX_CACHED_ZONE_DAYS) days.clear();
    days.set(utcDay, list);
    return list;
  };
  const zone = { spans };
  zones.set(timeZone, zone);
  return zone;
}

/** The UTC offset in ms at a whole second, read from `Intl`; a RangeError for a zone it does not know. */
function offsetReader(timeZone: string): (t: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  const wall = new Date(0);
  return (t) => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(t)) parts[part.type] = part.value;
    wall.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
    wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
    return wall.getTime() - t;
  };
}
