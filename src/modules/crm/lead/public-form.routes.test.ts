import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/helpers/server.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { Lead, PublicForm, ShareLink } from './lead.contract.js';
import { leadWorld } from './lead-test-world.test-helper.js';

const clock = fixedClock(new Date());
let current: Awaited<ReturnType<typeof createTestApp>>;
const ctx = {
  get app(): HttpApp {
    return current.app;
  },
  get database(): Database {
    return current.database;
  },
};
beforeAll(async () => {
  current = await createTestApp({ clock });
});
afterAll(async () => current.close());

type Problem = { code: string; errors?: { path: string }[] };

/** A lead of a fresh tenant with a shared form; `open` calls the public endpoints with no credentials. */
async function sharedLead(extra: object = {}) {
  const world = await leadWorld(ctx);
  const { id } = await world.lead({ language: 'en', ...extra });
  const share = await world.call('POST', `/api/leads/${id}/share`, { expiresInDays: 3 });
  expect(share.statusCode).toBe(201);
  const link = share.json<ShareLink>();
  const token = link.url.split('/f/')[1]!;
  const open = (method: 'GET' | 'POST', payload?: object, t = token) =>
    ctx.app.inject({ method, url: `/api/public/forms/${t}`, ...(payload ? { payload } : {}) });
  return { ...world, id, link, token, open };
}

describe('public form link', () => {
  it('opens the one form without a login, in the lead language, and takes answers', async () => {
    const { link, open, call, id, token } = await sharedLead();
    expect(link.url).toMatch(/^http:\/\/[^/]+\/f\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(new Date(link.expiresAt).getTime() - clock.now().getTime()).toBe(3 * 86_400_000);
    const page = await ctx.app.inject({ method: 'GET', url: `/f/${token}` });
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);

    const form = await open('GET');
    expect(form.statusCode).toBe(200);
    expect(form.json<PublicForm>()).toMatchObject({ language: 'en', editable: true, answers: {} });
    expect(form.json<PublicForm>().form.fields.map((f) => f.key)).toEqual([
      'industry',
      'modules',
      'users',
      'on_premise',
      'go_live',
    ]);
    const wrong = await open('POST', { answers: { users: 'ten' } });
    expect([wrong.statusCode, wrong.json<Problem>().errors?.[0]?.path]).toEqual([400, 'answers.users']);
    const saved = await open('POST', { answers: { industry: '制造', users: 10 } });
    expect(saved.statusCode).toBe(200);
    const edited = await open('POST', { answers: { users: 12, modules: ['销售'], on_premise: true } });
    expect(edited.json<PublicForm>().answers).toEqual({
      industry: '制造',
      users: 12,
      modules: ['销售'],
      on_premise: true,
    });
    expect((await call('GET', `/api/leads/${id}`)).json<Lead>().answers).toMatchObject({ users: 12 });
  });

  it('stays editable until the lead is qualified, then answers 409 and shows read-only', async () => {
    const { open, call, id } = await sharedLead();
    await open('POST', { answers: { industry: '零售', modules: ['仓储'], on_premise: false } });
    expect((await call('POST', `/api/leads/${id}/qualify`)).statusCode).toBe(200);
    const late = await open('POST', { answers: { users: 5 } });
    expect([late.statusCode, late.json<Problem>().code]).toEqual([409, 'crm.lead.form_closed']);
    expect((await open('GET')).json<PublicForm>()).toMatchObject({
      editable: false,
      answers: { industry: '零售' },
    });
    expect((await call('GET', `/api/leads/${id}`)).json<Lead>().answers).not.toHaveProperty('users');
  });

  it('answers 404 for an unknown or replaced token and 410 once expired', async () => {
    const { open, call, id, token } = await sharedLead();
    expect((await open('GET', undefined, 'x'.repeat(43))).statusCode).toBe(404);
    expect((await open('POST', { answers: {} }, 'nope')).statusCode).toBe(404);
    const replaced = await call('POST', `/api/leads/${id}/share`, {});
    expect(replaced.statusCode).toBe(201);
    expect((await open('GET', undefined, token)).statusCode).toBe(404);
    const fresh = replaced.json<ShareLink>().url.split('/f/')[1]!;
    expect((await open('GET', undefined, fresh)).statusCode).toBe(200);
    clock.advanceDays(15);
    try {
      const gone = await open('GET', undefined, fresh);
      expect([gone.statusCode, gone.json<Problem>().code]).toEqual([410, 'crm.lead.link_expired']);
      expect((await open('POST', { answers: { users: 1 } }, fresh)).statusCode).toBe(410);
    } finally {
      clock.advanceDays(-15);
    }
  });

  it('gives access to nothing else: no lead, no other API, no other tenant', async () => {
    const { token, id } = await sharedLead();
    const other = await sharedLead();
    const asToken = (url: string) =>
      ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await asToken(`/api/leads/${id}`)).statusCode).toBe(401);
    expect((await asToken('/api/leads')).statusCode).toBe(401);
    expect((await asToken('/api/customers')).statusCode).toBe(401);
    const cookie = await ctx.app.inject({
      method: 'GET',
      url: `/api/leads/${id}`,
      headers: { cookie: `kehu_session=${token}` },
    });
    expect(cookie.statusCode).toBe(401);
    // Another lead's form is reached only with its own token.
    const mine = await ctx.app.inject({ method: 'GET', url: `/api/public/forms/${token}` });
    const theirs = await ctx.app.inject({ method: 'GET', url: `/api/public/forms/${other.token}` });
    expect(mine.json<PublicForm>().leadName).not.toBe(theirs.json<PublicForm>().leadName);
    const lead = await ctx.app.inject({ method: 'GET', url: `/api/public/forms/${token}/../../leads/${id}` });
    expect(lead.statusCode).not.toBe(200);
    // The tenant is part of the link: the secret under another tenant, or without one, opens nothing.
    const secret = token.split('.')[1]!;
    const elsewhere = `${other.token.split('.')[0]!}.${secret}`;
    for (const t of [elsewhere, secret, `.${secret}`, `not-a-tenant.${secret}`])
      expect((await ctx.app.inject({ method: 'GET', url: `/api/public/forms/${t}` })).statusCode).toBe(404);
  });

  it('shares only a lead with a form', async () => {
    const { call, lead } = await leadWorld(ctx);
    const { id } = await lead({ formId: undefined });
    const refused = await call('POST', `/api/leads/${id}/share`, {});
    expect([refused.statusCode, refused.json<Problem>().code]).toEqual([409, 'crm.lead.no_form']);
  });
});
