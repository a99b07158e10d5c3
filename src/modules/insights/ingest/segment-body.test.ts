import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import {
  bodyEncodingOf,
  cleanText,
  decodeBody,
  INGEST_LIMITS,
  readRawBody,
  writeKeyFrom,
} from './segment-body.js';

const plain = { gzip: false };
const gzip = { gzip: true };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

function chunks(...parts: (string | Buffer)[]): Readable {
  return Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

describe('readRawBody', () => {
  it('joins the chunks', async () => {
    expect((await readRawBody(chunks('{"a":', '1}'), 100, plain)).toString()).toBe('{"a":1}');
  });

  it('takes exactly the limit and refuses one byte more (after reading it all)', async () => {
    const limit = 1024;
    expect((await readRawBody(chunks('x'.repeat(limit)), limit, plain)).length).toBe(limit);
    const stream = chunks('x'.repeat(600), 'x'.repeat(425));
    const error = await failure(readRawBody(stream, limit, plain));
    expect(error.code).toBe('insights.ingest.too_large');
    expect(stream.readableEnded).toBe(true);
  });

  it('leaves room for gzip’s own overhead when the body is compressed', async () => {
    expect((await readRawBody(chunks('x'.repeat(1100)), 1024, gzip)).length).toBe(1100);
    expect((await failure(readRawBody(chunks('x'.repeat(4000)), 1024, gzip))).code).toBe(
      'insights.ingest.too_large',
    );
  });

  it('stops reading a body far over the limit', async () => {
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < 100; i++) yield Buffer.alloc(1024 * 1024);
      })(),
    );
    const error = await failure(readRawBody(stream, 1024, plain));
    expect(error.code).toBe('insights.ingest.too_large');
    expect(stream.destroyed).toBe(true);
  });

  it('reports a body cut off by the client', async () => {
    const stream = new Readable({ read() {} });
    stream.push('{"a":');
    const reading = readRawBody(stream, 1024, plain);
    stream.destroy(new Error('aborted'));
    expect((await failure(reading)).code).toBe('insights.ingest.body_incomplete');
  });
});

describe('decodeBody', () => {
  it('parses a JSON object, with or without a BOM', async () => {
    expect(await decodeBody(Buffer.from('{"userId":"u1"}'), 100, plain)).toEqual({ userId: 'u1' });
    expect(await decodeBody(Buffer.from('\uFEFF{"a":[1]}'), 100, plain)).toEqual({ a: [1] });
  });

  it('inflates gzip', async () => {
    const body = { batch: [{ type: 'track', event: '下单', userId: 'u1' }] };
    expect(await decodeBody(gzipSync(JSON.stringify(body)), 1000, gzip)).toEqual(body);
  });

  it.each([
    ['{"a":', 'not valid JSON'],
    ['', 'the body is empty'],
    ['   ', 'the body is empty'],
    ['[1,2]', 'must be a JSON object'],
    ['null', 'must be a JSON object'],
    ['"text"', 'must be a JSON object'],
    ['{"a":1} trailing', 'not valid JSON'],
  ])('refuses %j as bad JSON', async (text, message) => {
    const error = await failure(decodeBody(Buffer.from(text), 100, plain));
    expect(error.code).toBe('insights.ingest.bad_json');
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain(message);
  });

  it('refuses a body that is not gzip although it says so', async () => {
    const error = await failure(decodeBody(Buffer.from('{"a":1}'), 100, gzip));
    expect(error.code).toBe('insights.ingest.bad_gzip');
    const truncated = gzipSync('{"a":1}').subarray(0, 12);
    expect((await failure(decodeBody(truncated, 100, gzip))).code).toBe('insights.ingest.bad_gzip');
  });

  it('measures the limit after decompression', async () => {
    const json = JSON.stringify({ pad: 'x'.repeat(2000) });
    const compressed = gzipSync(json);
    expect(compressed.length).toBeLessThan(100);
    const error = await failure(decodeBody(compressed, 1024, gzip));
    expect(error.code).toBe('insights.ingest.too_large');
    expect(error.details).toMatchObject({ limitBytes: 1024 });
    expect(await decodeBody(compressed, json.length, gzip)).toEqual({ pad: 'x'.repeat(2000) });
    expect((await failure(decodeBody(Buffer.from(json), json.length - 1, plain))).code).toBe(
      'insights.ingest.too_large',
    );
  });

  it('cuts a gzip bomb off while inflating', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(INGEST_LIMITS.batchBytes);
    const before = process.memoryUsage().arrayBuffers;
    const error = await failure(decodeBody(bomb, INGEST_LIMITS.batchBytes, gzip));
    expect(error.code).toBe('insights.ingest.too_large');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('drops NUL characters and replaces lone surrogates, in values and keys', async () => {
    const text = String.raw`{"a":"x\u0000y","b":["\ud800"],"c\u0000":{"d":"ok \ud83d\ude00","e":"\udc00z"}}`;
    expect(await decodeBody(Buffer.from(text), 1000, plain)).toEqual({
      a: 'xy',
      b: ['\uFFFD'],
      c: { d: 'ok 😀', e: '\uFFFDz' },
    });
  });
});

describe('cleanText', () => {
  it('keeps well-formed text as it is', () => {
    expect(cleanText('客户 😀 ok')).toBe('客户 😀 ok');
    expect(cleanText('a\u0000b\ud800')).toBe('ab\uFFFD');
  });
});

describe('bodyEncodingOf', () => {
  it('knows identity and gzip and refuses the rest', () => {
    expect(bodyEncodingOf(undefined)).toEqual({ gzip: false });
    expect(bodyEncodingOf('identity')).toEqual({ gzip: false });
    expect(bodyEncodingOf('GZIP')).toEqual({ gzip: true });
    expect(bodyEncodingOf('x-gzip')).toEqual({ gzip: true });
    expect(() => bodyEncodingOf('br')).toThrow(/not supported/);
    expect(() => bodyEncodingOf('gzip, gzip')).toThrow(/not supported/);
  });
});

describe('writeKeyFrom', () => {
  const basic = (credentials: string): string => `Basic ${Buffer.from(credentials).toString('base64')}`;

  it('reads the Basic user name, password empty or not', () => {
    expect(writeKeyFrom(basic('wk_123:'), {})).toBe('wk_123');
    expect(writeKeyFrom(basic('wk_123:ignored'), {})).toBe('wk_123');
    expect(writeKeyFrom(basic('wk_123'), {})).toBe('wk_123');
    expect(writeKeyFrom(`basic   ${Buffer.from('wk_1:').toString('base64')}`, {})).toBe('wk_1');
  });

  it('falls back to writeKey in the body, and prefers the header', () => {
    expect(writeKeyFrom(undefined, { writeKey: 'wk_body' })).toBe('wk_body');
    expect(writeKeyFrom(basic(':'), { writeKey: 'wk_body' })).toBe('wk_body');
    expect(writeKeyFrom('Bearer abc', { writeKey: 'wk_body' })).toBe('wk_body');
    expect(writeKeyFrom(basic('wk_head:'), { writeKey: 'wk_body' })).toBe('wk_head');
  });

  it('finds none when there is none', () => {
    expect(writeKeyFrom(undefined, {})).toBeUndefined();
    expect(writeKeyFrom(undefined, { writeKey: '' })).toBeUndefined();
    expect(writeKeyFrom(undefined, { writeKey: 42 })).toBeUndefined();
    expect(writeKeyFrom('Basic', {})).toBeUndefined();
  });
});
