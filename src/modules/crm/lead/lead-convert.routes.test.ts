import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import type { Committee } from '../contact/contact.contract.js';
import type { Customer, CustomerPage } from '../customer/customer.contract.js';
import type { Lead } from './lead.contract.js';
import { leadWorld } from './lead-test-world.test-helper.js';

const ctx = useTestApp();

type Problem = { code: string; candidateIds?: string[] };

/** A qualified lead with a complete form and two people. */
async function qualifiedLead(world: Awaited<ReturnType<typeof leadWorld>>, extra: object = {}) {
  const { id } = await world.lead({
    name: '杭州青木制造有限公司',
    phone: '0571-88001234',
    people: [
      { name: '赵总', role: 'decision_maker', title: '总经理' },
      { name: '钱工', role: 'user', phone: '13800000001' },
    ],
    ...extra,
  });
  await world.call('PUT', `/api/leads/${id}/answers`, {
    answers: { industry: '制造', modules: ['仓储'], on_premise: true },
  });
  expect((await world.call('POST', `/api/leads/${id}/qualify`)).statusCode).toBe(200);
  return id;
}

describe('lead conversion', () => {
  it('creates the customer, its committee with roles and a deal pointing back at the lead', async () => {
    const world = await leadWorld(ctx);
    const id = await qualifiedLead(world);
    const response = await world.call('POST', `/api/leads/${id}/convert`, {});
    expect(response.statusCode).toBe(201);
    const { customerId, dealId } = response.json<{ customerId: string; dealId: string }>();
    const customer = (await world.call('GET', `/api/customers/${customerId}`)).json<Customer>();
    expect(customer).toMatchObject({ name: '杭州青木制造有限公司', kind: 'business', dealState: 'open' });
    const committee = (await world.call('GET', `/api/customers/${customerId}/committee`)).json<Committee>();
    expect(committee.members.map((m) => [m.person.name, m.role])).toEqual([
      ['赵总', 'decision_maker'],
      ['钱工', 'user'],
    ]);
    const deal = (await world.call('GET', `/api/deals/${dealId}`)).json<{
      customerId: string;
      leadId: string;
    }>();
    expect(deal).toMatchObject({ customerId, leadId: id });
    const lead = (await world.call('GET', `/api/leads/${id}`)).json<Lead>();
    expect(lead).toMatchObject({ customerId, dealId, status: 'qualified' });
    expect(lead.answers).toMatchObject({ industry: '制造' });
    const again = await world.call('POST', `/api/leads/${id}/convert`, {});
    expect([again.statusCode, again.json<Problem>().code]).toEqual([409, 'crm.lead.converted']);
  });

  it('answers a likely duplicate with 409 crm.customer.duplicate and candidateIds, writing nothing; linking works', async () => {
    const world = await leadWorld(ctx);
    const existing = await world.call('POST', '/api/customers', {
      kind: 'business',
      name: '杭州青木制造股份有限公司',
      phone: '0571-88001234',
    });
    const existingId = existing.json<Customer>().id;
    const id = await qualifiedLead(world);
    const refused = await world.call('POST', `/api/leads/${id}/convert`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'crm.customer.duplicate',
      candidateIds: [existingId],
    });
    const customers = (await world.call('GET', '/api/customers')).json<CustomerPage>().items;
    expect(customers.map((c) => c.id)).toEqual([existingId]);
    expect((await world.call('GET', `/api/leads/${id}`)).json<Lead>()).toMatchObject({
      customerId: null,
      dealId: null,
    });
    const committee = (await world.call('GET', `/api/customers/${existingId}/committee`)).json<Committee>();
    expect(committee.members).toHaveLength(0);

    const linked = await world.call('POST', `/api/leads/${id}/convert`, { customerId: existingId });
    expect(linked.statusCode).toBe(201);
    expect(linked.json<{ customerId: string }>().customerId).toBe(existingId);
    const after = (await world.call('GET', `/api/customers/${existingId}/committee`)).json<Committee>();
    expect(after.members).toHaveLength(2);
  });

  it("turns the lead's product interest into one line at the customer's price, none when unpriced", async () => {
    const world = await leadWorld(ctx);
    const product = async (price?: object) =>
      (
        await world.call('POST', '/api/products', { name: `P ${Math.random()}`, kind: 'service', price })
      ).json<{ id: string }>().id;
    const priced = await product({ amount: 880000, currency: 'CNY' });
    const unpriced = await product();
    const dealOf = async (productId: string, name: string) => {
      const id = await qualifiedLead(world, { productId, name, phone: undefined });
      const { dealId } = (await world.call('POST', `/api/leads/${id}/convert`, {})).json<{
        dealId: string;
      }>();
      return (await world.call('GET', `/api/deals/${dealId}`)).json<{
        amount: number;
        lines: { productId: string; quantity: number; unitPrice: number }[];
      }>();
    };
    const withLine = await dealOf(priced, '宁波海曙贸易有限公司');
    expect(withLine.lines.map((l) => [l.productId, l.quantity, l.unitPrice])).toEqual([[priced, 1, 880000]]);
    expect(withLine.amount).toBe(880000);
    const withoutLine = await dealOf(unpriced, '温州鹿城电子有限公司');
    expect([withoutLine.lines, withoutLine.amount]).toEqual([[], 0]);
  });

  it('converts only a qualified lead', async () => {
    const world = await leadWorld(ctx);
    const { id } = await world.lead();
    const refused = await world.call('POST', `/api/leads/${id}/convert`, {});
    expect([refused.statusCode, refused.json<Problem>().code]).toEqual([409, 'crm.lead.not_qualified']);
  });
});
