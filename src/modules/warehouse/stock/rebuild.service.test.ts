import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeUser } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { adjustStock, putaway } from '../inbound/inbound.service.js';
import { receive } from '../inbound/receipt.service.js';
import { makeWarehouse } from '../inbound/inbound.test-helper.js';
import { reservations } from './stock.table.js';
import { rebuildStock } from './rebuild.service.js';
import { listStock } from './stock.service.js';
import { stock } from './stock.table.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');
const STORAGE = ['A-01-01-1', 'A-01-02-1', 'A-02-01-1'];
const LOTS = [undefined, 'L1', 'L2'];

const opArb = fc.oneof(
  fc.record({
    op: fc.constant('receive' as const),
    lot: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 1, max: 20 }),
    to: fc.integer({ min: -1, max: 2 }),
  }),
  fc.record({
    op: fc.constant('putaway' as const),
    lot: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 1, max: 20 }),
    to: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    op: fc.constant('count' as const),
    lot: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 0, max: 20 }),
    to: fc.integer({ min: 0, max: 2 }),
  }),
);

type Op = { op: 'receive' | 'putaway' | 'count'; lot: number; quantity: number; to: number };

async function apply(setup: Awaited<ReturnType<typeof makeWarehouse>>, op: Op): Promise<void> {
  const { deps, actor, warehouse } = setup;
  const lotNumber = LOTS[op.lot];
  try {
    if (op.op === 'receive') {
      await receive(deps, actor, warehouse.id, {
        lines: [
          {
            sku: 'MILK',
            quantity: op.quantity,
            lot: lotNumber ? { lotNumber } : undefined,
            putawayTo: op.to >= 0 ? STORAGE[op.to] : undefined,
          },
        ],
      });
    } else if (op.op === 'putaway') {
      await putaway(deps, actor, warehouse.id, {
        sku: 'MILK',
        lotNumber,
        from: 'RECV',
        to: STORAGE[op.to]!,
        quantity: op.quantity,
      });
    } else {
      await adjustStock(deps, actor, warehouse.id, {
        location: STORAGE[op.to]!,
        sku: 'MILK',
        lotNumber,
        countedQuantity: op.quantity,
        reason: 'cycle_count',
      });
    }
  } catch (error) {
    // Taking more than is there is refused and changes nothing; anything else is a failure.
    if (!isAppError(error)) throw error;
    expect(['warehouse.stock.insufficient', 'warehouse.inbound.invalid', 'warehouse.lot.invalid']).toContain(
      error.code,
    );
  }
}

describe('rebuildStock', () => {
  it('finds no difference after any receipts, putaways and counts, and exactly the tampered rows after', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })), { maxLength: 3 }),
        async (ops, tampers) => {
          const setup = await makeWarehouse(database.db, clock);
          const { deps, actor, warehouse } = setup;
          for (const op of ops) await apply(setup, op);
          const clean = await rebuildStock(deps, actor, warehouse.id, { repair: false });
          expect(clean.differences).toEqual([]);
          expect(clean.reservationDifferences).toBe(0);

          const rows = (
            await listStock(deps, actor, { warehouseId: warehouse.id, includeEmpty: true, limit: 500 })
          ).items;
          const tampered = new Map<string, { stored: number; fromLedger: number }>();
          for (const [pick, delta] of tampers) {
            const row = rows[pick % Math.max(rows.length, 1)];
            if (!row || tampered.has(row.id)) continue;
            await database.db
              .update(stock)
              .set({ onHand: row.onHand + delta })
              .where(and(eq(stock.tenantId, actor.tenantId), eq(stock.id, row.id)));
            tampered.set(row.id, { stored: row.onHand + delta, fromLedger: row.onHand });
          }
          const dirty = await rebuildStock(deps, actor, warehouse.id, { repair: true });
          expect(dirty.differences).toHaveLength(tampered.size);
          expect(dirty.repaired).toBe(tampered.size > 0);
          for (const [id, expected] of tampered) {
            const row = rows.find((r) => r.id === id)!;
            expect(dirty.differences).toContainEqual({
              locationCode: row.locationCode,
              sku: row.sku,
              lotNumber: row.lotNumber,
              ...expected,
            });
          }
          const repaired = await rebuildStock(deps, actor, warehouse.id, { repair: false });
          expect(repaired.differences).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('counts rows whose active reservations differ from the allocation moves, and needs warehouse.settings', async () => {
    const setup = await makeWarehouse(database.db, clock);
    const { deps, actor, warehouse, tenant } = setup;
    await receive(deps, actor, warehouse.id, {
      lines: [{ sku: 'MILK', quantity: 4, putawayTo: 'A-01-01-1' }],
    });
    const [row] = (
      await listStock(deps, actor, {
        warehouseId: warehouse.id,
        location: 'A-01-01-1',
        includeEmpty: false,
        limit: 1,
      })
    ).items;
    await database.db.insert(reservations).values({
      tenantId: actor.tenantId,
      id: newId(),
      orderId: newId(),
      lineNo: 1,
      stockId: row!.id,
      quantity: 2,
      status: 'active',
      createdAt: clock.now(),
    });
    const report = await rebuildStock(deps, actor, warehouse.id, { repair: false });
    expect(report).toMatchObject({ moves: 2, differences: [], reservationDifferences: 1, repaired: false });
    const clerk = await makeUser(database.db, tenant, 'picker');
    await expect(rebuildStock(deps, clerk.actor, warehouse.id, { repair: false })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
