/**
 * The SLA clocks of `shared spec service-sla` over HTTP on a fake clock, in the spec's Shanghai
 * calendar (UTC+8): a weekend, Monday's lunch break, a holiday run and the make-up Saturday; a pause,
 * a priority change, imported createdAt, breaches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/helpers/server.js';
import { fixedClock } from '../../../platform/clock.js';
import type { ReplyResult, Ticket } from './ticket.contract.js';
import { serviceWorld } from './service-world.test-helper.js';

const clock = fixedClock('2026-09-25T09:00:00Z');
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp({ clock });
});
afterAll(async () => app.close());

type Problem = { code: string; errors?: { path: string }[] };
/** A Shanghai local time as an instant. */
const local = (text: string) => new Date(`${text}+08:00`);
const utc = (text: string) => local(text).toISOString();

describe('SLA clocks over HTTP', () => {
  it('runs across a weekend and Monday’s lunch break', async () => {
    clock.set(local('2026-09-25T17:00:00')); // a Friday
    const w = await serviceWorld(app);
    const created = await w.asAgent('POST', '/api/tickets', { subject: '发票抬头错了', priority: 'normal' });
    expect(created.statusCode).toBe(201);
    const ticket = created.json<Ticket>();
    expect(ticket).toMatchObject({
      status: 'open',
      number: 1,
      slaPolicyId: w.policy.id,
      firstResponseDueAt: utc('2026-09-28T10:00:00'), // Friday 60 + Monday 60
      resolutionDueAt: utc('2026-09-28T15:00:00'), // Friday 60 + Monday 180 + after lunch 120
      breached: { firstResponse: false, resolution: false },
    });
    const second = await w.asAgent('POST', '/api/tickets', { subject: 'Second', priority: 'normal' });
    expect(second.json<Ticket>().number).toBe(2);
  });

  it('skips the holidays and opens the make-up Saturday', async () => {
    clock.set(local('2026-09-30T17:00:00')); // Wednesday before the National Day holidays
    const w = await serviceWorld(app);
    const before = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Before', priority: 'normal' })
    ).json<Ticket>();
    // Thu 1st, Fri 2nd holidays, the weekend, Mon 5th a holiday: on Tuesday the 6th.
    expect(before.firstResponseDueAt).toBe(utc('2026-10-06T10:00:00'));
    expect(before.resolutionDueAt).toBe(utc('2026-10-06T14:00:00'));
    clock.set(local('2026-10-09T17:00:00')); // Friday before the make-up Saturday
    const makeUp = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Make-up', priority: 'normal' })
    ).json<Ticket>();
    expect(makeUp.firstResponseDueAt).toBe(utc('2026-10-10T10:00:00'));
    expect(makeUp.resolutionDueAt).toBe(utc('2026-10-10T14:00:00'));
  });

  it('pending pauses the resolution clock and moves its due time by the paused business time', async () => {
    clock.set(local('2026-09-25T17:00:00'));
    const w = await serviceWorld(app);
    const ticket = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Waiting', priority: 'normal' })
    ).json<Ticket>();
    clock.set(local('2026-09-25T17:30:00'));
    const pending = await w.asAgent('POST', `/api/tickets/${ticket.id}/status`, { status: 'pending' });
    expect(pending.json<Ticket>()).toMatchObject({
      status: 'pending',
      pausedAt: utc('2026-09-25T17:30:00'),
      resolutionDueAt: utc('2026-09-28T15:00:00'),
    });
    // Past the old due time while pending: not breached, the clock stands still.
    clock.set(local('2026-09-28T16:00:00'));
    expect((await w.asAgent('GET', `/api/tickets/${ticket.id}`)).json<Ticket>().breached.resolution).toBe(
      false,
    );
    clock.set(local('2026-09-28T09:30:00'));
    const reopened = (
      await w.asAgent('POST', `/api/tickets/${ticket.id}/status`, { status: 'open' })
    ).json<Ticket>();
    // Paused Friday 17:30–18:00 and Monday 09:00–09:30: 60 business minutes.
    expect(reopened).toMatchObject({
      status: 'open',
      pausedAt: null,
      pausedBusinessMinutes: 60,
      firstResponseDueAt: utc('2026-09-28T10:00:00'),
      resolutionDueAt: utc('2026-09-28T16:00:00'),
    });
    // A priority change keeps the elapsed time and the pause: high is 240 + 60 from Friday 17:00.
    const high = await w.asAgent('PATCH', `/api/tickets/${ticket.id}`, { priority: 'high' });
    expect(high.json<Ticket>()).toMatchObject({
      priority: 'high',
      firstResponseDueAt: utc('2026-09-25T17:30:00'),
      resolutionDueAt: utc('2026-09-28T14:00:00'),
      breached: { firstResponse: true, resolution: false },
    });
  });

  it('solving stops the clock, reopening resumes it; closed is final', async () => {
    clock.set(local('2026-09-25T17:00:00'));
    const w = await serviceWorld(app);
    const ticket = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Solve', priority: 'normal' })
    ).json<Ticket>();
    clock.set(local('2026-09-25T17:20:00'));
    const solved = (
      await w.asAgent('POST', `/api/tickets/${ticket.id}/status`, { status: 'solved' })
    ).json<Ticket>();
    expect(solved).toMatchObject({ status: 'solved', solvedAt: utc('2026-09-25T17:20:00') });
    clock.set(local('2026-09-28T09:20:00'));
    const open = (
      await w.asAgent('POST', `/api/tickets/${ticket.id}/status`, { status: 'open' })
    ).json<Ticket>();
    // Stopped Friday 17:20–18:00 and Monday 09:00–09:20: 60 minutes later than before.
    expect(open).toMatchObject({
      solvedAt: null,
      pausedBusinessMinutes: 60,
      resolutionDueAt: utc('2026-09-28T16:00:00'),
    });
    await w.asAgent('POST', `/api/tickets/${ticket.id}/status`, { status: 'closed' });
    const again = await w.asAgent('POST', `/api/tickets/${ticket.id}/status`, { status: 'open' });
    expect([again.statusCode, again.json<Problem>().code]).toEqual([409, 'service.ticket.closed']);
  });

  it('the first public reply stops the first-response clock; internal notes do not', async () => {
    clock.set(local('2026-09-25T17:00:00'));
    const w = await serviceWorld(app);
    const late = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Late', priority: 'normal' })
    ).json<Ticket>();
    const early = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Early', priority: 'normal' })
    ).json<Ticket>();
    clock.set(local('2026-09-28T09:50:00'));
    const note = await w.asAgent('POST', `/api/tickets/${late.id}/replies`, {
      body: '内部备注',
      public: false,
    });
    expect(note.statusCode).toBe(201);
    expect(note.json<ReplyResult>().ticket.firstRespondedAt).toBeNull();
    const reply = await w.asAgent('POST', `/api/tickets/${early.id}/replies`, { body: '您好', public: true });
    expect(reply.json<ReplyResult>().ticket.firstRespondedAt).toBe(utc('2026-09-28T09:50:00'));
    await w.asAgent('POST', `/api/tickets/${early.id}/replies`, { body: '再次', public: true });
    clock.set(local('2026-09-28T10:00:00')); // due exactly now: not yet late
    expect((await w.asAgent('GET', `/api/tickets/${late.id}`)).json<Ticket>().breached.firstResponse).toBe(
      false,
    );
    clock.set(local('2026-09-28T10:01:00'));
    const lateNow = (await w.asAgent('GET', `/api/tickets/${late.id}`)).json<Ticket>();
    const earlyNow = (await w.asAgent('GET', `/api/tickets/${early.id}`)).json<Ticket>();
    expect(lateNow.breached).toEqual({ firstResponse: true, resolution: false });
    expect(earlyNow).toMatchObject({ firstRespondedAt: utc('2026-09-28T09:50:00') });
    expect(earlyNow.breached).toEqual({ firstResponse: false, resolution: false });
    clock.set(local('2026-09-28T15:01:00'));
    expect((await w.asAgent('GET', `/api/tickets/${early.id}`)).json<Ticket>().breached.resolution).toBe(
      true,
    );
    const breaching = await w.asAgent('GET', '/api/tickets?breaching=true');
    expect(
      breaching
        .json<{ items: Ticket[] }>()
        .items.map((t) => t.id)
        .sort(),
    ).toEqual([late.id, early.id].sort());
  });

  it('createdAt: an admin imports a past ticket, the clocks start then; others may not; never in the future', async () => {
    clock.set(local('2026-10-12T12:00:00'));
    const w = await serviceWorld(app);
    const imported = await w.asAdmin('POST', '/api/tickets', {
      subject: 'From the old help desk',
      priority: 'normal',
      createdAt: '2026-09-25T09:00:00Z', // Friday 17:00 in Shanghai
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json<Ticket>()).toMatchObject({
      createdAt: '2026-09-25T09:00:00.000Z',
      firstResponseDueAt: utc('2026-09-28T10:00:00'),
      resolutionDueAt: utc('2026-09-28T15:00:00'),
      breached: { firstResponse: true, resolution: true },
    });
    const agent = await w.asAgent('POST', '/api/tickets', {
      subject: 'x',
      priority: 'normal',
      createdAt: '2026-09-25T09:00:00Z',
    });
    expect([agent.statusCode, agent.json<Problem>().code]).toEqual([
      403,
      'service.ticket.created_at_forbidden',
    ]);
    const future = await w.asAdmin('POST', '/api/tickets', {
      subject: 'x',
      priority: 'normal',
      createdAt: '2026-10-12T04:01:00Z',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<Problem>().errors?.map((e) => e.path)).toEqual(['createdAt']);
  });

  it('a ticket without a policy (and no default) has no due times', async () => {
    clock.set(local('2026-09-25T17:00:00'));
    const w = await serviceWorld(app, { isDefault: false });
    const bare = (
      await w.asAgent('POST', '/api/tickets', { subject: 'No SLA', priority: 'low' })
    ).json<Ticket>();
    expect(bare).toMatchObject({ slaPolicyId: null, firstResponseDueAt: null, resolutionDueAt: null });
    const named = (
      await w.asAgent('POST', '/api/tickets', {
        subject: 'Named',
        priority: 'normal',
        slaPolicyId: w.policy.id,
      })
    ).json<Ticket>();
    expect(named.firstResponseDueAt).toBe(utc('2026-09-28T10:00:00'));
    // A priority the policy sets no target for: no due times either.
    const low = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Low', priority: 'low', slaPolicyId: w.policy.id })
    ).json<Ticket>();
    expect(low).toMatchObject({ slaPolicyId: w.policy.id, firstResponseDueAt: null, resolutionDueAt: null });
  });
});
