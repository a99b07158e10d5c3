import { describe, expect, it } from 'vitest';
import {
  makeApiKey,
  makeTeam,
  makeTenant,
  makeUser,
  TEST_PASSWORD,
} from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import type { CalendarLink, Task, TaskPage } from './task.contract.js';

const t = useTestApp();

type Problem = { code: string; errors?: { path: string }[] };
type Method = 'GET' | 'POST' | 'PATCH';

/** A tenant with an admin, a manager with a rep in their team, and a rep outside it; each can call. */
async function world() {
  const db = t.database.db;
  const { tenant, admin } = await makeTenant(db);
  const rep = await makeUser(db, tenant, 'sales_rep');
  const other = await makeUser(db, tenant, 'sales_rep');
  const team = await makeTeam(db, admin.actor, [rep.id]);
  const manager = await makeUser(db, tenant, 'sales_manager', { teamIds: [team.id] });
  const as = async (user: { email: string }) => {
    const cookie = await signInCookie(t.app, user.email, TEST_PASSWORD);
    return (method: Method, url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  };
  return { tenant, admin, rep, other, manager, as };
}

const due = '2026-12-08T09:30:00+08:00';

describe('tasks over HTTP', () => {
  it('creates a task for the signed-in user by default and closes it', async () => {
    const w = await world();
    const rep = await w.as(w.rep);
    const created = await rep('POST', '/api/tasks', {
      title: 'Call 王经理 about the quote',
      dueAt: due,
      kind: 'call',
    });
    expect(created.statusCode).toBe(201);
    const task = created.json<Task>();
    expect(task).toMatchObject({
      assigneeId: w.rep.id,
      status: 'open',
      kind: 'call',
      dueAt: '2026-12-08T01:30:00.000Z',
    });
    const done = await rep('POST', `/api/tasks/${task.id}/complete`, { outcome: 'sent the quote' });
    expect(done.json<Task>()).toMatchObject({ status: 'done', outcome: 'sent the quote' });
    expect(done.json<Task>().completedAt).not.toBeNull();
    const again = await rep('POST', `/api/tasks/${task.id}/complete`);
    expect([again.statusCode, again.json<Problem>().code]).toEqual([409, 'crm.task.already_done']);
    const todo = await rep('POST', '/api/tasks', { title: 'No kind given', dueAt: due });
    expect(todo.json<Task>().kind).toBe('todo');
  });

  it('names the failing field', async () => {
    const w = await world();
    const rep = await w.as(w.rep);
    const fails = async (payload: object) => {
      const response = await rep('POST', '/api/tasks', payload);
      return [
        response.statusCode,
        response.json<Problem>().code,
        response.json<Problem>().errors?.map((e) => e.path),
      ];
    };
    expect(await fails({ title: '', dueAt: due })).toEqual([400, 'request.invalid', ['title']]);
    expect(await fails({ title: 'x', dueAt: 'tomorrow' })).toEqual([400, 'request.invalid', ['dueAt']]);
    expect(await fails({ title: 'x', dueAt: due, kind: 'fax' })).toEqual([400, 'request.invalid', ['kind']]);
    expect(await fails({ title: 'x', dueAt: due, assigneeId: newId() })).toEqual([
      400,
      'crm.task.invalid',
      ['assigneeId'],
    ]);
    expect(await fails({ title: 'x', dueAt: due, customerId: newId() })).toEqual([
      400,
      'crm.task.invalid',
      ['customerId'],
    ]);
  });

  it('keeps tasks within the data scope', async () => {
    const w = await world();
    const [rep, other, manager] = [await w.as(w.rep), await w.as(w.other), await w.as(w.manager)];
    const task = (
      await rep('POST', '/api/tasks', { title: 'Visit', dueAt: due, kind: 'visit' })
    ).json<Task>();
    expect((await other('GET', `/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await other('POST', `/api/tasks/${task.id}/complete`)).statusCode).toBe(404);
    expect((await manager('GET', `/api/tasks/${task.id}`)).statusCode).toBe(200);
    const teamList = await manager('GET', `/api/tasks?assigneeId=${w.rep.id}`);
    expect(teamList.json<TaskPage>().items.map((item) => item.id)).toEqual([task.id]);
    expect((await other('GET', `/api/tasks?assigneeId=${w.rep.id}`)).json<TaskPage>().items).toEqual([]);
    // A rep may not hand work to someone outside their scope; a manager may, within the team.
    const handOff = await other('POST', '/api/tasks', { title: 'x', dueAt: due, assigneeId: w.rep.id });
    expect(handOff.json<Problem>().code).toBe('crm.task.invalid');
    const assigned = await manager('POST', '/api/tasks', {
      title: 'Follow up',
      dueAt: due,
      assigneeId: w.rep.id,
    });
    expect(assigned.json<Task>()).toMatchObject({ assigneeId: w.rep.id, createdById: w.manager.id });
  });

  it('an API key names the assignee', async () => {
    const w = await world();
    const key = await makeApiKey(t.database.db, w.tenant.id, 'admin');
    const call = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/tasks',
        headers: { authorization: `Bearer ${key}` },
        payload,
      });
    expect((await call({ title: 'x', dueAt: due })).json<Problem>().errors?.map((e) => e.path)).toEqual([
      'assigneeId',
    ]);
    expect((await call({ title: 'x', dueAt: due, assigneeId: w.rep.id })).statusCode).toBe(201);
  });

  it('lists overdue, today and upcoming tasks in due order, page by page', async () => {
    const w = await world();
    const rep = await w.as(w.rep);
    const now = Date.now();
    const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
    for (const [title, dueAt] of [
      ['late', at(-50)],
      ['later', at(72)],
      ['soon', at(48)],
    ] as const) {
      await rep('POST', '/api/tasks', { title, dueAt });
    }
    const overdue = await rep('GET', '/api/tasks?due=overdue');
    expect(overdue.json<TaskPage>().items.map((task) => task.title)).toEqual(['late']);
    const upcoming = await rep('GET', '/api/tasks?due=upcoming');
    expect(upcoming.json<TaskPage>().items.map((task) => task.title)).toEqual(['soon', 'later']);
    const first = (await rep('GET', '/api/tasks?limit=2')).json<TaskPage>();
    expect(first.items.map((task) => task.title)).toEqual(['late', 'soon']);
    const second = (await rep('GET', `/api/tasks?limit=2&after=${first.nextCursor}`)).json<TaskPage>();
    expect([second.items.map((task) => task.title), second.nextCursor]).toEqual([['later'], null]);
  });
});

describe('the calendar feed', () => {
  it('serves the open tasks as iCalendar events with stable UIDs, and rotates', async () => {
    const w = await world();
    const rep = await w.as(w.rep);
    const meeting = (
      await rep('POST', '/api/tasks', { title: '方案演示 meeting', dueAt: due, kind: 'meeting' })
    ).json<Task>();
    const call = (
      await rep('POST', '/api/tasks', { title: 'Call back', dueAt: due, kind: 'call' })
    ).json<Task>();
    const closed = (await rep('POST', '/api/tasks', { title: 'Closed one', dueAt: due })).json<Task>();
    await rep('POST', `/api/tasks/${closed.id}/complete`);
    // Another user's task never shows in this feed.
    await (
      await w.as(w.other)
    )('POST', '/api/tasks', { title: 'Not mine', dueAt: due });

    const link = (await rep('GET', '/api/me/calendar')).json<CalendarLink>();
    expect((await rep('GET', '/api/me/calendar')).json<CalendarLink>().url).toBe(link.url);
    const path = new URL(link.url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const text = feed.body.replace(/\r\n /g, '');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain(`UID:task-${meeting.id}@`);
    expect(text).toContain(`UID:task-${call.id}@`);
    expect(text).toContain('DTSTART:20261208T013000Z');
    expect(text).toContain('SUMMARY:方案演示 meeting');
    expect(text).not.toContain('Closed one');
    expect(text).not.toContain('Not mine');
    const twice = await t.app.inject({ method: 'GET', url: path });
    expect(twice.body.match(/UID:.*/g)).toEqual(feed.body.match(/UID:.*/g));

    const rotated = (await rep('POST', '/api/me/calendar/rotate')).json<CalendarLink>();
    expect(rotated.url).not.toBe(link.url);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(rotated.url).pathname })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/calendar/${w.tenant.id}/not-a-token.ics` })).statusCode,
    ).toBe(404);
  });

  it('needs a signed-in user for the address', async () => {
    const w = await world();
    const key = await makeApiKey(t.database.db, w.tenant.id, 'admin');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/me/calendar' });
    expect(anonymous.statusCode).toBe(401);
    const byKey = await t.app.inject({
      method: 'GET',
      url: '/api/me/calendar',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(byKey.statusCode).toBe(400);
  });
});

describe('tasks and merges', () => {
  it('follow a merged customer', async () => {
    const w = await world();
    const admin = await w.as(w.admin);
    const make = async (name: string) =>
      (await admin('POST', '/api/customers', { kind: 'consumer', name })).json<{ id: string }>().id;
    const [keep, gone] = [await make(`Keep ${newId()}`), await make(`Gone ${newId()}`)];
    const task = (
      await admin('POST', '/api/tasks', { title: 'Call', dueAt: due, customerId: gone })
    ).json<Task>();
    const merged = await admin('POST', `/api/customers/${keep}/merge`, { from: [gone] });
    expect(merged.json<{ repointed: { tasks: number } }>().repointed.tasks).toBe(1);
    expect((await admin('GET', `/api/tasks/${task.id}`)).json<Task>().customerId).toBe(keep);
  });
});
