import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './quote.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

/** A quote row of `dealId` as the service would write it. */
function quoteRow(tenantId: string, dealId: string): repo.NewQuoteRow {
  return {
    tenantId,
    id: newId(),
    dealId,
    language: 'zh-CN',
    currency: 'CNY',
    lines: [],
    totals: { subtotal: 0, discount: 0, tax: 0, total: 0 },
    total: 0,
    customerName: 'Acme',
    sellerName: 'Kehu',
    validUntil: '2026-02-01',
    note: null,
    status: 'sent',
    createdBy: null,
    createdAt: at,
  };
}

describe.skipIf(testEngine() !== 'pglite')('quote queries', () => {
  it('match quote.repository.sql', async () => {
    const { tenant } = await makeTenant(database.db);
    const dealId = newId();
    const text = await snapshotRepository(database.pool, repo, [
      ['insertNextQuote', (db) => repo.insertNextQuote(db, quoteRow(tenant.id, dealId))],
      ['listQuoteRows', (db) => repo.listQuoteRows(db, tenant.id, dealId)],
      ['findQuoteRow', (db) => repo.findQuoteRow(db, tenant.id, dealId, 1)],
    ]);
    await expect(text).toMatchFileSnapshot('./quote.repository.sql');
  });
});

describe('quote versions', () => {
  it('number 1, 2, 3 per deal and per tenant, each deal counting on its own', async () => {
    const { tenant } = await makeTenant(database.db);
    const other = await makeTenant(database.db);
    const [a, b] = [newId(), newId()];
    const versions: number[] = [];
    for (const [t, deal] of [
      [tenant.id, a],
      [tenant.id, a],
      [tenant.id, b],
      [other.tenant.id, a],
      [tenant.id, a],
    ] as const) {
      versions.push((await repo.insertNextQuote(database.db, quoteRow(t, deal))).version);
    }
    expect(versions).toEqual([1, 2, 1, 1, 3]);
    expect((await repo.listQuoteRows(database.db, tenant.id, a)).map((row) => row.version)).toEqual([
      3, 2, 1,
    ]);
    expect(await repo.findQuoteRow(database.db, tenant.id, b, 2)).toBeUndefined();
  });
});
