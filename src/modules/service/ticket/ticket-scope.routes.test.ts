/**
 * Tickets over HTTP beyond the clocks: who sees which (a sales rep sees the tickets of their own
 * customers), list filters and paging, the domain events, and refused input naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { createTestApp, signInCookie } from '../../../../test/helpers/server.js';
import { fixedClock } from '../../../platform/clock.js';
import { readDomainEvents } from '../../../platform/events/domain-event.js';
import { createCustomer, CreateCustomerInput } from '../../crm/index.js';
import { newId } from '../../../platform/ids.js';
import type { Ticket, TicketPage } from './ticket.contract.js';
import { serviceWorld } from './service-world.test-helper.js';

const clock = fixedClock('2026-09-25T09:00:00Z');
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp({ clock });
});
afterAll(async () => app.close());

type Problem = { code: string; errors?: { path: string }[] };

/** The service world plus two reps, each owning a customer, signed in. */
async function scopedWorld() {
  const w = await serviceWorld(app);
  const db = app.database.db;
  const deps = { db, clock };
  const reps = await Promise.all([makeUser(db, w.tenant, 'sales_rep'), makeUser(db, w.tenant, 'sales_rep')]);
  const customers = await Promise.all(
    reps.map((rep, i) =>
      createCustomer(deps, rep.actor, CreateCustomerInput.parse({ kind: 'business', name: `客户 ${i}` })),
    ),
  );
  const session = async (email: string) => {
    const cookie = await signInCookie(app.app, email, TEST_PASSWORD);
    return (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  };
  return { ...w, reps, customers, asRep: await session(reps[0].email) };
}

describe('tickets over HTTP', () => {
  it('a sales rep sees the tickets of their own customers only, and may not open one', async () => {
    const w = await scopedWorld();
    const [mine, theirs] = await Promise.all(
      w.customers.map(async (customer) =>
        (
          await w.asAgent('POST', '/api/tickets', {
            subject: 'Broken',
            priority: 'high',
            customerId: customer.id,
          })
        ).json<Ticket>(),
      ),
    );
    const none = (
      await w.asAgent('POST', '/api/tickets', { subject: 'No customer', priority: 'low' })
    ).json<Ticket>();
    const list = (await w.asRep('GET', '/api/tickets')).json<TicketPage>();
    expect(list.items.map((t) => t.id)).toEqual([mine!.id]);
    expect((await w.asRep('GET', `/api/tickets/${mine!.id}`)).statusCode).toBe(200);
    expect((await w.asRep('GET', `/api/tickets/${theirs!.id}`)).statusCode).toBe(404);
    expect((await w.asRep('GET', `/api/tickets/${none.id}`)).statusCode).toBe(404);
    const open = await w.asRep('POST', '/api/tickets', { subject: 'x', priority: 'low' });
    expect(open.statusCode).toBe(403);
    const all = (await w.asAgent('GET', '/api/tickets')).json<TicketPage>();
    expect(all.items).toHaveLength(3);
  });

  it('filters by status and priority and pages newest first', async () => {
    const w = await serviceWorld(app);
    const made: Ticket[] = [];
    for (const priority of ['high', 'normal', 'normal']) {
      clock.set(new Date(clock.now().getTime() + 60_000));
      made.push((await w.asAgent('POST', '/api/tickets', { subject: priority, priority })).json<Ticket>());
    }
    await w.asAgent('POST', `/api/tickets/${made[2]!.id}/status`, { status: 'pending' });
    const ids = async (query: string) =>
      (await w.asAgent('GET', `/api/tickets?${query}`)).json<TicketPage>().items.map((t) => t.id);
    expect(await ids('priority=normal')).toEqual([made[2]!.id, made[1]!.id]);
    expect(await ids('status=pending')).toEqual([made[2]!.id]);
    expect(await ids('breaching=false')).toEqual([made[2]!.id, made[1]!.id, made[0]!.id]);
    const first = (await w.asAgent('GET', '/api/tickets?limit=2')).json<TicketPage>();
    expect(first.items.map((t) => t.id)).toEqual([made[2]!.id, made[1]!.id]);
    const next = (
      await w.asAgent('GET', `/api/tickets?limit=2&after=${first.nextCursor}`)
    ).json<TicketPage>();
    expect([next.items.map((t) => t.id), next.nextCursor]).toEqual([[made[0]!.id], null]);
    const bad = await w.asAgent('GET', '/api/tickets?after=nope');
    expect(bad.json<Problem>().errors?.map((e) => e.path)).toEqual(['after']);
  });

  it('publishes service.ticket.created and service.ticket.solved through the outbox', async () => {
    const w = await scopedWorld();
    const ticket = (
      await w.asAgent('POST', '/api/tickets', {
        subject: '退货',
        priority: 'normal',
        category: 'after_sale',
        customerId: w.customers[0]!.id,
      })
    ).json<Ticket>();
    expect(ticket.category).toBe('after_sale');
    await w.asAgent('POST', `/api/tickets/${ticket.id}/status`, { status: 'solved' });
    const events = (await readDomainEvents(app.database.db, { limit: 10_000 })).filter(
      (event) => event.tenantId === w.tenant.id && event.type.startsWith('service.'),
    );
    expect(events.map((event) => [event.type, event.customerId, event.payload['ticketId']])).toEqual([
      ['service.ticket.created', w.customers[0]!.id, ticket.id],
      ['service.ticket.solved', w.customers[0]!.id, ticket.id],
    ]);
  });

  it('refuses bad input naming the field, hostile text included', async () => {
    const w = await serviceWorld(app);
    const fails = async (payload: object) => {
      const response = await w.asAgent('POST', '/api/tickets', payload);
      return [
        response.statusCode,
        response.json<Problem>().code,
        response.json<Problem>().errors?.map((e) => e.path),
      ];
    };
    expect(await fails({ subject: '', priority: 'normal' })).toEqual([400, 'request.invalid', ['subject']]);
    expect(await fails({ subject: 'x', priority: 'asap' })).toEqual([400, 'request.invalid', ['priority']]);
    expect(await fails({ subject: 'x', category: 'refund' })).toEqual([400, 'request.invalid', ['category']]);
    expect(await fails({ subject: 'x', createdAt: 'yesterday' })).toEqual([
      400,
      'request.invalid',
      ['createdAt'],
    ]);
    expect(await fails({ subject: 'x', customerId: newId() })).toEqual([
      400,
      'service.ticket.invalid',
      ['customerId'],
    ]);
    expect(await fails({ subject: 'x', slaPolicyId: newId() })).toEqual([
      400,
      'service.ticket.invalid',
      ['slaPolicyId'],
    ]);
    expect(await fails({ subject: 'bad\u0000subject', priority: 'normal' })).toEqual([
      400,
      'request.invalid_text',
      ['subject'],
    ]);
    expect(await fails({ subject: 'x'.repeat(2_000_000), priority: 'normal' })).toEqual([
      400,
      expect.any(String),
      ['subject'],
    ]);
    const ticket = (await w.asAgent('POST', '/api/tickets', { subject: 'ok' })).json<Ticket>();
    const reply = await w.asAgent('POST', `/api/tickets/${ticket.id}/replies`, { body: 'x' });
    expect(reply.json<Problem>().errors?.map((e) => e.path)).toEqual(['public']);
    const status = await w.asAgent('POST', `/api/tickets/${ticket.id}/status`, { status: 'done' });
    expect(status.json<Problem>().errors?.map((e) => e.path)).toEqual(['status']);
    expect((await w.asAgent('GET', `/api/tickets/${newId()}`)).statusCode).toBe(404);
  });
});
