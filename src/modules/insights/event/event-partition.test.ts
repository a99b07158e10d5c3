import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { openDatabase, type Database } from '../../../platform/db/database.js';
import { ingestMessages } from '../ingest/ingest.service.js';
import { ingestDeps, message, webSource } from '../ingest/ingest.test-helper.js';
import { monthsOf, partitionDdl, partitionName } from './event-partition.js';
import { MonthPartitions } from './event.service.js';

describe('month partitions (pure)', () => {
  it('names months in UTC, oldest first, each once', () => {
    const months = monthsOf([
      new Date('2026-03-31T23:59:59.999Z'),
      new Date('2026-04-01T00:00:00Z'),
      new Date('1999-12-15T00:00:00Z'),
      new Date('2026-03-01T00:00:00Z'),
    ]);
    expect(months.map(partitionName)).toEqual(['events_1999_12', 'events_2026_03', 'events_2026_04']);
  });

  it('bounds a partition from the first of its month to the first of the next, across a year end', () => {
    expect(partitionDdl({ year: 2026, month: 12 })).toBe(
      "create table if not exists events_2026_12 partition of events for values from ('2026-12-01 00:00:00+00') to ('2027-01-01 00:00:00+00')",
    );
  });
});

describe('MonthPartitions', () => {
  let database: Database & { url?: string };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  const partitions = async () =>
    (
      await database.db.execute<{ name: string }>(sql`
        select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'events'::regclass order by 1`)
    ).rows.map((row) => row.name);

  it('creates each missing month once, also when called again or concurrently', async () => {
    const dates = [new Date('2031-05-10T00:00:00Z'), new Date('2031-06-10T00:00:00Z')];
    // A second handle on the same database stands for a second process with its own cache.
    const other = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 2 }) : undefined;
    const mine = new MonthPartitions(database.db);
    try {
      await Promise.all([
        mine.ensure(dates),
        new MonthPartitions(other?.db ?? database.db).ensure(dates),
        mine.ensure(dates.slice(1)),
      ]);
    } finally {
      await other?.close();
    }
    await mine.ensure(dates);
    expect((await partitions()).filter((name) => name.startsWith('events_2031'))).toEqual([
      'events_2031_05',
      'events_2031_06',
    ]);
  });

  it('remembers known months, and looks again once told to forget', async () => {
    const dates = [new Date('2032-01-01T00:00:00Z')];
    const known = new MonthPartitions(database.db);
    await known.ensure(dates);
    await database.db.execute(sql`drop table events_2032_01`);
    await known.ensure(dates);
    expect(await partitions()).not.toContain('events_2032_01');
    known.forget();
    await known.ensure(dates);
    expect(await partitions()).toContain('events_2032_01');
  });

  it('lets ingest recover when a known partition was dropped behind its back', async () => {
    const source = webSource((await makeTenant(database.db)).tenant.id);
    const deps = ingestDeps(database.db);
    const at = new Date('2033-07-04T00:00:00Z');
    await ingestMessages(deps, source, [message({ anonymousId: 'a', timestamp: at })], at);
    await database.db.execute(sql`drop table events_2033_07`);
    expect(await ingestMessages(deps, source, [message({ anonymousId: 'a', timestamp: at })], at)).toEqual({
      stored: 1,
      duplicates: 0,
    });
    expect(await partitions()).toContain('events_2033_07');
  });
});
