import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { readDomainEvents } from '../../../platform/events/domain-event.js';
import { createProduct } from '../catalog/catalog.service.js';
import type { CrmDeps } from '../crm-deps.js';
import { createCustomer } from '../customer/customer.service.js';
import { createDeal, updateDeal } from '../deal/deal.service.js';
import { QUOTE_ERRORS, quoteNumber } from './quote.contract.js';
import { createQuote, getQuote, listQuotes } from './quote.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

/** A tenant with a customer, a stocked and a service product and a deal without lines. */
async function world() {
  const { tenant, admin } = await makeTenant(database.db);
  const clock = fixedClock('2026-03-01T02:00:00Z');
  // The warehouse knows every SKU and has no orders: enough for a stocked product on a deal line.
  const orders: CrmDeps['orders'] = {
    findSkus: async (_db, _tenantId, skus) => new Set(skus),
    listDealOrders: async () => new Map(),
    pushDealOrder: async () => Promise.reject(new Error('no orders here')),
    cancelDealOrder: async () => Promise.reject(new Error('no orders here')),
  };
  const deps: CrmDeps = { db: database.db, clock, orders };
  const customer = await createCustomer(deps, admin.actor, {
    kind: 'business',
    name: '杭州示例科技有限公司',
    allowDuplicate: true,
  });
  const setup = await createProduct(deps, admin.actor, {
    name: '路由器',
    kind: 'stocked',
    sku: 'RT-100',
    price: { amount: 1000_00, currency: 'CNY' },
    taxRate: 0.06,
  });
  const support = await createProduct(deps, admin.actor, {
    name: 'Support',
    kind: 'service',
    price: { amount: 333, currency: 'CNY' },
  });
  const deal = await createDeal(deps, admin.actor, { customerId: customer.id, name: 'ERP' });
  return { tenant, admin, clock, deps, customer, setup, support, deal };
}

/** The code of the error `promise` rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
  return undefined;
}

describe('quotes', () => {
  it('refuse a deal without lines with crm.quote.no_lines and write nothing', async () => {
    const { deps, admin, deal } = await world();
    expect(await codeOf(createQuote(deps, admin.actor, deal.id, {}))).toBe(QUOTE_ERRORS.noLines);
    expect((await listQuotes(deps, admin.actor, deal.id)).items).toEqual([]);
  });

  it('snapshot the lines, totals and names as version 1, 2, … and never change a version', async () => {
    const { deps, admin, clock, deal, setup, support, tenant } = await world();
    await updateDeal(deps, admin.actor, deal.id, {
      lines: [
        { productId: setup.id, quantity: 2, discountPercent: 10 },
        { productId: support.id, quantity: 3 },
      ],
    });
    const first = await createQuote(deps, admin.actor, deal.id, { note: '含上门安装' });
    // 2 × 1000.00 less 10% = 1800.00, tax 6% = 108.00; 3 × 3.33 = 9.99 without tax.
    expect(first).toMatchObject({
      version: 1,
      number: quoteNumber(deal.id, 1),
      language: 'zh-CN',
      currency: 'CNY',
      customerName: '杭州示例科技有限公司',
      sellerName: tenant.name,
      validUntil: '2026-03-31',
      note: '含上门安装',
      status: 'sent',
      createdBy: admin.id,
      totals: { subtotal: 2000_00 + 999, discount: 200_00, tax: 108_00, total: 1800_00 + 108_00 + 999 },
    });
    expect(first.createdByName).toBeTruthy();
    expect(first.lines.map((l) => [l.name, l.sku, l.gross, l.net, l.tax, l.total])).toEqual([
      ['路由器', 'RT-100', 2000_00, 1800_00, 108_00, 1908_00],
      ['Support', null, 999, 999, 0, 999],
    ]);

    clock.advanceDays(1);
    await updateDeal(deps, admin.actor, deal.id, { lines: [{ productId: support.id, quantity: 1 }] });
    const second = await createQuote(deps, admin.actor, deal.id, {
      language: 'en',
      validUntil: '2026-04-15',
    });
    expect([second.version, second.language, second.validUntil, second.totals.total]).toEqual([
      2,
      'en',
      '2026-04-15',
      333,
    ]);
    expect(await getQuote(deps, admin.actor, deal.id, 1)).toEqual(first);
    expect((await listQuotes(deps, admin.actor, deal.id)).items.map((q) => q.version)).toEqual([2, 1]);
    expect(await codeOf(getQuote(deps, admin.actor, deal.id, 3))).toBe(QUOTE_ERRORS.notFound);

    const events = (await readDomainEvents(database.db, { limit: 10_000 })).filter(
      (e) => e.tenantId === tenant.id && e.type === 'crm.deal.quote_sent',
    );
    expect(events.map((e) => e.payload.version)).toEqual([1, 2]);
  });

  it('give racing quotes of one deal distinct versions', async () => {
    const { deps, admin, deal, support } = await world();
    await updateDeal(deps, admin.actor, deal.id, { lines: [{ productId: support.id, quantity: 1 }] });
    const made = await Promise.all([1, 2, 3].map(() => createQuote(deps, admin.actor, deal.id, {})));
    expect(made.map((q) => q.version).sort()).toEqual([1, 2, 3]);
  });

  it('refuse a validity date in the past, naming validUntil', async () => {
    const { deps, admin, deal, support } = await world();
    await updateDeal(deps, admin.actor, deal.id, { lines: [{ productId: support.id, quantity: 1 }] });
    const error = await createQuote(deps, admin.actor, deal.id, { validUntil: '2026-02-28' }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(error) && [error.kind, error.issues?.map((i) => i.path)]).toEqual([
      'invalid',
      ['validUntil'],
    ]);
  });
});
