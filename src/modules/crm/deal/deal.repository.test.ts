import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { snapshotRepository } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import * as repo from './deal.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const at = new Date('2026-01-01T00:00:00Z');

describe.skipIf(testEngine() !== 'pglite')('deal queries', () => {
  it('match deal.repository.sql', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const t = tenant.id;
    const id = newId();
    const stageId = newId();
    const deal: repo.DealRow = {
      tenantId: t,
      id,
      customerId: newId(),
      name: 'Deal',
      pipelineId: newId(),
      stageId,
      outcome: 'open',
      amount: 100,
      currency: 'CNY',
      expectedCloseDate: null,
      ownerUserId: null,
      teamId: null,
      lostReason: null,
      closedAt: null,
      leadId: null,
      source: null,
      createdAt: at,
      updatedAt: at,
    };
    const line = {
      tenantId: t,
      dealId: id,
      lineNo: 1,
      productId: newId(),
      quantity: 2,
      unitPrice: 50,
      discountPercent: 0,
      taxRate: 0,
      net: 100,
      tax: 0,
    };
    const change = {
      tenantId: t,
      id: newId(),
      dealId: id,
      fromStageId: null,
      toStageId: stageId,
      fromOutcome: null,
      toOutcome: 'open',
      userId: null,
      note: null,
      at,
    };
    const filter = {
      ownerUserId: rep.id,
      customerId: deal.customerId,
      pipelineId: deal.pipelineId,
      stageId,
      outcome: 'open',
    };
    const text = await snapshotRepository(database.pool, repo, [
      ['insertDeal', (db) => repo.insertDeal(db, deal, [line])],
      ['findVisibleDeal (scope all)', (db) => repo.findVisibleDeal(db, admin.actor, id)],
      ['findVisibleDeal (scope own)', (db) => repo.findVisibleDeal(db, rep.actor, id)],
      ['lockDeal', (db) => db.transaction((tx) => repo.lockDeal(tx, t, id))],
      [
        'listVisibleDeals (first page, scope all)',
        (db) => repo.listVisibleDeals(db, admin.actor, {}, undefined, 51),
      ],
      [
        'listVisibleDeals (every filter and a cursor, scope own)',
        (db) => repo.listVisibleDeals(db, rep.actor, filter, id, 51),
      ],
      ['listDealLines', (db) => repo.listDealLines(db, t, [id])],
      ['replaceDealLines', (db) => repo.replaceDealLines(db, t, id, [line])],
      ['updateDealRow', (db) => repo.updateDealRow(db, t, id, { outcome: 'won', updatedAt: at })],
      ['insertStageChange', (db) => repo.insertStageChange(db, change)],
      ['listStageChanges', (db) => repo.listStageChanges(db, t, id)],
      ['listCustomerOutcomes', (db) => repo.listCustomerOutcomes(db, t, deal.customerId)],
      ['repointDeals', (db) => repo.repointDeals(db, t, newId(), [deal.customerId, newId()])],
    ]);
    await expect(text).toMatchFileSnapshot('./deal.repository.sql');
  });
});
