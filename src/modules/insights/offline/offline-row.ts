/**
 * One row of an offline list to touchpoint messages: the columns Kehu knows (English names or the
 * Chinese ones a salon sign-in sheet uses), everything else as event properties, and the checks
 * that reject a row. Pure: no database, no clock.
 */
import { createHash } from 'node:crypto';
import type { TouchpointMessage } from '../message/message.contract.js';
import type { OfflineImportRejection } from './offline-import.contract.js';
import { parseOfflineTime } from './offline-time.js';

/** The columns with a meaning; the rest become properties. */
export const OFFLINE_FIELDS = [
  'event',
  'timestamp',
  'userId',
  'anonymousId',
  'email',
  'phone',
  'name',
  'groupId',
  'messageId',
] as const;
export type OfflineField = (typeof OFFLINE_FIELDS)[number];

/** Header spellings of each field, compared without case, spaces, `_` and `-`. */
const ALIASES: Record<OfflineField, string[]> = {
  event: ['event', '事件'],
  timestamp: ['timestamp', 'time', '时间'],
  userId: ['userid', '用户id'],
  anonymousId: ['anonymousid'],
  email: ['email', '邮箱'],
  phone: ['phone', '手机', '电话'],
  name: ['name', '姓名'],
  groupId: ['groupid'],
  messageId: ['messageid'],
};

/** Ids and names are capped like the Segment API caps them. */
const MAX_ID_LENGTH = 255;

/** What each column of the file is: a field, or a property named by its header (null: no header). */
export type OfflineColumns = { fields: (OfflineField | null)[]; headers: string[] };

/** A row read: its messages (an identify first when it carries traits, then the track) or why not. */
export type OfflineRowResult =
  | { ok: true; identify: TouchpointMessage | undefined; track: TouchpointMessage }
  | { ok: false; rejection: OfflineImportRejection };

/** What reading a row needs besides the row. */
export type OfflineRowContext = {
  sourceId: string;
  columns: OfflineColumns;
  /** The time of rows without one: when the file arrived. */
  receivedAt: Date;
  /** The CRM's email and phone normalisation, to refuse values that are neither. */
  emailKey(raw: string): string | undefined;
  phoneKey(raw: string): string | undefined;
};

const loose = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** Maps the header to fields; a field named twice is read from its first non-empty column. */
export function mapOfflineColumns(headers: string[]): OfflineColumns {
  const fields = headers.map(
    (header) => OFFLINE_FIELDS.find((field) => ALIASES[field].includes(loose(header))) ?? null,
  );
  return { fields, headers };
}

/** Checks one row and turns it into messages. */
export function readOfflineRow(context: OfflineRowContext, row: number, values: string[]): OfflineRowResult {
  const { columns } = context;
  if (values.length > columns.headers.length) {
    const message = `has ${values.length} values but the header has ${columns.headers.length} columns`;
    return { ok: false, rejection: { row, field: 'row', message } };
  }
  const { cells, properties } = cellsOf(columns, values);
  const checked = checkCells(context, cells);
  if ('field' in checked) return { ok: false, rejection: { row, ...checked } };
  const messageId = cells.get('messageId') ?? defaultMessageId(context.sourceId, columns.headers, values);
  const base = {
    messageId,
    userId: checked.userId,
    anonymousId: checked.anonymousId,
    groupId: cells.get('groupId') ?? null,
    previousId: null,
    timestamp: checked.time ?? context.receivedAt,
    originalTimestamp: checked.time ?? null,
    sentAt: null,
    context: null,
    channel: 'offline' as const,
  };
  const traits = Object.fromEntries(
    (['name', 'email', 'phone'] as const).flatMap((key) => (cells.has(key) ? [[key, cells.get(key)!]] : [])),
  );
  const identify: TouchpointMessage | undefined =
    Object.keys(traits).length > 0
      ? { ...base, type: 'identify', messageId: `${messageId}:identify`, event: null, properties: {}, traits }
      : undefined;
  const track: TouchpointMessage = { ...base, type: 'track', event: checked.event, properties, traits: null };
  return { ok: true, identify, track };
}

/** The row's non-empty cells: the first value of each field, and the other columns by header. */
function cellsOf(
  columns: OfflineColumns,
  values: string[],
): { cells: Map<OfflineField, string>; properties: Record<string, string> } {
  const cells = new Map<OfflineField, string>();
  const properties: Record<string, string> = {};
  for (const [index, raw] of values.entries()) {
    const value = raw.trim();
    const field = columns.fields[index];
    const header = columns.headers[index];
    if (value === '') continue;
    if (field) {
      if (!cells.has(field)) cells.set(field, value);
    } else if (header) {
      properties[header] = value;
    }
  }
  return { cells, properties };
}

type CheckedRow = {
  event: string;
  userId: string | null;
  anonymousId: string | null;
  time: Date | undefined;
};

/** The row's event, ids and time, or the first field that is wrong and why. */
function checkCells(
  context: OfflineRowContext,
  cells: Map<OfflineField, string>,
): CheckedRow | { field: string; message: string } {
  const event = cells.get('event');
  if (!event) return { field: 'event', message: 'required' };
  for (const field of ['event', 'userId', 'anonymousId', 'groupId', 'messageId', 'name'] as const) {
    if ((cells.get(field)?.length ?? 0) > MAX_ID_LENGTH) {
      return { field, message: `must be at most ${MAX_ID_LENGTH} characters` };
    }
  }
  const email = cells.get('email');
  if (email !== undefined && !context.emailKey(email))
    return { field: 'email', message: 'not an email address' };
  const phone = cells.get('phone');
  if (phone !== undefined && !context.phoneKey(phone))
    return { field: 'phone', message: 'not a phone number' };
  const userId = cells.get('userId') ?? null;
  const contact = email ?? phone;
  const anonymousId = cells.get('anonymousId') ?? (userId === null && contact ? `offline:${contact}` : null);
  if (userId === null && anonymousId === null) {
    return { field: 'userId', message: 'a row needs userId, anonymousId, email or phone' };
  }
  const timeCell = cells.get('timestamp');
  const time = timeCell === undefined ? undefined : parseOfflineTime(timeCell);
  if (timeCell !== undefined && !time) {
    return { field: 'timestamp', message: 'not a time (use ISO 8601 or YYYY-MM-DD HH:mm, China time)' };
  }
  return { event, userId, anonymousId, time };
}

/**
 * A message id that only this row's content gives: the same row imported twice is the same message.
 * Cells are keyed by header and sorted, so reordering the columns does not make rows new.
 */
export function defaultMessageId(sourceId: string, headers: string[], values: string[]): string {
  const cells = values
    .map((value, index) => [loose(headers[index] ?? `#${index}`), value.trim()] as const)
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha256')
    .update(JSON.stringify([sourceId, cells]))
    .digest('base64url');
  return `offline-${hash.slice(0, 32)}`;
}
