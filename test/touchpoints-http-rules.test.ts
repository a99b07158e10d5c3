/**
 * Every rule of the touchpoint HTTP API (`/v1`), broken on purpose through a running server: paths,
 * write keys, encodings, sizes, invalid events, repeats, rates, CORS and a failing database.
 */
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/database.js';
import {
  countOf as countIn,
  startIngestWorld,
  storedEvents as storedOf,
  type IngestWorld,
} from './helpers/ingest-world.js';

let world: IngestWorld;
let db: Db;
let server: IngestWorld['server'];
let keys: IngestWorld['keys'];

beforeAll(async () => {
  world = await startIngestWorld();
  ({ db, server, keys } = world);
});
afterAll(async () => world?.server.close());

const storedEvents = (prefix: string) => storedOf(db, prefix);
const countOf = (messageId: string) => countIn(db, messageId);

type Sent = { status: number; headers: Headers; body: Record<string, unknown> };

async function post(
  path: string,
  body: string | Buffer,
  options: { key?: string; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.key !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${options.key}:`).toString('base64')}`;
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const json = (value: unknown): string => JSON.stringify(value);

function expectProblem(sent: Sent, status: number, code: string): void {
  expect(sent.status, JSON.stringify(sent.body)).toBe(status);
  expect(sent.headers.get('content-type')).toContain('application/problem+json');
  expect(sent.body).toMatchObject({ status, code });
}

describe('the HTTP API, broken on purpose', () => {
  it('takes every path, long and short, and answers { success: true }', async () => {
    const calls: [string, Record<string, unknown>][] = [
      ['/v1/identify', { userId: 'raw-u1', traits: { name: 'Raw' } }],
      ['/v1/track', { userId: 'raw-u1', event: 'Long Path' }],
      ['/v1/page', { userId: 'raw-u1', name: 'Pricing' }],
      ['/v1/screen', { userId: 'raw-u1', name: 'Home' }],
      ['/v1/group', { userId: 'raw-u1', groupId: 'raw-g1' }],
      ['/v1/alias', { userId: 'raw-u1', previousId: 'raw-a1' }],
      ['/v1/i', { userId: 'raw-u1' }],
      ['/v1/t', { userId: 'raw-u1', event: 'Short Path' }],
      ['/v1/p', { anonymousId: 'raw-a1' }],
      ['/v1/s', { anonymousId: 'raw-a1' }],
      ['/v1/g', { anonymousId: 'raw-a1', groupId: 7 }],
      ['/v1/a', { userId: 'raw-u1', previousId: 'raw-a3' }],
    ];
    for (const [index, [path, body]] of calls.entries()) {
      const sent = await post(path, json({ ...body, messageId: `path-${index}` }), { key: keys.raw });
      expect(sent.status, `${path} ${JSON.stringify(sent.body)}`).toBe(200);
      expect(sent.body).toEqual({ success: true });
    }
    const types = Object.fromEntries((await storedEvents('path-')).map((e) => [e.message_id, e.type]));
    const kinds = ['identify', 'track', 'page', 'screen', 'group', 'alias'];
    expect(types).toEqual(Object.fromEntries(calls.map((_, i) => [`path-${i}`, kinds[i % 6]])));
  });

  it('401 for an unknown, missing or disabled write key', async () => {
    const body = json({ userId: 'u', event: 'e' });
    expectProblem(
      await post('/v1/track', body, { key: 'wk_nope' }),
      401,
      'insights.ingest.unknown_write_key',
    );
    expectProblem(await post('/v1/track', body), 401, 'insights.ingest.unknown_write_key');
    expectProblem(
      await post('/v1/track', body, { key: keys.disabled }),
      401,
      'insights.ingest.unknown_write_key',
    );
    expectProblem(
      await post('/v1/batch', json({ writeKey: 'wk_nope', batch: [] })),
      401,
      'insights.ingest.unknown_write_key',
    );
  });

  it('takes the write key from the body', async () => {
    const sent = await post(
      '/v1/batch',
      json({
        writeKey: keys.raw,
        batch: [{ type: 'track', userId: 'u', event: 'Body Key', messageId: 'body-key-1' }],
      }),
    );
    expect(sent.status).toBe(200);
    expect(await countOf('body-key-1')).toBe(1);
  });

  it('400 for bad JSON, a non-object body, bad gzip and an unknown encoding', async () => {
    expectProblem(await post('/v1/track', '{"userId":', { key: keys.raw }), 400, 'insights.ingest.bad_json');
    expectProblem(await post('/v1/track', '', { key: keys.raw }), 400, 'insights.ingest.bad_json');
    expectProblem(await post('/v1/batch', '[]', { key: keys.raw }), 400, 'insights.ingest.bad_json');
    expectProblem(
      await post('/v1/track', '{"userId":"u"}', { key: keys.raw, headers: { 'content-encoding': 'gzip' } }),
      400,
      'insights.ingest.bad_gzip',
    );
    expectProblem(
      await post('/v1/track', '{"userId":"u"}', { key: keys.raw, headers: { 'content-encoding': 'br' } }),
      400,
      'insights.ingest.unsupported_encoding',
    );
  });

  it('accepts gzip, text/plain, no or a malformed Content-Type as JSON', async () => {
    const message = (id: string) => json({ userId: 'u', event: 'Encoded', messageId: id });
    const gz = await post('/v1/track', gzipSync(message('enc-1')), {
      key: keys.raw,
      headers: { 'content-encoding': 'gzip' },
    });
    expect(gz.status, JSON.stringify(gz.body)).toBe(200);
    const text = await post('/v1/track', message('enc-2'), {
      key: keys.raw,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(text.status, JSON.stringify(text.body)).toBe(200);
    const odd = await post('/v1/track', message('enc-3'), {
      key: keys.raw,
      headers: { 'content-type': 'no/such;;type=' },
    });
    expect(odd.status, JSON.stringify(odd.body)).toBe(200);
    const none = await fetch(`${server.url}/v1/track`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${keys.raw}:`).toString('base64')}` },
      body: new Blob([message('enc-4')]),
    });
    expect(none.status).toBe(200);
    for (const id of ['enc-1', 'enc-2', 'enc-3', 'enc-4']) expect(await countOf(id)).toBe(1);
  });

  it('400 too_large over 32 KB per call, 500 KB per batch (after gzip) and far beyond the server body limit', async () => {
    const pad = (bytes: number) => ({ userId: 'u', event: 'Big', properties: { pad: 'x'.repeat(bytes) } });
    expectProblem(
      await post('/v1/track', json(pad(33 * 1024)), { key: keys.raw }),
      400,
      'insights.ingest.too_large',
    );
    const batch = json({ batch: Array.from({ length: 20 }, () => pad(30 * 1024)) });
    expectProblem(await post('/v1/batch', batch, { key: keys.raw }), 400, 'insights.ingest.too_large');
    expectProblem(
      await post('/v1/batch', gzipSync(batch), { key: keys.raw, headers: { 'content-encoding': 'gzip' } }),
      400,
      'insights.ingest.too_large',
    );
    expectProblem(
      await post('/v1/batch', Buffer.alloc(6 * 1024 * 1024, 0x20), { key: keys.raw }),
      400,
      'insights.ingest.too_large',
    );
    const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024, 0x20));
    expectProblem(
      await post('/v1/batch', bomb, { key: keys.raw, headers: { 'content-encoding': 'gzip' } }),
      400,
      'insights.ingest.too_large',
    );
    const oneBig = json({
      batch: [
        { type: 'track', ...pad(10) },
        { type: 'track', ...pad(33 * 1024) },
      ],
    });
    const sent = await post('/v1/batch', oneBig, { key: keys.raw });
    expectProblem(sent, 400, 'insights.ingest.too_large');
    expect(sent.body.invalidEvents).toEqual([{ index: 1, field: '', message: 'larger than 32 KB' }]);
  });

  it('400 for a batch with invalid events, naming each by index; nothing of it is stored', async () => {
    const batch = [
      { type: 'track', userId: 'u', event: 'Fine', messageId: 'inv-0' },
      { type: 'track', userId: 'u', messageId: 'inv-1' },
      { type: 'identify', messageId: 'inv-2' },
      { type: 'page', anonymousId: 'a', timestamp: 'last tuesday', messageId: 'inv-3' },
    ];
    const sent = await post('/v1/batch', json({ batch }), { key: keys.raw });
    expectProblem(sent, 400, 'insights.ingest.invalid_event');
    expect(sent.body.invalidEvents).toEqual([
      { index: 1, field: 'event', message: 'required for track' },
      { index: 2, field: 'userId', message: 'userId or anonymousId is required' },
      {
        index: 3,
        field: 'timestamp',
        message: 'must be an ISO-8601 date-time, e.g. 2026-03-01T08:30:00.000Z',
      },
    ]);
    expect(sent.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'batch.1.event', pointer: '#/batch/1/event' }),
      ]),
    );
    expect(await storedEvents('inv-')).toEqual([]);
    expectProblem(
      await post('/v1/alias', json({ userId: 'u' }), { key: keys.raw }),
      400,
      'insights.ingest.invalid_event',
    );
    expectProblem(
      await post('/v1/batch', json({ batch: 'x' }), { key: keys.raw }),
      400,
      'insights.ingest.invalid_batch',
    );
    expectProblem(
      await post('/v1/batch', json({ batch: Array.from({ length: 2_501 }, () => ({})) }), { key: keys.raw }),
      400,
      'insights.ingest.too_large',
    );
  });

  it('stores a repeated message id once', async () => {
    const body = json({
      batch: [
        { type: 'track', userId: 'u', event: 'Once', messageId: 'dup-1' },
        { type: 'track', userId: 'u', event: 'Once', messageId: 'dup-1' },
      ],
    });
    for (let i = 0; i < 3; i++) expect((await post('/v1/batch', body, { key: keys.raw })).status).toBe(200);
    expect(await countOf('dup-1')).toBe(1);
  });

  it('429 with Retry-After when a source exceeds its rate', async () => {
    const batch = (from: number) =>
      json({
        batch: Array.from({ length: 5 }, (_, i) => ({
          type: 'track',
          userId: 'u',
          event: 'Fast',
          messageId: `rate-${from + i}`,
        })),
      });
    expect((await post('/v1/batch', batch(0), { key: keys.slow })).status).toBe(200);
    const refused = await post('/v1/batch', batch(5), { key: keys.slow });
    expectProblem(refused, 429, 'insights.ingest.rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(refused.body.retryAfterSeconds).toBe(retryAfter);
    expect(await countOf('rate-5')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    expect((await post('/v1/batch', batch(5), { key: keys.slow })).status).toBe(200);
    expect(await countOf('rate-5')).toBe(1);
  });

  it('answers a CORS preflight so browsers may send from any site', async () => {
    const response = await fetch(`${server.url}/v1/batch`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  // Last: it breaks the database for a moment.
  it('answers 5xx, so the client retries, when the database fails; nothing is half-stored', async () => {
    await db.execute(sql`alter table event_message_ids rename to event_message_ids_away`);
    try {
      const sent = await post('/v1/track', json({ userId: 'u', event: 'Doomed', messageId: 'db-1' }), {
        key: keys.raw,
      });
      expect(sent.status).toBeGreaterThanOrEqual(500);
      expect(sent.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await db.execute(sql`alter table event_message_ids_away rename to event_message_ids`);
    }
    expect(await countOf('db-1')).toBe(0);
    expect(
      (await post('/v1/track', json({ userId: 'u', event: 'Doomed', messageId: 'db-1' }), { key: keys.raw }))
        .status,
    ).toBe(200);
    expect(await countOf('db-1')).toBe(1);
  });
});
