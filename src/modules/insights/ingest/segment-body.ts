/**
 * Reading a Segment request body: the raw bytes (capped while they arrive), gzip (capped while it
 * inflates, so a small bomb cannot fill memory), JSON whatever the Content-Type says (browsers send
 * `text/plain` to avoid a CORS preflight), and the write key from Basic auth or the body.
 */
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { AppError } from '../../../platform/errors.js';
import { parseSegmentJson } from './segment-json.js';

export { cleanText } from './segment-json.js';

const gunzipAsync = promisify(gunzip);

/** The Segment HTTP API's limits, measured on the decompressed JSON. */
export const INGEST_LIMITS = {
  /** One event, and the whole body of a single-event call. */
  eventBytes: 32 * 1024,
  /** The whole body of a batch call. */
  batchBytes: 500 * 1024,
  /** Events in one batch. */
  batchEvents: 2_500,
} as const;

/** gzip's own overhead (header, block headers, trailer): a gzip body this much larger must inflate too big. */
const GZIP_SLACK_BYTES = 1024;
/** Past this, an oversize body is not even read to its end: the connection is dropped. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/** A `400 insights.ingest.too_large` naming the limit. */
export function tooLarge(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('invalid', 'insights.ingest.too_large', message, { details });
}

/** The body is larger than `maxBytes` after decompression. */
function bodyTooLarge(maxBytes: number): AppError {
  return tooLarge(`The request body is larger than ${maxBytes / 1024} KB (after decompression).`, {
    limitBytes: maxBytes,
  });
}

/** How a body arrived. */
export type BodyEncoding = { gzip: boolean };

/** Reads `Content-Encoding`: none/identity or gzip; anything else is a 400. */
export function bodyEncodingOf(header: string | string[] | undefined): BodyEncoding {
  const value = [header ?? ''].flat().join(',').trim().toLowerCase();
  if (value === '' || value === 'identity') return { gzip: false };
  if (value === 'gzip' || value === 'x-gzip') return { gzip: true };
  throw new AppError(
    'invalid',
    'insights.ingest.unsupported_encoding',
    `Content-Encoding "${value}" is not supported; send the body as is or gzip it.`,
  );
}

/**
 * Collects the raw body of a request whose decompressed size may be at most `maxBytes`. A body over
 * the cap is read to its end (so the client sees our 400, not a reset connection) but not kept.
 */
export function readRawBody(stream: Readable, maxBytes: number, encoding: BodyEncoding): Promise<Buffer> {
  const cap = encoding.gzip ? maxBytes + GZIP_SLACK_BYTES : maxBytes;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= cap) chunks.push(chunk);
      else if (received > DRAIN_LIMIT_BYTES) stream.destroy(bodyTooLarge(maxBytes));
    });
    stream.on('error', (error) => reject(error instanceof AppError ? error : clientGone(error)));
    stream.on('end', () =>
      received > cap ? reject(bodyTooLarge(maxBytes)) : resolve(Buffer.concat(chunks)),
    );
  });
}

function clientGone(error: Error): AppError {
  return new AppError(
    'invalid',
    'insights.ingest.body_incomplete',
    `The body was not received: ${error.message}`,
  );
}

/** Inflates (when gzip) and parses the body; it must be a JSON object of at most `maxBytes`. */
export async function decodeBody(
  raw: Buffer,
  maxBytes: number,
  encoding: BodyEncoding,
): Promise<Record<string, unknown>> {
  const bytes = encoding.gzip ? await inflate(raw, maxBytes) : raw;
  if (bytes.length > maxBytes) throw bodyTooLarge(maxBytes);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = parseSegmentJson(text);
  } catch (error) {
    const reason = text.trim() === '' ? 'the body is empty' : (error as Error).message;
    throw new AppError('invalid', 'insights.ingest.bad_json', `The body is not valid JSON: ${reason}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('invalid', 'insights.ingest.bad_json', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

async function inflate(raw: Buffer, maxBytes: number): Promise<Buffer> {
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxBytes + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bodyTooLarge(maxBytes);
    throw new AppError(
      'invalid',
      'insights.ingest.bad_gzip',
      `Content-Encoding is gzip but the body does not inflate: ${(error as Error).message}.`,
    );
  }
}

/**
 * The write key of a request: the user name of HTTP Basic auth (the password is ignored, clients send
 * it empty), else `writeKey` in the body; undefined when there is neither.
 */
export function writeKeyFrom(
  authorization: string | undefined,
  body: Record<string, unknown>,
): string | undefined {
  const basic = /^basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const user = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
    if (user !== '') return user;
  }
  return typeof body.writeKey === 'string' && body.writeKey !== '' ? body.writeKey : undefined;
}
