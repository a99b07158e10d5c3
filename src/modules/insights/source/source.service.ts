/** Event sources and their write keys. */
import type { InsightsDeps } from '../insights-deps.js';
import type { SourceRef } from '../ingest/message.contract.js';

/** The enabled source a write key belongs to, or undefined for an unknown or disabled key. */
export async function findSourceByWriteKey(
  deps: Pick<InsightsDeps, 'db'>,
  writeKey: string,
): Promise<SourceRef | undefined> {
  void deps;
  void writeKey;
  throw new Error('findSourceByWriteKey: not written yet');
}
