/**
 * Segment messages in, `TouchpointMessage`s out: the spec's rules per message type, ids as strings,
 * times parsed and corrected for clock skew, a message id generated when the client sent none.
 *
 * A batch with any invalid event is refused whole (400 naming every bad event by index and field) and
 * nothing of it is stored: the client fixes the events and sends the batch again, and the events that
 * were valid are not stored twice or, with generated message ids, under two ids.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import {
  correctClockSkew,
  MESSAGE_TYPES,
  parseIsoTimestamp,
  type MessageType,
  type TouchpointMessage,
} from '../message/message.contract.js';
import { INGEST_LIMITS, tooLarge } from './segment-body.js';

type Raw = Record<string, unknown>;

/** Ids, event names and message ids are indexed; longer ones are refused rather than failing the insert. */
export const MAX_ID_LENGTH = 255;

/** One problem with one event of a request; `index` is the event's place in `batch` (null: single call). */
export type InvalidEvent = { index: number | null; field: string; message: string };

/** What a batch's envelope lends its events. */
type Envelope = { sentAt: Date | null; context: Raw | null };

/**
 * Validates and normalises the body of `/v1/<type>` (the path decides the type, a `type` in the body is
 * ignored); throws 400 `insights.ingest.invalid_event`.
 */
export function parseSingleCall(body: Raw, type: MessageType, receivedAt: Date): TouchpointMessage {
  const problems: InvalidEvent[] = [];
  const message = normalizeMessage(body, type, { sentAt: null, context: null }, receivedAt, (field, text) =>
    problems.push({ index: null, field, message: text }),
  );
  if (!message) throw invalidEvents(problems, 1);
  return message;
}

/** Validates and normalises the body of `/v1/batch`; refuses the whole batch when any event is invalid. */
export function parseBatchCall(body: Raw, receivedAt: Date): TouchpointMessage[] {
  const batch = body.batch;
  if (!Array.isArray(batch)) {
    throw new AppError('invalid', 'insights.ingest.invalid_batch', 'batch: must be an array of messages.', {
      issues: [{ path: 'batch', message: 'must be an array of messages' }],
    });
  }
  if (batch.length > INGEST_LIMITS.batchEvents) {
    throw tooLarge(
      `A batch may hold at most ${INGEST_LIMITS.batchEvents} events; this one has ${batch.length}.`,
      {
        limitEvents: INGEST_LIMITS.batchEvents,
      },
    );
  }
  const envelope = readEnvelope(body);
  const oversize = batch.flatMap((event: unknown, index) =>
    Buffer.byteLength(JSON.stringify(event) ?? '') > INGEST_LIMITS.eventBytes
      ? [{ index, field: '', message: `larger than ${INGEST_LIMITS.eventBytes / 1024} KB` }]
      : [],
  );
  if (oversize.length > 0) throw tooLargeEvents(oversize);
  const problems: InvalidEvent[] = [];
  const messages = batch.map((event: unknown, index) =>
    normalizeMessage(event, undefined, envelope, receivedAt, (field, message) =>
      problems.push({ index, field, message }),
    ),
  );
  if (problems.length > 0) throw invalidEvents(problems, batch.length);
  return messages as TouchpointMessage[];
}

function readEnvelope(body: Raw): Envelope {
  const problems: FieldIssue[] = [];
  const report = (path: string, message: string): void => void problems.push({ path, message });
  const envelope = { sentAt: readTime(body, 'sentAt', report), context: readObject(body, 'context', report) };
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new AppError('invalid', 'insights.ingest.invalid_batch', detail, { issues: problems });
  }
  return envelope;
}

type Report = (field: string, message: string) => void;

/** One message, or undefined after reporting every problem it has. */
function normalizeMessage(
  raw: unknown,
  pathType: MessageType | undefined,
  envelope: Envelope,
  receivedAt: Date,
  report: Report,
): TouchpointMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report('', 'must be an object');
    return undefined;
  }
  const event = raw as Raw;
  let failed = false;
  const check: Report = (field, message) => {
    failed = true;
    report(field, message);
  };
  const type = pathType ?? readType(event, check);
  const userId = readId(event, 'userId', check);
  const anonymousId = readId(event, 'anonymousId', check);
  const times = {
    timestamp: readTime(event, 'timestamp', check),
    originalTimestamp: readTime(event, 'originalTimestamp', check),
    sentAt: readTime(event, 'sentAt', check) ?? envelope.sentAt,
  };
  const ownContext = readObject(event, 'context', check);
  const properties = readObject(event, 'properties', check) ?? {};
  const ownTraits = readObject(event, 'traits', check);
  const messageId = readId(event, 'messageId', check) ?? randomUUID();
  const specific = type ? readTypeFields(type, event, check) : undefined;
  if (type === 'alias') {
    if (userId === null) check('userId', 'required for alias');
  } else if (userId === null && anonymousId === null) {
    check('userId', 'userId or anonymousId is required');
  }
  if (failed || !type || !specific) return undefined;
  const context = envelope.context || ownContext ? { ...envelope.context, ...ownContext } : null;
  const contextTraits = context?.traits;
  const identifyTraits = ownTraits ?? (isObject(contextTraits) ? contextTraits : {});
  return {
    type,
    messageId,
    userId,
    anonymousId,
    ...specific,
    ...correctClockSkew(times, receivedAt),
    sentAt: times.sentAt,
    properties,
    traits: type === 'identify' ? identifyTraits : type === 'group' ? (ownTraits ?? {}) : ownTraits,
    context,
  };
}

type TypeFields = Pick<TouchpointMessage, 'event' | 'groupId' | 'previousId'>;

function readTypeFields(type: MessageType, event: Raw, check: Report): TypeFields {
  const fields: TypeFields = { event: null, groupId: null, previousId: null };
  if (type === 'track') {
    const name = event.event;
    if (name === undefined || name === null || name === '') check('event', 'required for track');
    else fields.event = readText(event, 'event', check);
  } else if (type === 'page' || type === 'screen') {
    fields.event = readText(event, 'name', check);
  } else if (type === 'group') {
    fields.groupId = readId(event, 'groupId', check);
    if (fields.groupId === null) check('groupId', 'required for group');
  } else if (type === 'alias') {
    fields.previousId = readId(event, 'previousId', check);
    if (fields.previousId === null) check('previousId', 'required for alias');
  }
  return fields;
}

function readType(event: Raw, check: Report): MessageType | undefined {
  const type = event.type;
  if ((MESSAGE_TYPES as readonly unknown[]).includes(type)) return type as MessageType;
  check('type', type === undefined ? 'required in a batch' : `must be one of ${MESSAGE_TYPES.join(', ')}`);
  return undefined;
}

/** A string or number id; absent, null and '' are null. */
function readId(event: Raw, key: string, check: Report): string | null {
  const value = event[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') {
    check(key, 'must be a string (or a number)');
    return null;
  }
  if (value.length > MAX_ID_LENGTH) {
    check(key, `must be at most ${MAX_ID_LENGTH} characters`);
    return null;
  }
  return value;
}

/** An optional name: a string of at most MAX_ID_LENGTH characters; absent, null and '' are null. */
function readText(event: Raw, key: string, check: Report): string | null {
  const value = event[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') check(key, 'must be a string');
  else if (value.length > MAX_ID_LENGTH) check(key, `must be at most ${MAX_ID_LENGTH} characters`);
  else return value;
  return null;
}

function readObject(event: Raw, key: string, check: Report): Raw | null {
  const value = event[key];
  if (value === undefined || value === null) return null;
  if (isObject(value)) return value;
  check(key, 'must be an object');
  return null;
}

function readTime(event: Raw, key: string, check: Report): Date | null {
  const value = event[key];
  if (value === undefined || value === null) return null;
  const parsed = typeof value === 'string' ? parseIsoTimestamp(value) : undefined;
  if (!parsed) check(key, 'must be an ISO-8601 date-time, e.g. 2026-03-01T08:30:00.000Z');
  return parsed ?? null;
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** At most this many problems are listed; the count says how many there were. */
const MAX_LISTED = 100;

function invalidEvents(problems: InvalidEvent[], total: number): AppError {
  const listed = problems.slice(0, MAX_LISTED);
  const badEvents = new Set(problems.map((p) => p.index)).size;
  const where = (p: InvalidEvent): string =>
    [p.index === null ? '' : `batch.${p.index}`, p.field].filter(Boolean).join('.') || 'body';
  const summary =
    problems[0]?.index === null
      ? 'The message is invalid'
      : `${badEvents} of ${total} events are invalid; nothing was stored`;
  const more = problems.length > listed.length ? ` (and ${problems.length - listed.length} more)` : '';
  return new AppError(
    'invalid',
    'insights.ingest.invalid_event',
    `${summary}: ${listed.map((p) => `${where(p)}: ${p.message}`).join('; ')}${more}.`,
    {
      issues: listed.map((p) => ({ path: where(p), message: p.message })),
      details: { invalidEvents: listed },
    },
  );
}

function tooLargeEvents(oversize: InvalidEvent[]): AppError {
  const indexes = oversize.map((p) => p.index).join(', ');
  const error = tooLarge(
    `Events larger than ${INGEST_LIMITS.eventBytes / 1024} KB at batch index ${indexes}; nothing was stored.`,
    { limitBytes: INGEST_LIMITS.eventBytes, invalidEvents: oversize.slice(0, MAX_LISTED) },
  );
  return error;
}
