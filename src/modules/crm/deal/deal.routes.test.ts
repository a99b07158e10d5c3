import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import type { Product } from '../catalog/catalog.contract.js';
import type { PipelineList } from '../pipeline/pipeline.contract.js';
import type { Deal, DealHistory } from './deal.contract.js';
import { salesWorld, type Problem } from './deal-world.test-helper.js';

const t = useTestApp();

const fails = async (response: { statusCode: number; json<T>(): T }) => [
  response.statusCode,
  response.json<Problem>().code,
  response.json<Problem>().errors?.map((e) => e.path),
];

describe('products over HTTP', () => {
  it('adds services and stocked products, refusing a SKU the warehouse does not know', async () => {
    const { call, json, withWarehouse } = await salesWorld(t);
    expect(
      await fails(await call('POST', '/api/products', { name: 'Box', kind: 'stocked', sku: 'NOPE' })),
    ).toEqual([400, 'crm.product.unknown_sku', ['sku']]);
    expect((await fails(await call('POST', '/api/products', { name: 'Box', kind: 'stocked' })))[1]).toBe(
      'crm.product.unknown_sku',
    );
    const sku = await withWarehouse();
    const stocked = await json<Product>('POST', '/api/products', {
      name: 'Router',
      kind: 'stocked',
      sku,
      price: { amount: 1999, currency: 'cny' },
    });
    expect(stocked).toMatchObject({ kind: 'stocked', sku, price: { amount: 1999, currency: 'CNY' } });
    const service = await json<Product>('POST', '/api/products', { name: 'Setup', kind: 'service' });
    expect(service.price).toBeNull();
    const patched = await json<Product>('PATCH', `/api/products/${service.id}`, {
      price: { amount: 5000, currency: 'CNY' },
    });
    expect(patched.price).toEqual({ amount: 5000, currency: 'CNY' });
    const list = await json<{ items: Product[] }>('GET', '/api/products?kind=stocked');
    expect(list.items.map((p) => p.id)).toEqual([stocked.id]);
  });
});

describe('pipelines over HTTP', () => {
  it('creates the nine-step and consumer pipelines once, with editable stages', async () => {
    const { call, json } = await salesWorld(t);
    const [first, second] = await Promise.all([
      json<PipelineList>('GET', '/api/pipelines'),
      json<PipelineList>('GET', '/api/pipelines'),
    ]);
    expect(second.items.map((p) => p.id)).toEqual(first.items.map((p) => p.id));
    expect(first.items.map((p) => p.customerKind).sort()).toEqual(['business', 'consumer', 'government']);
    const business = first.items.find((p) => p.customerKind === 'business')!;
    expect(business.stages.slice(0, 2).map((s) => s.key)).toEqual(['reach', 'decision_maker']);
    expect(business.stages.filter((s) => !s.won && !s.lost)).toHaveLength(7);
    const reach = business.stages[0]!;
    const edited = await json('PATCH', `/api/pipelines/${business.id}/stages/${reach.id}`, {
      probability: 0.15,
      guidance: 'Call twice a week',
    });
    expect(edited).toMatchObject({ probability: 0.15, guidance: 'Call twice a week', key: 'reach' });
    const added = await call('POST', `/api/pipelines/${business.id}/stages`, {
      key: 'reach',
      name: 'Again',
      position: 15,
      probability: 0.1,
    });
    expect(added.statusCode).toBe(409);
    expect(
      (await call('PATCH', `/api/pipelines/${business.id}/stages/${newId()}`, { name: 'x' })).statusCode,
    ).toBe(404);
  });
});

describe('deals over HTTP', () => {
  it('computes the amount from the lines at the customer price and derives the customer deal state', async () => {
    const { json, call, customer, withWarehouse } = await salesWorld(t);
    const sku = await withWarehouse();
    const router = await json<Product>('POST', '/api/products', {
      name: 'Router',
      kind: 'stocked',
      sku,
      price: { amount: 1999, currency: 'CNY' },
      taxRate: 0.13,
    });
    await json('PUT', `/api/products/${router.id}/prices`, {
      prices: [{ customerKind: 'business', valueTier: null, amount: 1800, currency: 'CNY' }],
    });
    const setup = await json<Product>('POST', '/api/products', { name: 'Setup', kind: 'service' });
    const customerId = await customer();
    expect((await json('GET', `/api/customers/${customerId}`)).dealState).toBe('none');
    const response = await call('POST', '/api/deals', {
      customerId,
      name: 'Branch network',
      lines: [
        { productId: router.id, quantity: 3, discountPercent: 10 },
        { productId: setup.id, quantity: 1, unitPrice: 5000 },
      ],
    });
    expect(response.statusCode).toBe(201);
    const deal = response.json<Deal>();
    // 3 × 1800 less 10% = 4860 at the business price, plus the service's 5000.
    expect(deal).toMatchObject({ outcome: 'open', amount: 9860, currency: 'CNY', orders: [] });
    expect(deal.lines[0]).toMatchObject({ unitPrice: 1800, net: 4860, tax: 632, taxRate: 0.13 });
    expect(deal.probability).toEqual({
      manual: 0.05,
      automated: null,
      reasons: [],
      explanation: { status: 'too_little_history', closedDeals: 0, needed: 20, raised: [], lowered: [] },
    });
    expect((await json('GET', `/api/customers/${customerId}`)).dealState).toBe('open');
    const got = await json<Deal>('GET', `/api/deals/${deal.id}`);
    expect(got).toEqual(deal);
  });

  it('names the failing field of a deal', async () => {
    const { call, json, customer } = await salesWorld(t);
    const customerId = await customer();
    const unpriced = await json<Product>('POST', '/api/products', { name: 'Consulting', kind: 'service' });
    const post = async (body: object) =>
      fails(await call('POST', '/api/deals', { customerId, name: 'D', ...body }));
    expect(await post({ lines: [{ productId: newId(), quantity: 1 }] })).toEqual([
      400,
      'crm.deal.invalid',
      ['lines.0.productId'],
    ]);
    expect(await post({ lines: [{ productId: unpriced.id, quantity: 1 }] })).toEqual([
      400,
      'crm.deal.invalid',
      ['lines.0.unitPrice'],
    ]);
    expect(await post({ pipelineId: newId() })).toEqual([400, 'crm.deal.invalid', ['pipelineId']]);
    expect(await post({ ownerUserId: newId(), teamId: newId() })).toEqual([
      400,
      'crm.deal.invalid',
      ['ownerUserId', 'teamId'],
    ]);
    expect(await post({ lines: [{ productId: unpriced.id, quantity: 0 }] })).toEqual([
      400,
      'request.invalid',
      ['lines.0.quantity'],
    ]);
    expect((await fails(await call('POST', '/api/deals', { customerId: newId(), name: 'D' })))[0]).toBe(404);
  });

  it('moves through stages, wins, loses and reopens, refusing moves the outcome does not allow', async () => {
    const { call, json, customer } = await salesWorld(t);
    const customerId = await customer('government');
    const deal = await json<Deal>('POST', '/api/deals', { customerId, name: 'Campus', amount: 80000 });
    const stages = (await json<PipelineList>('GET', '/api/pipelines')).items.find(
      (p) => p.id === deal.pipelineId,
    )!.stages;
    const state = async () => (await json('GET', `/api/customers/${customerId}`)).dealState;
    const moved = await json<Deal>('POST', `/api/deals/${deal.id}/stage`, { stageId: stages[1]!.id });
    expect(moved).toMatchObject({ stageId: stages[1]!.id, outcome: 'open', probability: { manual: 0.1 } });
    const entered = await json<DealHistory>('GET', `/api/deals/${deal.id}/history`);
    expect(moved.stageEnteredAt).toBe(entered.items.at(-1)!.at);
    const lost = await json<Deal>('POST', `/api/deals/${deal.id}/lose`, { reason: 'Price' });
    expect(lost).toMatchObject({ outcome: 'lost', lostReason: 'Price', probability: { manual: 0 } });
    expect(await state()).toBe('lost');
    expect(await fails(await call('POST', `/api/deals/${deal.id}/win`))).toEqual([
      409,
      'crm.deal.invalid_transition',
      undefined,
    ]);
    expect(
      (await fails(await call('POST', `/api/deals/${deal.id}/stage`, { stageId: stages[2]!.id })))[1],
    ).toBe('crm.deal.invalid_transition');
    const reopened = await json<Deal>('POST', `/api/deals/${deal.id}/reopen`);
    expect(reopened).toMatchObject({ outcome: 'open', stageId: stages[1]!.id, lostReason: null });
    expect((await fails(await call('POST', `/api/deals/${deal.id}/reopen`)))[1]).toBe(
      'crm.deal.invalid_transition',
    );
    const won = await json<Deal>('POST', `/api/deals/${deal.id}/win`);
    expect(won).toMatchObject({ outcome: 'won', probability: { manual: 1 }, orders: [] });
    expect(stages.find((s) => s.id === won.stageId)?.won).toBe(true);
    expect(await state()).toBe('won');
    const history = await json<DealHistory>('GET', `/api/deals/${deal.id}/history`);
    expect(history.items.map((h) => h.toOutcome)).toEqual(['open', 'open', 'lost', 'open', 'won']);
    expect(history.items.every((h) => h.at)).toBe(true);
  });

  it('refuses to set the deal state of a customer by hand', async () => {
    const { call, customer } = await salesWorld(t);
    const customerId = await customer();
    expect(await fails(await call('PATCH', `/api/customers/${customerId}`, { dealState: 'won' }))).toEqual([
      400,
      'request.invalid',
      ['dealState'],
    ]);
    const created = await call('POST', '/api/customers', {
      kind: 'consumer',
      name: 'Li Lei',
      dealState: 'open',
    });
    expect(await fails(created)).toEqual([400, 'request.invalid', ['dealState']]);
  });

  it('lists deals newest first with filters and a cursor', async () => {
    const { json, customer } = await salesWorld(t);
    const a = await customer();
    const b = await customer('consumer');
    const first = await json<Deal>('POST', '/api/deals', { customerId: a, name: 'one' });
    const second = await json<Deal>('POST', '/api/deals', { customerId: b, name: 'two' });
    const third = await json<Deal>('POST', '/api/deals', { customerId: a, name: 'three' });
    await json('POST', `/api/deals/${third.id}/win`);
    type Page = { items: Deal[]; nextCursor: string | null };
    const page = await json<Page>('GET', '/api/deals?limit=2');
    expect(page.items.map((d) => d.id)).toEqual([third.id, second.id]);
    const rest = await json<Page>('GET', `/api/deals?limit=2&after=${page.nextCursor}`);
    expect(rest).toMatchObject({ items: [{ id: first.id }], nextCursor: null });
    const ofA = await json<Page>('GET', `/api/deals?customerId=${a}&outcome=open`);
    expect(ofA.items.map((d) => d.id)).toEqual([first.id]);
  });
});
