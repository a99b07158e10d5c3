/**
 * A touchpoint as the store takes it: a Segment message after validation and clock-skew correction,
 * or a domain event / offline row turned into one.
 */

/** The Segment message types. */
export const MESSAGE_TYPES = ['identify', 'track', 'page', 'screen', 'group', 'alias'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Where a source's events come from; `system` is Kehu's own (domain events). */
export const SOURCE_KINDS = ['web', 'app', 'mini_program', 'server', 'offline'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number] | 'system';

/** The channel a touchpoint is shown under: a source kind, or the part of Kehu that recorded it. */
export const CHANNELS = [...SOURCE_KINDS, 'sales', 'service', 'warehouse', 'marketing'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The source a message arrived through, as the write key resolved it. */
export type SourceRef = {
  tenantId: string;
  sourceId: string;
  kind: SourceKind;
  rateLimitPerSecond: number;
};

/** One validated, normalised message. */
export type TouchpointMessage = {
  type: MessageType;
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  /** track: the event name; page/screen: the name; otherwise null. */
  event: string | null;
  /** group: the account's id in the sending system. */
  groupId: string | null;
  /** alias: the earlier id. */
  previousId: string | null;
  /** Corrected event time: receivedAt - (sentAt - originalTimestamp) when both were sent. */
  timestamp: Date;
  originalTimestamp: Date | null;
  sentAt: Date | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  /** Defaults to the source's kind. */
  channel?: Channel;
  /** Set by domain events that name the account directly. */
  customerId?: string;
  /** Set by domain events that name the CRM contact directly. */
  crmPersonId?: string;
};

/** What storing a batch did. */
export type IngestOutcome = {
  stored: number;
  duplicates: number;
  /** Messages dropped because they name a suppressed identity (present only when some were). */
  suppressed?: number;
};

// Pure helpers the ingest and the offline import both need (contract files are a feature's public door).
export { correctClockSkew, parseIsoTimestamp } from './clock-skew.js';
export type { ClientTimes, CorrectedTimes } from './clock-skew.js';
