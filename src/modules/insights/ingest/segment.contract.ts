/**
 * The documented bodies of the Segment-compatible endpoints, for the OpenAPI document only: what is
 * enforced are the rules of segment-message.ts, which answer per event.
 */
import { z } from 'zod';
import type { MessageType } from '../message/message.contract.js';
import { INGEST_LIMITS } from './segment-body.js';

const Id = z.union([z.string(), z.number()]);
const Time = z.string().describe('ISO-8601 date-time');
const Obj = z.record(z.string(), z.unknown());
const common = {
  messageId: Id.optional().describe('Deduplication key per source (generated when absent)'),
  userId: Id.optional(),
  anonymousId: Id.optional(),
  timestamp: Time.optional(),
  originalTimestamp: Time.optional(),
  sentAt: Time.optional().describe('Client clock at sending; corrects timestamp for clock skew'),
  context: Obj.optional(),
  integrations: Obj.optional(),
};
const callFields = {
  identify: { traits: Obj.optional() },
  track: { event: z.string(), properties: Obj.optional() },
  page: { name: z.string().optional(), category: z.string().optional(), properties: Obj.optional() },
  screen: { name: z.string().optional(), category: z.string().optional(), properties: Obj.optional() },
  group: { groupId: Id, traits: Obj.optional() },
  alias: { previousId: Id, userId: Id },
} as const;

/** The documented body of `/v1/<type>` (OpenAPI only; the rules above are what is enforced). */
export function segmentCallBody(type: MessageType): z.ZodType {
  return z.looseObject({ ...common, ...callFields[type], writeKey: z.string().optional() });
}

const batchMessage = <T extends MessageType>(type: T) =>
  z.looseObject({ type: z.literal(type), ...common, ...callFields[type] });

/** The documented body of `/v1/batch`. */
export const SegmentBatchBody = z.looseObject({
  batch: z
    .array(
      z.discriminatedUnion('type', [
        batchMessage('identify'),
        batchMessage('track'),
        batchMessage('page'),
        batchMessage('screen'),
        batchMessage('group'),
        batchMessage('alias'),
      ]),
    )
    .max(INGEST_LIMITS.batchEvents),
  sentAt: Time.optional(),
  context: Obj.optional(),
  writeKey: z.string().optional(),
});

/** The answer once the messages are committed. */
export const IngestAccepted = z.object({ success: z.literal(true) });
