/**
 * Business calendars over HTTP: what is refused (overlapping or inverted intervals, unknown time
 * zones, malformed dates, naming the field), and editing one moving the due times of open tickets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant } from '../../../../test/helpers/factories.js';
import { createTestApp } from '../../../../test/helpers/server.js';
import { fixedClock } from '../../../platform/clock.js';
import { caller, serviceWorld, SHANGHAI, TARGETS } from '../ticket/service-world.test-helper.js';
import type { Ticket } from '../ticket/ticket.contract.js';
import type { Calendar, CalendarList } from './calendar.contract.js';

const clock = fixedClock('2026-09-25T09:00:00Z');
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp({ clock });
});
afterAll(async () => app.close());

type Problem = { code: string; errors?: { path: string }[] };

describe('business calendars over HTTP', () => {
  it('creates, lists and reads a calendar as given', async () => {
    const w = await serviceWorld(app);
    expect(w.calendar).toMatchObject({ ...SHANGHAI, id: expect.any(String) as string });
    const list = (await w.asAgent('GET', '/api/service/calendars')).json<CalendarList>();
    expect(list.items.map((c) => c.id)).toEqual([w.calendar.id]);
    const one = await w.asAgent('GET', `/api/service/calendars/${w.calendar.id}`);
    expect(one.json<Calendar>().holidays).toEqual(SHANGHAI.holidays);
    const policy = await w.asAgent('GET', `/api/service/sla-policies/${w.policy.id}`);
    expect(policy.json()).toMatchObject({ calendarId: w.calendar.id, targets: TARGETS, isDefault: true });
  });

  it('refuses bad hours, zones and dates, naming the field', async () => {
    const { tenant } = await makeTenant(app.database.db);
    const admin = caller(app, await makeApiKey(app.database.db, tenant.id, 'admin'));
    const fails = async (change: object) => {
      const response = await admin('POST', '/api/service/calendars', { ...SHANGHAI, ...change });
      return [response.statusCode, response.json<Problem>().errors?.map((e) => e.path)];
    };
    const overlap = {
      tue: [
        ['09:00', '12:00'],
        ['11:00', '18:00'],
      ],
    };
    expect(await fails({ hours: overlap })).toEqual([400, ['hours.tue.1']]);
    expect(await fails({ hours: { wed: [['18:00', '09:00']] } })).toEqual([400, ['hours.wed.0']]);
    expect(await fails({ hours: { wed: [['09:00', '09:00']] } })).toEqual([400, ['hours.wed.0']]);
    expect(await fails({ hours: { thu: [['9:00', '18:00']] } })).toEqual([400, ['hours.thu.0.0']]);
    expect(await fails({ hours: { fri: [['09:00', '24:01']] } })).toEqual([400, ['hours.fri.0.1']]);
    expect(await fails({ hours: { fry: [['09:00', '18:00']] } })).toEqual([400, ['hours']]);
    expect(await fails({ timeZone: 'Asia/Beijing' })).toEqual([400, ['timeZone']]);
    expect(await fails({ timeZone: 'Mars/Olympus' })).toEqual([400, ['timeZone']]);
    expect(await fails({ holidays: ['2026-02-30'] })).toEqual([400, ['holidays.0']]);
    expect(await fails({ holidays: ['2026-10-01', '10/02/2026'] })).toEqual([400, ['holidays.1']]);
    expect(await fails({ workdays: [{ date: '2026-13-10', hours: [['09:00', '18:00']] }] })).toEqual([
      400,
      ['workdays.0.date'],
    ]);
    expect(
      await fails({
        workdays: [
          {
            date: '2026-10-10',
            hours: [
              ['09:00', '13:00'],
              ['12:00', '18:00'],
            ],
          },
        ],
      }),
    ).toEqual([400, ['workdays.0.hours.1']]);
    const day = { date: '2026-10-10', hours: [['09:00', '18:00']] };
    expect(await fails({ workdays: [day, day] })).toEqual([400, ['workdays.1.date']]);
    expect(await fails({ name: '' })).toEqual([400, ['name']]);
    // Touching intervals and a day open to midnight are fine.
    const ok = await admin('POST', '/api/service/calendars', {
      ...SHANGHAI,
      hours: {
        mon: [
          ['00:00', '12:00'],
          ['12:00', '24:00'],
        ],
      },
      timeZone: 'UTC',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a policy on an unknown calendar and an agent changing settings', async () => {
    const w = await serviceWorld(app);
    const policy = await w.asAdmin('POST', '/api/service/sla-policies', {
      name: 'x',
      calendarId: '00000000-0000-4000-8000-000000000000',
      targets: TARGETS,
    });
    expect([policy.statusCode, policy.json<Problem>().errors?.map((e) => e.path)]).toEqual([
      400,
      ['calendarId'],
    ]);
    const twice = await w.asAdmin('POST', '/api/service/sla-policies', {
      name: 'x',
      calendarId: w.calendar.id,
      targets: [TARGETS[0], TARGETS[0]],
    });
    expect(twice.json<Problem>().errors?.map((e) => e.path)).toEqual(['targets.1.priority']);
    expect((await w.asAgent('POST', '/api/service/calendars', SHANGHAI)).statusCode).toBe(403);
    expect(
      (await w.asAgent('PATCH', `/api/service/calendars/${w.calendar.id}`, { name: 'x' })).statusCode,
    ).toBe(403);
  });

  it('an edit of the calendar or the policy moves the due times of open tickets, not of solved ones', async () => {
    clock.set('2026-09-25T09:00:00Z'); // Friday 17:00 in Shanghai
    const w = await serviceWorld(app);
    const open = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Open', priority: 'normal' })
    ).json<Ticket>();
    const solved = (
      await w.asAgent('POST', '/api/tickets', { subject: 'Solved', priority: 'normal' })
    ).json<Ticket>();
    await w.asAgent('POST', `/api/tickets/${solved.id}/status`, { status: 'solved' });
    expect(open.firstResponseDueAt).toBe('2026-09-28T02:00:00.000Z');
    // Monday 28 September becomes a holiday: Tuesday instead.
    const edited = await w.asAdmin('PATCH', `/api/service/calendars/${w.calendar.id}`, {
      holidays: [...SHANGHAI.holidays, '2026-09-28'],
    });
    expect(edited.statusCode).toBe(200);
    const moved = (await w.asAgent('GET', `/api/tickets/${open.id}`)).json<Ticket>();
    expect(moved).toMatchObject({
      firstResponseDueAt: '2026-09-29T02:00:00.000Z',
      resolutionDueAt: '2026-09-29T06:00:00.000Z',
    });
    const kept = (await w.asAgent('GET', `/api/tickets/${solved.id}`)).json<Ticket>();
    expect(kept.firstResponseDueAt).toBe('2026-09-28T02:00:00.000Z');
    // The policy's normal first response becomes 30 minutes: Friday 17:30.
    const put = await w.asAdmin('PUT', `/api/service/sla-policies/${w.policy.id}`, {
      name: 'Faster',
      calendarId: w.calendar.id,
      targets: [{ priority: 'normal', firstResponseMinutes: 30, resolutionMinutes: 360 }],
      isDefault: true,
    });
    expect(put.statusCode).toBe(200);
    const faster = (await w.asAgent('GET', `/api/tickets/${open.id}`)).json<Ticket>();
    expect(faster.firstResponseDueAt).toBe('2026-09-25T09:30:00.000Z');
  });

  it('keeps one default policy per tenant', async () => {
    const w = await serviceWorld(app);
    const second = await w.asAdmin('POST', '/api/service/sla-policies', {
      name: 'Gold',
      calendarId: w.calendar.id,
      targets: TARGETS,
      isDefault: true,
    });
    expect(second.statusCode).toBe(201);
    const list = (await w.asAdmin('GET', '/api/service/sla-policies')).json<{
      items: { id: string; isDefault: boolean }[];
    }>();
    expect(list.items.filter((p) => p.isDefault).map((p) => p.id)).toEqual([
      second.json<{ id: string }>().id,
    ]);
    const ticket = (
      await w.asAgent('POST', '/api/tickets', { subject: 'x', priority: 'high' })
    ).json<Ticket>();
    expect(ticket.slaPolicyId).toBe(second.json<{ id: string }>().id);
  });
});
