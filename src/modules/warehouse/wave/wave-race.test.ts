import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import { openDatabase, type Database } from '../../../platform/db/database.js';
import type { WarehouseDeps } from '../warehouse-deps.js';
import { makeWaveWorld, WAVE_NOW } from './wave-fixtures.test-helper.js';
import { releaseWaves } from './wave-release.service.js';
import { waveOrders } from './wave.table.js';

// Eight releases of one warehouse at once. On the PostgreSQL server they run on eight connections in
// parallel and queue on the strategy row; on PGlite (one connection) they queue anyway.
let database: Database & { url?: string };
let racing: Database | undefined;
let admin: Actor;
let deps: WarehouseDeps;
const orderIds: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.engine === 'postgres' && database.url)
    racing = await openDatabase({ databaseUrl: database.url, poolSize: 8 });
  const setup = { db: database.db, clock: fixedClock(WAVE_NOW) };
  admin = (await makeTenant(database.db)).admin.actor;
  const world = await makeWaveWorld(database.db, setup, admin, 'RACE');
  await world.strategy({
    rules: [
      { name: 'small', limits: { orders: 5 } },
      { name: 'rest', limits: {} },
    ],
  });
  for (let i = 0; i < 12; i += 1) orderIds.push(await world.push([['A', 1]]));
  deps = { db: (racing ?? database).db, clock: setup.clock };
  worldId = world.wh.id;
});
let worldId = '';

afterAll(async () => {
  await racing?.close();
  await database?.close();
});

describe('concurrent releases', () => {
  it('never put an order in two waves', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => releaseWaves(deps, admin, worldId)));
    const released = results.flatMap((result) => result.waves);
    expect(released.map((wave) => wave.number).sort()).toEqual([1, 2]);
    expect(released.map((wave) => wave.totals.orders).sort()).toEqual([5, 7]);
    const members = await database.db
      .select({ orderId: waveOrders.orderId })
      .from(waveOrders)
      .where(and(eq(waveOrders.tenantId, admin.tenantId), eq(waveOrders.active, true)));
    expect(members.map((m) => m.orderId).sort()).toEqual([...orderIds].sort());
    for (const result of results.filter((r) => r.waves.length === 0))
      expect(result.leftOut.map((left) => left.code)).toEqual(Array(12).fill('in_wave'));
  });
});
