import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { systemClock } from '../../../platform/clock.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { domainEventCursors, domainEvents } from '../../../platform/events/domain-event.table.js';
import { newId } from '../../../platform/ids.js';
import { events } from '../event/event.store.js';
import type { CrmLink } from '../identity/crm-link.contract.js';
import { persons } from '../identity/person.table.js';
import type { InsightsDeps } from '../insights-deps.js';
import { ingestRuntimeOf } from '../ingest/ingest.test-helper.js';
import { sources } from '../source/source.table.js';
import {
  DOMAIN_TOUCHPOINT_CONSUMER,
  domainTouchpointJob,
  runDomainTouchpoints,
} from './domain-touchpoint.service.js';

const t = useTestApp();

/** Domain events name accounts and contacts by id: the consumer needs nothing from the CRM. */
const noCrm: CrmLink = {
  findCustomerByGroupId: () => Promise.reject(new Error('not expected')),
  findContact: () => Promise.reject(new Error('not expected')),
  joinCommittee: () => Promise.reject(new Error('not expected')),
  assertCustomerVisible: () => Promise.reject(new Error('not expected')),
  assertContactExists: () => Promise.reject(new Error('not expected')),
  personScope: () => {
    throw new Error('not expected');
  },
  phoneKey: () => undefined,
  emailKey: () => undefined,
};
const deps = (): InsightsDeps => ({
  db: t.database.db,
  clock: systemClock,
  crm: noCrm,
  ingest: ingestRuntimeOf(t.database.db),
});

async function signedIn() {
  const { tenant, admin } = await makeTenant(t.database.db);
  const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (body: object = {}) => {
    const created = await call('POST', '/api/customers', {
      kind: 'consumer',
      name: `Emma ${newId()}`,
      ...body,
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string }>().id;
  };
  return { tenant, tenantId: tenant.id, admin, call, create };
}

/** The tenant's stored touchpoints, oldest first. */
const touchpointsOf = (tenantId: string) =>
  t.database.db
    .select()
    .from(events)
    .where(eq(events.tenantId, tenantId))
    .orderBy(asc(events.timestamp), asc(events.messageId));

/** The tenant's outbox, oldest first. */
const outboxOf = (tenantId: string) =>
  t.database.db
    .select()
    .from(domainEvents)
    .where(eq(domainEvents.tenantId, tenantId))
    .orderBy(asc(domainEvents.createdAt), asc(domainEvents.id));

describe('CRM changes as touchpoints', () => {
  it('records a follow-up from the CRM route as a sales touchpoint of the customer and the contact', async () => {
    const { tenantId, admin, call, create } = await signedIn();
    const customerId = await create();
    const person = await call('POST', '/api/people', { name: '王芳' });
    const crmPersonId = person.json<{ id: string }>().id;
    const at = '2026-01-05T08:00:00.000Z';
    const body = { channel: 'visit', note: '客户要求报价', at, personId: crmPersonId };
    expect((await call('POST', `/api/customers/${customerId}/follow-ups`, body)).statusCode).toBe(201);
    const published = (await outboxOf(tenantId)).find((e) => e.type === 'crm.follow_up.recorded')!;
    expect(published).toMatchObject({ customerId, crmPersonId, actorUserId: admin.id });

    const run = await runDomainTouchpoints(deps());
    expect(run.stored).toBeGreaterThanOrEqual(2);
    const stored = (await touchpointsOf(tenantId)).find((e) => e.event === 'crm.follow_up.recorded');
    expect(stored).toMatchObject({
      type: 'track',
      channel: 'sales',
      messageId: published.id,
      customerId,
      timestamp: new Date(at),
      properties: { channel: 'visit', note: '客户要求报价' },
    });
    const [owner] = await t.database.db.select().from(persons).where(eq(persons.id, stored!.personId!));
    expect(owner?.crmPersonId).toBe(crmPersonId);
    const [source] = await t.database.db.select().from(sources).where(eq(sources.id, stored!.sourceId));
    expect(source).toMatchObject({ tenantId, kind: 'system' });
  });

  it('stores each event once: a second run, and a run after the cursor is lost', async () => {
    const { tenantId, call, create } = await signedIn();
    const customerId = await create();
    await call('POST', `/api/customers/${customerId}/follow-ups`, { channel: 'call', note: 'first call' });
    await runDomainTouchpoints(deps());
    const once = await touchpointsOf(tenantId);
    expect(once.map((e) => e.event)).toEqual(['crm.customer.created', 'crm.follow_up.recorded']);

    expect((await runDomainTouchpoints(deps())).stored).toBe(0);
    await t.database.db
      .delete(domainEventCursors)
      .where(eq(domainEventCursors.consumer, DOMAIN_TOUCHPOINT_CONSUMER));
    const reread = await runDomainTouchpoints(deps());
    expect(reread.stored).toBe(0);
    expect(reread.duplicates).toBeGreaterThanOrEqual(2);
    expect(await touchpointsOf(tenantId)).toHaveLength(2);
  });

  it('records a deal turning won or lost, and the stage moves on the way', async () => {
    const { tenantId, call, create } = await signedIn();
    const customerId = await create();
    const post = async (url: string, body?: object) => {
      const response = await call('POST', url, body);
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json<{ id: string }>();
    };
    const deal = await post('/api/deals', { customerId, name: 'Annual plan' });
    await post(`/api/deals/${deal.id}/win`);
    await post(`/api/deals/${deal.id}/reopen`);
    await post(`/api/deals/${deal.id}/lose`, { reason: 'Price' });
    await runDomainTouchpoints(deps());
    const stored = await touchpointsOf(tenantId);
    expect(stored.map((e) => e.event)).toEqual([
      'crm.customer.created',
      'crm.deal.created',
      'crm.deal.stage_changed',
      'crm.deal.won',
      'crm.deal.stage_changed',
      'crm.deal.stage_changed',
      'crm.deal.lost',
    ]);
    expect(stored.find((e) => e.event === 'crm.deal.lost')).toMatchObject({
      customerId,
      properties: { dealId: deal.id, from: 'open', to: 'lost', reason: 'Price' },
    });
  });

  it('records intent tier changes, claims and releases', async () => {
    const { tenant, tenantId, call, create } = await signedIn();
    const customerId = await create();
    const tiers = `/api/customers/${customerId}/tiers`;
    expect(
      (await call('POST', tiers, { dimension: 'intent', tier: 'A', reason: '预算确认' })).statusCode,
    ).toBe(200);
    expect((await call('POST', tiers, { dimension: 'intent', tier: 'A', reason: 'again' })).statusCode).toBe(
      200,
    );
    expect(
      (await call('POST', tiers, { dimension: 'satisfaction', tier: 'B', reason: 'x' })).statusCode,
    ).toBe(200);
    expect(
      (await call('POST', `/api/customers/${customerId}/release`, { reason: '无人跟进' })).statusCode,
    ).toBe(200);
    // The releasing user waits out a cooldown before reclaiming: another rep claims.
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const repCookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    const claimed = await t.app.inject({
      method: 'POST',
      url: `/api/customers/${customerId}/claim`,
      headers: { cookie: repCookie },
    });
    expect(claimed.statusCode).toBe(200);
    await runDomainTouchpoints(deps());
    const stored = await touchpointsOf(tenantId);
    expect(stored.map((e) => e.event)).toEqual([
      'crm.customer.created',
      'crm.tier.changed',
      'crm.customer.released',
      'crm.customer.claimed',
    ]);
    expect(stored[1]!.properties).toMatchObject({
      dimension: 'intent',
      from: null,
      to: 'A',
      reason: '预算确认',
    });
    expect(stored[2]!.properties).toMatchObject({ reason: '无人跟进' });
  });

  it('publishes nothing for a change that is rolled back', async () => {
    const { tenantId, call, create } = await signedIn();
    await create({ externalId: 'ERP-1' });
    const refused = await call('POST', '/api/customers', {
      kind: 'consumer',
      name: 'Twin',
      externalId: 'ERP-1',
    });
    expect(refused.statusCode).toBe(409);
    expect((await outboxOf(tenantId)).map((e) => e.type)).toEqual(['crm.customer.created']);
  });
});

describe('the domain event consumer', () => {
  it('rereads the overlap before its cursor, so an event committed late is still recorded', async () => {
    const { tenantId, create } = await signedIn();
    const customerId = await create();
    await runDomainTouchpoints(deps());
    const backdate = async (type: string, minutes: number) => {
      const id = await publishDomainEvent(t.database.db, {
        tenantId,
        type,
        occurredAt: new Date(),
        customerId,
        payload: {},
      });
      await t.database.db
        .update(domainEvents)
        .set({
          createdAt: sql`(select position from domain_event_cursors where consumer = ${DOMAIN_TOUCHPOINT_CONSUMER}) - make_interval(mins => ${minutes})`,
        })
        .where(and(eq(domainEvents.tenantId, tenantId), eq(domainEvents.id, id)));
    };
    await backdate('crm.test.late', 1);
    await backdate('crm.test.older_than_overlap', 10);
    await runDomainTouchpoints(deps());
    expect((await touchpointsOf(tenantId)).map((e) => e.event)).toEqual([
      'crm.customer.created',
      'crm.test.late',
    ]);
  });

  it('keeps tenants apart across batches and skips events that are no touchpoint', async () => {
    const first = await signedIn();
    const second = await signedIn();
    const publish = (tenantId: string, type: string, customerId: string | null) =>
      t.database.db.transaction((tx) =>
        publishDomainEvent(tx, { tenantId, type, occurredAt: new Date(), customerId, payload: { n: 1 } }),
      );
    const [a, b] = [await first.create(), await second.create()];
    await publish(first.tenantId, 'warehouse.order.shipped', a);
    await publish(second.tenantId, 'service.ticket.closed', b);
    await publish(first.tenantId, 'billing.invoice.paid', a);
    await publish(second.tenantId, 'crm.test.nobody', null);
    const run = await runDomainTouchpoints(deps(), { batchSize: 2 });
    expect(run.skipped).toBeGreaterThanOrEqual(2);

    const firstStored = await touchpointsOf(first.tenantId);
    const secondStored = await touchpointsOf(second.tenantId);
    expect(firstStored.map((e) => [e.event, e.channel])).toEqual([
      ['crm.customer.created', 'sales'],
      ['warehouse.order.shipped', 'warehouse'],
    ]);
    expect(secondStored.map((e) => [e.event, e.channel])).toEqual([
      ['crm.customer.created', 'sales'],
      ['service.ticket.closed', 'service'],
    ]);
    expect(firstStored[0]!.sourceId).not.toBe(secondStored[0]!.sourceId);
  });

  it('runs as a scheduled job every few seconds and logs only when it stored something', async () => {
    const { tenantId, create } = await signedIn();
    await create();
    const logged: Record<string, unknown>[] = [];
    const job = domainTouchpointJob(deps(), {
      info: (details) => logged.push(details),
      error: () => undefined,
    });
    expect(job.everyMs).toBeLessThanOrEqual(10_000);
    await job.run();
    expect(logged).toEqual([expect.objectContaining({ stored: 1 })]);
    await job.run();
    expect(logged).toHaveLength(1);
    expect(await touchpointsOf(tenantId)).toHaveLength(1);
  });
});
