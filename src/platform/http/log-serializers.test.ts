import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import type { Database } from '../db/database.js';
import { redactUrl, serializeError } from './log-serializers.js';
import { createHttpServer, type HttpApp } from './server.js';

const SECRET_NAME = 'Zhang Wei 张伟';
const SECRET_PHONE = '13800138000';

let database: Database;
let app: HttpApp;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createHttpServer({
    db: database.db,
    logLevel: 'info',
    logStream: { write: (line) => void lines.push(line) },
    version: 'test',
    actors: { fromApiKey: async () => undefined, fromSession: async () => undefined },
  });
  // Queries that fail inside PostgreSQL with the values among their parameters.
  app.get('/nul', async () => database.db.execute(sql`select ${`${SECRET_NAME}\u0000`}::text`));
  app.get('/range', async () => database.db.execute(sql`select ${SECRET_PHONE}::int`));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the request log', () => {
  it('logs a failed query with its SQLSTATE and SQL text but none of its parameter values', async () => {
    for (const url of ['/nul?q=' + encodeURIComponent(SECRET_NAME), '/range']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(500);
    }
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('"code":"22021"'); // invalid byte sequence: the NUL
    expect(log).toContain('"code":"22003"'); // out of range
    expect(log).toContain('select $1::text');
    expect(log).not.toContain('Zhang');
    expect(log).not.toContain(encodeURIComponent(SECRET_NAME));
    expect(log).not.toContain(SECRET_PHONE);
  });

  it('keeps the cause chain, the stack and schema names of a database error', async () => {
    const error = await database.db.execute(sql`select ${SECRET_PHONE}::int`).catch((e: unknown) => e);
    const logged = serializeError(error);
    expect(logged.type).toBe('DrizzleQueryError');
    expect(logged.message).toBe('Failed query: select $1::int');
    expect(logged.stack).toContain('Failed query: select $1::int');
    expect(logged.cause).toMatchObject({ code: '22003', severity: 'ERROR' });
    expect(JSON.stringify(logged)).not.toContain(SECRET_PHONE);
  });

  it("keeps the violated constraint's name when a Citus shard's error comes without the field", () => {
    const shardError = Object.assign(
      new Error('duplicate key value violates unique constraint "people_external_id_key_102040"'),
      {
        severity: 'ERROR',
        code: '23505',
        detail: `Key (tenant_id, external_id)=(…, ${SECRET_PHONE}) already exists.`,
      },
    );
    const logged = serializeError(
      Object.assign(new Error('Failed query: insert into "people" …'), { cause: shardError }),
    );
    expect(logged.cause).toMatchObject({ code: '23505', constraint: 'people_external_id_key_102040' });
    expect(logged.cause?.message).toBe('duplicate key value violates unique constraint "…"');
    expect(JSON.stringify(logged)).not.toContain(SECRET_PHONE);
  });

  it('cuts the values from query strings and keeps their names', () => {
    expect(redactUrl('/api/customers?q=%E5%BC%A0&limit=5')).toBe('/api/customers?q=…&limit=…');
    expect(redactUrl('/api/customers')).toBe('/api/customers');
  });
});
