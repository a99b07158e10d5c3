import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './catalog.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

describe.skipIf(testEngine() !== 'pglite')('catalogue queries', () => {
  it('match catalog.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const t = tenant.id;
    const id = newId();
    const product = {
      id,
      name: 'Cloud plan',
      kind: 'service',
      sku: null,
      priceAmount: 100,
      currency: 'CNY',
      taxRate: 0.06,
      active: true,
      createdAt: at,
      updatedAt: at,
    };
    const price = {
      tenantId: t,
      productId: id,
      customerKind: 'business',
      valueTier: 'vip',
      amount: 90,
      currency: 'CNY',
      updatedAt: at,
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertProduct', (db) => repo.insertProduct(db, t, product)],
      ['findProductRows', (db) => repo.findProductRows(db, t, [id, newId()])],
      ['listProductRows (no filter)', (db) => repo.listProductRows(db, t, {})],
      [
        'listProductRows (every filter)',
        (db) => repo.listProductRows(db, t, { kind: 'service', q: 'plan_%', active: true }),
      ],
      ['updateProductRow', (db) => repo.updateProductRow(db, t, id, { name: 'Cloud', updatedAt: at })],
      ['upsertPriceRows', (db) => repo.upsertPriceRows(db, [price])],
      ['listPriceRows', (db) => repo.listPriceRows(db, t, [id])],
    ]);
    await expect(text).toMatchFileSnapshot('./catalog.repository.sql');
  });
});
