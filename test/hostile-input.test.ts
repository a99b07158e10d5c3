/**
 * Text PostgreSQL cannot store (NUL, lone UTF-16 surrogates), strings past the edge's length limit and
 * deeply nested bodies are refused with a 400 naming the field, on every route, before any query runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, TEST_PASSWORD } from './helpers/factories.js';
import { signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();
let cookie = '';

beforeAll(async () => {
  const { admin } = await makeTenant(t.database.db);
  cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
});

type ProblemBody = { code: string; errors: { path: string; in: string; pointer: string }[] };

async function send(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
  return { status: response.statusCode, body: response.json<ProblemBody>() };
}

describe('hostile text at the edge', () => {
  it('refuses a NUL byte in a JSON body field and names the field', async () => {
    const { status, body } = await send('POST', '/api/customers', { kind: 'business', name: 'Acme\u0000' });
    expect(status).toBe(400);
    expect(body.code).toBe('request.invalid_text');
    expect(body.errors).toEqual([expect.objectContaining({ path: 'name', in: 'body', pointer: '#/name' })]);
  });

  it('refuses a lone surrogate in a body field, nested paths included', async () => {
    const raw = String.raw`{"sku":"S-1","name":"bad \ud800 item","unit":"pcs"}`;
    const item = await send('POST', '/api/items', raw);
    expect(item.status).toBe(400);
    expect(item.body.code).toBe('request.invalid_text');
    expect(item.body.errors[0]?.path).toBe('name');
    const nested = await send(
      'POST',
      '/api/customers',
      String.raw`{"kind":"business","name":"A","tags":["ok","\udc00"]}`,
    );
    expect(nested.status).toBe(400);
    expect(nested.body.errors[0]).toMatchObject({ path: 'tags.1', pointer: '#/tags/1' });
  });

  it('refuses NUL in a query parameter and in a path parameter', async () => {
    const query = await send('GET', '/api/customers?q=%00');
    expect(query.status).toBe(400);
    expect(query.body.errors[0]).toMatchObject({ path: 'q', in: 'querystring' });
    for (const url of ['/api/persons?q=a%00b', '/api/items?q=%00', '/api/people?q=%00']) {
      expect((await send('GET', url)).status, url).toBe(400);
    }
    const param = await send('GET', '/api/persons/%00');
    expect(param.status).toBe(400);
    expect(param.body.errors[0]).toMatchObject({ path: 'id', in: 'params' });
  });

  it('refuses a 1 MB string in any field with a 4xx', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const body = await send('POST', '/api/customers', { kind: 'business', name: 'A', notes: big });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({ code: 'request.text_too_long', errors: [{ path: 'notes' }] });
    const query = await send('GET', `/api/customers?q=${big}`);
    expect(query.status).toBe(400);
  });

  it('refuses deep nesting with a 400', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const response = await send('POST', '/api/customers', `{"kind":"business","name":"A","tags":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('request.too_deep');
  });

  it('still takes ordinary Chinese, emoji and long-enough text', async () => {
    const response = await send('POST', '/api/customers', {
      kind: 'business',
      name: '杭州云帆科技有限公司 🚀',
      notes: '备注'.repeat(2000),
    });
    expect(response.status).toBe(201);
  });
});
