import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { makeWarehouse } from '../inbound/inbound.test-helper.js';
import { createWarehouse } from '../layout/layout.service.js';
import { createLocation, listLocations } from '../layout/location.service.js';
import { recordMoves } from './ledger.service.js';
import { stockKey, type NewMove } from './stock.contract.js';
import { stock } from './stock.table.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');
const CODES = ['RECV', 'A-01-01-1', 'A-01-02-1', 'SHIP'];
const KINDS = ['receipt', 'putaway', 'pick', 'adjustment', 'shipment', 'allocation'] as const;
const WEIGHTS = [null, null, 0.5, 1.25, 2, 0.0004, 0.0006];
const DAYS = ['2026-02-01T08:00:00Z', '2026-02-02T08:00:00Z', '2026-02-03T08:00:00Z'];

/** A move by indexes: kind, item (0 milk, 1 fish), from/to location, quantity, weight, day. */
type MoveSpec = {
  kind: number;
  item: number;
  from: number;
  to: number;
  quantity: number;
  weight: number;
  day: number;
};

const moveArb = fc.record({
  kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
  item: fc.integer({ min: 0, max: 1 }),
  from: fc.integer({ min: 0, max: CODES.length - 1 }),
  to: fc.integer({ min: 0, max: CODES.length - 1 }),
  quantity: fc.integer({ min: 1, max: 4 }),
  weight: fc.integer({ min: 0, max: WEIGHTS.length - 1 }),
  day: fc.integer({ min: 0, max: DAYS.length - 1 }),
});

type Side = { warehouseId: string; locations: string[] };

function movesOf(specs: MoveSpec[], side: Side, items: string[]): NewMove[] {
  return specs.map((m) => {
    const kind = KINDS[m.kind]!;
    const base = {
      warehouseId: side.warehouseId,
      kind,
      itemId: items[m.item]!,
      lotId: null,
      weightKg: WEIGHTS[m.weight],
      occurredAt: new Date(DAYS[m.day]!),
    };
    const from = side.locations[m.from]!;
    const to = side.locations[m.to]!;
    if (kind === 'receipt') return { ...base, toLocationId: to, quantity: m.quantity };
    if (kind === 'shipment') return { ...base, fromLocationId: from, quantity: m.quantity };
    if (kind === 'allocation') return { ...base, fromLocationId: from, quantity: m.quantity - 2 };
    if (kind === 'adjustment')
      return m.quantity % 2 === 0
        ? { ...base, toLocationId: to, quantity: m.quantity }
        : { ...base, fromLocationId: from, quantity: m.quantity };
    return { ...base, fromLocationId: from, toLocationId: to, quantity: m.quantity };
  });
}

/** The side's stock rows by location index and item, what the ledger writer left in them. */
async function stockOf(db: Db, side: Side, items: string[]) {
  const rows = await db.select().from(stock).where(eq(stock.warehouseId, side.warehouseId));
  return rows
    .map((r) => ({
      key: `${side.locations.indexOf(r.locationId)}|${items.indexOf(r.itemId)}`,
      onHand: r.onHand,
      weightKg: r.weightKg,
      putawayAt: r.putawayAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Runs `work` in a savepoint: what it answered, or the code and details of the AppError that undid it. */
async function outcome(db: Db, work: (tx: Db) => Promise<unknown>) {
  try {
    return { ok: await db.transaction(work) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { error: error.code, details: error.details };
  }
}

class Rollback extends Error {}

describe('recordMoves', () => {
  it('leaves the same stock rows as recording the moves one by one, and fails the same way', async () => {
    const setup = await makeWarehouse(database.db, clock);
    const { deps, actor, tenant } = setup;
    const other = await createWarehouse(deps, actor, {
      code: 'WB',
      name: 'Second',
      layout: setup.warehouse.layout,
    });
    for (const code of ['A-01-01-1', 'A-01-02-1']) await createLocation(deps, actor, other.id, { code });
    const sideOf = async (warehouseId: string): Promise<Side> => {
      const { items } = await listLocations(deps, actor, warehouseId, {});
      return { warehouseId, locations: CODES.map((code) => items.find((l) => l.code === code)!.id) };
    };
    const batched = await sideOf(setup.warehouse.id);
    const single = await sideOf(other.id);
    const items = [setup.milk.id, setup.fish.id];
    await fc.assert(
      fc.asyncProperty(fc.array(moveArb, { minLength: 1, maxLength: 14 }), async (specs) => {
        await database.db
          .transaction(async (tx) => {
            // Both sides start with stock in the two storage locations, put away on the last day.
            for (const side of [batched, single])
              for (const location of side.locations.slice(1, 3))
                for (const itemId of items)
                  await recordMoves(tx, tenant.id, [
                    {
                      warehouseId: side.warehouseId,
                      kind: 'receipt',
                      itemId,
                      lotId: null,
                      toLocationId: location,
                      quantity: 15,
                      weightKg: 7.5,
                      occurredAt: new Date(DAYS[2]!),
                    },
                  ]);
            const a = await outcome(tx, (sp) => recordMoves(sp, tenant.id, movesOf(specs, batched, items)));
            const b = await outcome(tx, async (sp) => {
              const stockIds = new Map<string, string>();
              for (const move of movesOf(specs, single, items))
                for (const [key, id] of (await recordMoves(sp, tenant.id, [move])).stockIds)
                  stockIds.set(key, id);
              return { stockIds };
            });
            const strip = (o: typeof a, side: Side) =>
              'error' in o
                ? {
                    error: o.error,
                    location: side.locations.indexOf((o.details as { locationId: string }).locationId),
                    item: items.indexOf((o.details as { itemId: string }).itemId),
                    quantity: (o.details as { quantity: number }).quantity,
                  }
                : {
                    keys: [...(o.ok as { stockIds: Map<string, string> }).stockIds.keys()].map((key) =>
                      side.locations.indexOf(key.split('|')[0]!),
                    ),
                  };
            expect(strip(a, batched)).toEqual(strip(b, single));
            if ('ok' in a) {
              const ids = (a.ok as { stockIds: Map<string, string> }).stockIds;
              const rows = await tx.select().from(stock).where(eq(stock.warehouseId, batched.warehouseId));
              for (const row of rows)
                if (ids.has(stockKey(row.locationId, row.itemId, row.lotId)))
                  expect(ids.get(stockKey(row.locationId, row.itemId, row.lotId))).toBe(row.id);
            }
            expect(await stockOf(tx, batched, items)).toEqual(await stockOf(tx, single, items));
            throw new Rollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
          });
      }),
      { numRuns: 200 },
    );
  });
});
