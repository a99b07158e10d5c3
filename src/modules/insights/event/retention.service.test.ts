import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { DAY_MS, fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { CreateSourceInput } from '../source/source.contract.js';
import { createSource, ensureSystemSource } from '../source/source.service.js';
import { MonthPartitions } from './event.service.js';
import {
  MESSAGE_ID_TTL_DAYS,
  RETENTION_CHUNK_ROWS,
  retentionJob,
  runRetention,
} from './retention.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

async function source(actor: Actor, input: Omit<CreateSourceInput, 'name'>) {
  const clock = fixedClock('2026-01-01T00:00:00Z');
  return createSource({ db: database.db, clock }, actor, { name: `s-${newId()}`, ...input });
}

/** Stores `count` events of a source at `at` (straight into the table: retention does not care how they came). */
async function addEvents(s: { tenantId: string; id: string }, at: Date, count = 1, stepMs = 0) {
  await new MonthPartitions(database.db).ensure([at, new Date(at.getTime() + count * stepMs)]);
  await database.db.execute(sql`
    insert into events (tenant_id, id, source_id, type, event, channel, message_id, "timestamp", received_at)
    select ${s.tenantId}::uuid, gen_random_uuid(), ${s.id}::uuid, 'track', 'Visit', 'web', 'm-' || gen_random_uuid(),
      ${at.toISOString()}::timestamptz + (g - 1) * ${stepMs} * interval '1 millisecond', ${at.toISOString()}::timestamptz
    from generate_series(1, ${count}) g`);
}

async function addMessageId(s: { tenantId: string; id: string }, messageId: string, receivedAt: Date) {
  await database.db.execute(sql`
    insert into event_message_ids (tenant_id, source_id, message_id, received_at)
    values (${s.tenantId}::uuid, ${s.id}::uuid, ${messageId}, ${receivedAt.toISOString()}::timestamptz)`);
}

async function countEvents(s: { tenantId: string; id: string }): Promise<number> {
  const result = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from events where tenant_id = ${s.tenantId}::uuid and source_id = ${s.id}::uuid`,
  );
  return result.rows[0]!.n;
}

async function messageIds(s: { tenantId: string; id: string }): Promise<string[]> {
  const result = await database.db.execute<{ message_id: string }>(
    sql`select message_id from event_message_ids where tenant_id = ${s.tenantId}::uuid and source_id = ${s.id}::uuid order by 1`,
  );
  return result.rows.map((row) => row.message_id);
}

describe('runRetention', () => {
  it("deletes each source's events older than its retention by event time, and nobody else's", async () => {
    const now = new Date('2026-06-15T00:00:00Z');
    const clock = fixedClock(now);
    const a = await makeTenant(database.db);
    const b = await makeTenant(database.db);
    const web = {
      tenantId: a.tenant.id,
      ...(await source(a.admin.actor, { kind: 'web', retentionDays: 30 })),
    };
    const app = { tenantId: a.tenant.id, ...(await source(a.admin.actor, { kind: 'app' })) };
    const short = {
      tenantId: b.tenant.id,
      ...(await source(b.admin.actor, { kind: 'web', retentionDays: 1 })),
    };
    const system = await ensureSystemSource(database.db, a.tenant.id);
    const sys = { tenantId: a.tenant.id, id: system.sourceId };
    const cutoff = new Date(now.getTime() - 30 * DAY_MS);
    await addEvents(web, new Date('2026-03-02T10:00:00Z'), 3);
    await addEvents(web, new Date(cutoff.getTime() - 1), 2);
    await addEvents(web, cutoff, 4);
    await addEvents(web, new Date('2026-06-14T00:00:00Z'), 5);
    await addEvents(app, new Date('2025-01-01T00:00:00Z'), 6);
    await addEvents(sys, new Date('2025-01-01T00:00:00Z'), 1);
    await addEvents(short, new Date(now.getTime() - 2 * DAY_MS), 7);
    await addEvents(short, new Date(now.getTime() - DAY_MS / 2), 8);

    const result = await runRetention({ db: database.db, clock });
    expect(result.deletedEvents).toBeGreaterThanOrEqual(3 + 2 + 7);
    expect(await countEvents(web)).toBe(4 + 5);
    expect(await countEvents(app)).toBe(6);
    expect(await countEvents(sys)).toBe(1);
    expect(await countEvents(short)).toBe(8);

    // A second run at the same moment finds nothing; a day later the cutoff moves on.
    expect((await runRetention({ db: database.db, clock })).deletedEvents).toBe(0);
    clock.advanceDays(1);
    await runRetention({ db: database.db, clock });
    expect(await countEvents(web)).toBe(5);
    expect(await countEvents(short)).toBe(0);
  });

  it('deletes a backlog larger than one chunk completely', async () => {
    const clock = fixedClock('2026-06-15T00:00:00Z');
    const { tenant, admin } = await makeTenant(database.db);
    const big = { tenantId: tenant.id, ...(await source(admin.actor, { kind: 'server', retentionDays: 7 })) };
    // A second apart: every chunk ends at a different time, so this takes three chunks.
    await addEvents(big, new Date('2026-04-10T00:00:00Z'), RETENTION_CHUNK_ROWS * 2 + 17, 1000);
    await addEvents(big, new Date('2026-05-20T00:00:00Z'), 3);
    await addEvents(big, new Date('2026-06-14T00:00:00Z'), 2);
    const result = await runRetention({ db: database.db, clock });
    expect(result.deletedEvents).toBe(RETENTION_CHUNK_ROWS * 2 + 17 + 3);
    expect(await countEvents(big)).toBe(2);
  });

  it(`forgets message ids after ${MESSAGE_ID_TTL_DAYS} days, but an offline source's only with its events`, async () => {
    const now = new Date('2026-06-15T00:00:00Z');
    const clock = fixedClock(now);
    const { tenant, admin } = await makeTenant(database.db);
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const web = { tenantId: tenant.id, ...(await source(admin.actor, { kind: 'web' })) };
    const offline = { tenantId: tenant.id, ...(await source(admin.actor, { kind: 'offline' })) };
    const offlineKept = {
      tenantId: tenant.id,
      ...(await source(admin.actor, { kind: 'offline', retentionDays: 90 })),
    };
    await addMessageId(web, 'old', ago(MESSAGE_ID_TTL_DAYS + 0.01));
    await addMessageId(web, 'day-old', ago(1));
    await addMessageId(web, 'almost', ago(MESSAGE_ID_TTL_DAYS - 0.01));
    await addMessageId(offline, 'last-year', ago(365));
    await addMessageId(offlineKept, 'older-than-retention', ago(91));
    await addMessageId(offlineKept, 'within-retention', ago(30));

    const result = await runRetention({ db: database.db, clock });
    expect(result.purgedMessageIds).toBeGreaterThanOrEqual(2);
    expect(await messageIds(web)).toEqual(['almost', 'day-old']);
    expect(await messageIds(offline)).toEqual(['last-year']);
    expect(await messageIds(offlineKept)).toEqual(['within-retention']);
    clock.advanceDays(1);
    await runRetention({ db: database.db, clock });
    expect(await messageIds(web)).toEqual(['day-old']);
    // More than a chunk, a millisecond apart: purged completely in one run.
    await database.db.execute(sql`
      insert into event_message_ids (tenant_id, source_id, message_id, received_at)
      select ${web.tenantId}::uuid, ${web.id}::uuid, 'bulk-' || g, timestamptz '2026-01-01' + g * interval '1 millisecond'
      from generate_series(1, ${RETENTION_CHUNK_ROWS + 3}) g`);
    expect((await runRetention({ db: database.db, clock })).purgedMessageIds).toBeGreaterThanOrEqual(
      RETENTION_CHUNK_ROWS + 3,
    );
    expect(await messageIds(web)).toEqual(['day-old']);
  });
});

describe('retentionJob', () => {
  it('runs hourly and logs what it removed', async () => {
    const clock = fixedClock('2026-06-15T00:00:00Z');
    const { tenant, admin } = await makeTenant(database.db);
    const web = { tenantId: tenant.id, ...(await source(admin.actor, { kind: 'web', retentionDays: 1 })) };
    await addEvents(web, new Date('2026-06-01T00:00:00Z'), 2);
    const logged: Record<string, unknown>[] = [];
    const job = retentionJob(
      { db: database.db, clock },
      { info: (details) => logged.push(details), error: () => undefined },
    );
    expect(job).toMatchObject({ name: 'insights.retention', everyMs: 3_600_000 });
    await job.run();
    expect(await countEvents(web)).toBe(0);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ deletedEvents: expect.any(Number) });
    expect(logged[0]!.deletedEvents).toBeGreaterThanOrEqual(2);
  });
});
