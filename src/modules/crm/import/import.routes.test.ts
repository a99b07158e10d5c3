import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';

const server = useTestApp();

async function signedIn(role: 'admin' | 'sales_rep' | 'service_agent' = 'admin') {
  const { app, database } = server;
  const { tenant, admin } = await makeTenant(database.db);
  const user = role === 'admin' ? admin : await makeUser(database.db, tenant, role);
  return { tenant, admin, user, cookie: await signInCookie(app, user.email, TEST_PASSWORD) };
}

const csv = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('POST /api/customers/import', () => {
  it('imports a text/csv body, with the mapping and options in the query string', async () => {
    const { app } = server;
    const { cookie } = await signedIn();
    const body = csv([
      '客户名称,Telefon,备注',
      '上海一号有限公司,021-6888 8888,老客户',
      '上海二号有限公司,not a phone,',
    ]);
    const url = `/api/customers/import?kind=business&map=${encodeURIComponent('Telefon=phone,备注=ignore')}`;
    const dry = await app.inject({
      method: 'POST',
      url: `${url}&dryRun=true`,
      headers: { cookie, 'content-type': 'text/csv; charset=utf-8' },
      payload: body,
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      created: 1,
      encoding: 'utf-8',
      columns: [
        { header: '客户名称', target: 'name' },
        { header: 'Telefon', target: 'phone' },
        { header: '备注', target: null },
      ],
      unmapped: [],
      rejected: [{ row: 3, field: 'phone' }],
      preview: [{ row: 2, values: ['上海一号有限公司', '021-6888 8888', '老客户'] }, { row: 3 }],
    });
    const real = await app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/vnd.ms-excel', 'idempotency-key': 'import-1' },
      payload: iconv.encode(body, 'gb18030'),
    });
    expect(real.json()).toMatchObject({
      dryRun: false,
      created: 1,
      encoding: 'gb18030',
      rejected: [{ row: 3 }],
    });
    const replay = await app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/vnd.ms-excel', 'idempotency-key': 'import-1' },
      payload: iconv.encode(body, 'gb18030'),
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const list = await app.inject({ url: '/api/customers?q=上海', headers: { cookie } });
    expect(list.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toEqual(['上海一号有限公司']);
  });

  it('answers 400 for an empty, binary or broken file, and for a bad map', async () => {
    const { app } = server;
    const { cookie } = await signedIn();
    const post = (payload: string | Buffer, query = '', type = 'text/csv') =>
      app.inject({
        method: 'POST',
        url: `/api/customers/import${query}`,
        headers: { cookie, 'content-type': type },
        payload,
      });
    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'crm.import.empty' });
    const workbook = await post(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    expect(workbook.json()).toMatchObject({ status: 400, code: 'crm.import.unreadable' });
    const broken = await post(csv(['name,phone', 'ok,1', '"never closed,2']));
    expect(broken.json()).toMatchObject({ status: 400, code: 'crm.import.malformed', line: 3 });
    const badTarget = await post(csv(['name', 'x']), `?map=${encodeURIComponent('name=shoeSize!')}`);
    expect(badTarget.json()).toMatchObject({ status: 400, code: 'request.invalid' });
    const noColumn = await post(csv(['name', 'x']), `?map=${encodeURIComponent('{"Telefon":"phone"}')}`);
    expect(noColumn.json()).toMatchObject({ status: 400, code: 'crm.import.option_invalid' });
    const json = await post(JSON.stringify({ name: 'x' }), '', 'application/json');
    expect(json.json()).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ in: 'body' }] });
    // The CSV parser belongs to the import alone.
    const create = await app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: 'kind,name',
    });
    expect(create.statusCode).toBe(415);
  });

  it('needs customers.import', async () => {
    const { app } = server;
    const { cookie } = await signedIn('service_agent');
    const response = await app.inject({
      method: 'POST',
      url: '/api/customers/import',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: csv(['kind,name', 'consumer,x']),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('GET /api/customers/export.csv', () => {
  it('downloads the customers the caller may see as an attachment', async () => {
    const { app } = server;
    const { admin, user, cookie } = await signedIn('sales_rep');
    const adminCookie = await signInCookie(app, admin.email, TEST_PASSWORD);
    const post = (c: string, name: string) =>
      app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: { cookie: c },
        payload: { kind: 'consumer', name },
      });
    await post(cookie, '张伟');
    await post(adminCookie, '王芳');
    const response = await app.inject({
      url: '/api/customers/export.csv?encoding=utf-8',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,kind,name,phone,email,/);
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(['张伟']);
    expect(lines[1]).toContain(user.email);
    const all = await app.inject({ url: '/api/customers/export.csv', headers: { cookie: adminCookie } });
    expect(all.rawPayload.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(all.body.trim().split('\r\n')).toHaveLength(3);
    const bad = await app.inject({ url: '/api/customers/export.csv?encoding=latin1', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
  });
});
