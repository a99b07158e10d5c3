import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import type { LogFormat } from '../config.js';
import type { Database } from '../db/database.js';
import { createHttpServer, type HttpApp } from './server.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The log lines of one request to a server built with `level` and `format`, and one warning. */
async function logOf(level: string, format: LogFormat): Promise<string[]> {
  const lines: string[] = [];
  const app: HttpApp = await createHttpServer({
    db: database.db,
    logLevel: level,
    logFormat: format,
    logStream: { write: (line) => void lines.push(line) },
    version: 'test',
    actors: { fromApiKey: async () => undefined, fromSession: async () => undefined },
  });
  app.get('/ping', async () => ({ ok: true }));
  await app.ready();
  try {
    expect((await app.inject({ method: 'GET', url: '/ping' })).statusCode).toBe(200);
    app.log.warn('disk almost full');
  } finally {
    await app.close();
  }
  return lines.join('').split('\n').filter(Boolean);
}

describe('the server log', () => {
  it('leaves requests out at info and logs them at debug', async () => {
    const info = await logOf('info', 'json');
    expect(info).toHaveLength(1);
    expect(JSON.parse(info[0]!)).toMatchObject({ msg: 'disk almost full', level: 40 });
    const debug = (await logOf('debug', 'json')).map((line) => JSON.parse(line) as { msg: string });
    expect(debug.map((entry) => entry.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed', 'disk almost full']),
    );
  });

  it('writes one readable line per entry in the pretty format, not JSON', async () => {
    const pretty = await logOf('info', 'pretty');
    expect(pretty).toHaveLength(1);
    expect(pretty[0]).toMatch(/^\[\d\d:\d\d:\d\d(\.\d+)?\] WARN: disk almost full$/);
    expect(pretty[0]!.startsWith('{')).toBe(false);
  });
});
