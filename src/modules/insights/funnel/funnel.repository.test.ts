import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import {
  ensureTestPartition,
  linkAccount,
  mergePerson,
  seedEvents,
  seedPerson,
} from '../timeline/timeline-seed.test-helper.js';
import * as repo from './funnel.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await ensureTestPartition(database.db);
});
afterAll(async () => database.close());

const read = (tenantId: string, extra: Partial<repo.FunnelRead> = {}): repo.FunnelRead => ({
  tenantId,
  from: new Date('2026-11-01T00:00:00Z'),
  until: new Date('2026-11-30T00:00:00Z'),
  steps: [{ event: 'Signed Up', properties: { plan: 'pro' } }, { event: 'Paid' }],
  exclusions: [{ event: 'Refunded' }],
  allEvents: false,
  breakdownProperty: 'browser',
  aggregateBy: 'person',
  ...extra,
});

async function rowsOf(r: repo.FunnelRead, limit = 2): Promise<repo.FunnelRow[]> {
  const all: repo.FunnelRow[] = [];
  await repo.forEachFunnelPage(database.db, r, limit, (rows) => {
    all.push(...rows);
  });
  return all;
}

describe('forEachFunnelPage', () => {
  it("reads each unit's matching events in time order, merged persons under their survivor", async () => {
    const tenantId = newId();
    const survivor = await seedPerson(database.db, tenantId);
    const middle = await seedPerson(database.db, tenantId);
    const loser = await seedPerson(database.db, tenantId);
    await mergePerson(database.db, tenantId, middle, survivor);
    await mergePerson(database.db, tenantId, loser, middle);
    await seedEvents(database.db, tenantId, [
      {
        personId: loser,
        event: 'Signed Up',
        timestamp: '2026-11-02T10:00:00Z',
        properties: { plan: 'pro', browser: 'Chrome' },
      },
      {
        personId: survivor,
        event: 'Paid',
        timestamp: '2026-11-02T11:00:00Z',
        properties: { browser: 'Safari' },
      },
      { personId: middle, event: 'Refunded', timestamp: '2026-11-02T10:30:00Z' },
      {
        personId: survivor,
        event: 'Signed Up',
        timestamp: '2026-11-02T09:00:00Z',
        properties: { plan: 'free' },
      },
      { personId: survivor, event: 'Viewed', timestamp: '2026-11-02T09:30:00Z' },
      { personId: survivor, type: 'identify', event: null, timestamp: '2026-11-02T09:40:00Z' },
      { personId: null, customerId: newId(), event: 'Paid', timestamp: '2026-11-02T09:45:00Z' },
      { personId: survivor, event: 'Paid', timestamp: '2026-11-30T09:00:00Z' },
    ]);
    const at = (iso: string) => Date.parse(iso);
    expect(await rowsOf(read(tenantId))).toEqual([
      { unit: survivor, at: at('2026-11-02T09:00:00Z'), steps: 0, exclusions: 0, value: null },
      { unit: survivor, at: at('2026-11-02T10:00:00Z'), steps: 1, exclusions: 0, value: 'Chrome' },
      { unit: survivor, at: at('2026-11-02T10:30:00Z'), steps: 0, exclusions: 1, value: null },
      { unit: survivor, at: at('2026-11-02T11:00:00Z'), steps: 2, exclusions: 0, value: 'Safari' },
    ]);
    // Strict funnels read every behavioural event, not identify calls.
    const strict = await rowsOf(read(tenantId, { allEvents: true, breakdownProperty: null }), 100);
    expect(strict.map((r) => [r.at, r.steps])).toEqual([
      [at('2026-11-02T09:00:00Z'), 0],
      [at('2026-11-02T09:30:00Z'), 0],
      [at('2026-11-02T10:00:00Z'), 1],
      [at('2026-11-02T10:30:00Z'), 0],
      [at('2026-11-02T11:00:00Z'), 2],
    ]);
  });

  it('reads by account: the events of the persons acting for each one', async () => {
    const tenantId = newId();
    const [acme, globex] = [newId(), newId()];
    const buyer = await seedPerson(database.db, tenantId);
    const merged = await seedPerson(database.db, tenantId, { mergedInto: buyer });
    const other = await seedPerson(database.db, tenantId);
    const loner = await seedPerson(database.db, tenantId);
    await linkAccount(database.db, tenantId, merged, acme);
    await linkAccount(database.db, tenantId, buyer, acme);
    await linkAccount(database.db, tenantId, other, globex);
    await seedEvents(database.db, tenantId, [
      { personId: buyer, event: 'Paid', timestamp: '2026-11-03T10:00:00Z' },
      { personId: merged, event: 'Paid', timestamp: '2026-11-03T11:00:00Z' },
      { personId: other, event: 'Paid', timestamp: '2026-11-03T12:00:00Z' },
      { personId: loner, event: 'Paid', timestamp: '2026-11-03T12:00:00Z' },
    ]);
    const rows = await rowsOf(read(tenantId, { aggregateBy: 'customer' }), 100);
    expect(rows.map((r) => r.unit).sort()).toEqual([acme, acme, globex].sort());
    const [low, high] = [acme, globex].sort();
    const after = await rowsOf(read(tenantId, { aggregateBy: 'customer', afterUnit: low }), 100);
    expect(after.map((r) => r.unit)).toEqual([high]);
  });

  it('keeps its SQL in funnel.repository.sql', async () => {
    const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
    const text = await snapshotRepository(database.pool, repo, [
      ['forEachFunnelPage (persons)', (db) => repo.forEachFunnelPage(db, read(tenantId), 100, () => {})],
      [
        'forEachFunnelPage (accounts, strict, after a unit)',
        (db) =>
          repo.forEachFunnelPage(
            db,
            read(tenantId, { aggregateBy: 'customer', allEvents: true, afterUnit: tenantId }),
            100,
            () => {},
          ),
      ],
    ]);
    await expect(text).toMatchFileSnapshot('./funnel.repository.sql');
  });
});
