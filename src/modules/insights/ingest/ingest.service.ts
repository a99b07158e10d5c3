/**
 * Storing touchpoints: deduplicate by message id, resolve identities, write events, all in one
 * transaction that commits before the HTTP answer.
 */
import type { InsightsDeps } from '../insights-deps.js';
import type { IngestOutcome, SourceRef, TouchpointMessage } from './message.contract.js';

/** Stores `messages` from `source` (once per message id) and answers how many were new. */
export async function ingestMessages(
  deps: InsightsDeps,
  source: SourceRef,
  messages: TouchpointMessage[],
  receivedAt: Date,
): Promise<IngestOutcome> {
  void deps;
  void source;
  void messages;
  void receivedAt;
  throw new Error('ingestMessages: not written yet');
}
