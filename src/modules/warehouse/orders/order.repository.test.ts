import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import * as repo from './order.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const tenantId = '0190c9a8-0000-7000-8000-0000000000aa';
const id = '0190c9a8-0000-7000-8000-0000000000bb';
const at = new Date('2026-03-01T00:00:00Z');

// The SQL is the same on both engines: snapshot it once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('order repository queries', () => {
  it('match order.repository.sql', async () => {
    const order = {
      tenantId,
      id,
      warehouseId: id,
      source: 'erp',
      externalRef: 'SO-1',
      type: 'sales',
      origin: 'upstream',
      priority: 'normal',
      priorityRank: 2,
      pushedAt: at,
      status: 'pending',
      destination: {},
      createdAt: at,
      updatedAt: at,
    };
    await expect(
      await snapshotRepository(database.pool, repo, [
        [
          'insertOrder',
          (db) =>
            repo.insertOrder(db, order, [{ tenantId, orderId: id, lineNo: 1, itemId: id, quantity: 1 }]),
        ],
        [
          'insertNewOrders',
          (db) => repo.insertNewOrders(db, [order, { ...order, id: tenantId, externalRef: 'SO-2' }]),
        ],
        [
          'insertOrderLines',
          (db) =>
            repo.insertOrderLines(db, [
              { tenantId, orderId: id, lineNo: 2, itemId: id, quantity: 1, lotId: null },
              { tenantId, orderId: id, lineNo: 3, itemId: id, quantity: 2, lotId: id },
            ]),
        ],
        ['findOrderRow', (db) => repo.findOrderRow(db, tenantId, id)],
        [
          'findOrderRow (locked)',
          (db) => db.transaction((tx) => repo.findOrderRow(tx, tenantId, id, { lock: true })),
        ],
        ['findOrderByRef', (db) => repo.findOrderByRef(db, tenantId, 'erp', 'SO-1')],
        ['findOrdersByRefs', (db) => repo.findOrdersByRefs(db, tenantId, 'crm', ['a', 'b'])],
        ['listOrderRefs', (db) => repo.listOrderRefs(db, tenantId, [id])],
        [
          'findOrdersByKeys',
          (db) =>
            repo.findOrdersByKeys(db, tenantId, [
              { source: 'erp', externalRef: 'SO-1' },
              { source: 'shop', externalRef: 'W-9' },
            ]),
        ],
        ['listOrderLines', (db) => repo.listOrderLines(db, tenantId, id)],
        ['listOrderRows (first page)', (db) => repo.listOrderRows(db, tenantId, { limit: 51 }, undefined)],
        [
          'listOrderRows (every filter and a cursor)',
          (db) =>
            repo.listOrderRows(
              db,
              tenantId,
              {
                warehouseId: id,
                status: 'pending',
                type: 'sales',
                origin: 'deal',
                priority: 'urgent',
                carrier: 'SF',
                province: '浙江',
                customerId: id,
                q: 'SO_1%',
                limit: 51,
              },
              { rank: 0, pushedAt: at, id },
            ),
        ],
        [
          'updateOrderStatus',
          (db) =>
            repo.updateOrderStatus(db, tenantId, id, { status: 'shipped', updatedAt: at, shippedAt: at }),
        ],
        ['listPoolOrders (all warehouses)', (db) => repo.listPoolOrders(db, tenantId, undefined, 500)],
        ['listPoolOrders (one warehouse)', (db) => repo.listPoolOrders(db, tenantId, id, 500)],
      ]),
    ).toMatchFileSnapshot('./order.repository.sql');
  });
});
