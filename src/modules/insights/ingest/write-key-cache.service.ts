/**
 * The write keys this process has resolved, so the `/v1` hot path does not query them: each answer
 * (misses too) is kept for a few seconds, and the whole cache starts over when the shared count of
 * source changes (`sourceVersion`, read at most once a second) has moved, so a rotated key or a
 * disabled source stops working in every server process within about a second.
 */
import type { InsightsDeps } from '../insights-deps.js';
import type { SourceRef } from '../message/message.contract.js';
import { findSourceByWriteKey, sourceVersion } from '../source/source.service.js';

/** A write key resolves to its source for this long before it is looked up again. */
const SOURCE_CACHE_MS = 5_000;
/** How often the shared count of source changes is read. */
export const SOURCE_VERSION_CHECK_MS = 1_000;
const SOURCE_CACHE_ENTRIES = 10_000;
const MAX_WRITE_KEY_LENGTH = 256;

type Lookup = (writeKey: string) => Promise<SourceRef | undefined>;

/** findSourceByWriteKey with a per-process cache; `now` gives monotonic milliseconds (tests fake it). */
export function cachedSourceLookup(
  deps: Pick<InsightsDeps, 'db'>,
  now: () => number = () => performance.now(),
): Lookup {
  const entries = new Map<string, { until: number; source: Promise<SourceRef | undefined> }>();
  const version = versionWatch(deps, now, () => entries.clear());
  return async (writeKey) => {
    if (writeKey.length > MAX_WRITE_KEY_LENGTH) return undefined;
    await version.check();
    const at = now();
    const hit = entries.get(writeKey);
    if (hit && hit.until > at) return hit.source;
    entries.delete(writeKey);
    if (entries.size >= SOURCE_CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
    const entry = { until: at + SOURCE_CACHE_MS, source: findSourceByWriteKey(deps, writeKey) };
    entries.set(writeKey, entry);
    // A failed lookup (database down) is not remembered.
    entry.source.catch(() => entries.get(writeKey) === entry && entries.delete(writeKey));
    return entry.source;
  };
}

/** Reads the shared version at most every SOURCE_VERSION_CHECK_MS (one read for concurrent callers). */
function versionWatch(deps: Pick<InsightsDeps, 'db'>, now: () => number, onMove: () => void) {
  let known: number | undefined;
  let checkedAt = -Infinity;
  let reading: Promise<void> | undefined;
  const read = async () => {
    try {
      const version = await sourceVersion(deps);
      if (known !== undefined && version !== known) onMove();
      known = version;
      checkedAt = now();
    } finally {
      reading = undefined;
    }
  };
  return {
    check(): Promise<void> {
      if (now() - checkedAt < SOURCE_VERSION_CHECK_MS) return Promise.resolve();
      return (reading ??= read());
    },
  };
}
