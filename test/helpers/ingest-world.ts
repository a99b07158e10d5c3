/**
 * The world of the touchpoint client suites: a listening server with sources of every kind a test
 * needs, and reads of what the ingest stored.
 */
import { sql } from 'drizzle-orm';
import { createSource, updateSource } from '../../src/modules/insights/source/source.service.js';
import { systemClock } from '../../src/platform/clock.js';
import type { Db } from '../../src/platform/db/database.js';
import { makeTenant } from './factories.js';
import { startTestServer } from './server.js';

/** The write keys of the world's sources: one per client, a raw one, a slow (5/s) and a disabled one. */
export type IngestKeys = { segment: string; rudder: string; raw: string; slow: string; disabled: string };

/** A running server with its database and the write keys of its sources. */
export type IngestWorld = { server: Awaited<ReturnType<typeof startTestServer>>; db: Db; keys: IngestKeys };

/** Starts the server and makes the sources. */
export async function startIngestWorld(): Promise<IngestWorld> {
  const server = await startTestServer();
  const db = server.database.db;
  const { admin } = await makeTenant(db);
  const deps = { db, clock: systemClock };
  const make = (name: string, rateLimitPerSecond?: number) =>
    createSource(deps, admin.actor, { name, kind: 'server', rateLimitPerSecond });
  const keys: IngestKeys = { segment: '', rudder: '', raw: '', slow: '', disabled: '' };
  keys.segment = (await make('segment-node')).writeKey;
  keys.rudder = (await make('rudder-node')).writeKey;
  keys.raw = (await make('raw-http')).writeKey;
  keys.slow = (await make('slow', 5)).writeKey;
  const disabled = await make('disabled');
  await updateSource(deps, admin.actor, disabled.id, { disabled: true });
  keys.disabled = disabled.writeKey;
  return { server, db, keys };
}

/** An event as stored. */
export type StoredEvent = {
  message_id: string;
  type: string;
  event: string | null;
  person_id: string | null;
  timestamp: Date;
};

/** The stored events whose message id starts with `prefix`. */
export async function storedEvents(db: Db, prefix: string): Promise<StoredEvent[]> {
  const result = await db.execute<StoredEvent>(
    sql`select message_id, type, event, person_id, timestamp from events where message_id like ${`${prefix}%`}`,
  );
  return result.rows.map((row) => ({ ...row, timestamp: new Date(row.timestamp) }));
}

/** How many events carry `messageId`. */
export async function countOf(db: Db, messageId: string): Promise<number> {
  const result = await db.execute<{ n: string }>(
    sql`select count(*) as n from events where message_id = ${messageId}`,
  );
  return Number(result.rows[0]!.n);
}
