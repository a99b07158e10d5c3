import { and, asc, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { makeTenant, makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { events } from '../event/event.store.js';
import { persons } from '../identity/person.table.js';
import type { Source } from '../source/source.contract.js';
import { OFFLINE_IMPORT_MAX_BYTES, type OfflineImportReport } from './offline-import.contract.js';

const t = useTestApp();

/** A tenant, a marketer's session, an offline source, and a way to upload a file into it. */
async function setup() {
  const { tenant, admin } = await makeTenant(t.database.db);
  const marketer = await makeUser(t.database.db, tenant, 'marketer');
  const cookie = await signInCookie(t.app, marketer.email, TEST_PASSWORD);
  const newSource = async (name: string, kind = 'offline') =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/sources',
        headers: { cookie },
        payload: { name, kind },
      })
    ).json<Source>();
  const salon = await newSource('Salon');
  const upload = (body: Buffer | string, options: { source?: string; cookie?: string; type?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/touchpoints/import?source=${options.source ?? salon.id}`,
      headers: { cookie: options.cookie ?? cookie, 'content-type': options.type ?? 'text/csv' },
      payload: body,
    });
  const storedEvents = async (sourceId = salon.id) =>
    t.database.db
      .select()
      .from(events)
      .where(and(eq(events.tenantId, tenant.id), eq(events.sourceId, sourceId)))
      .orderBy(asc(events.timestamp), asc(events.type));
  return { tenant, admin, cookie, salon, newSource, upload, storedEvents };
}

const salonCsv = [
  '事件,时间,姓名,手机,邮箱,展位,场次',
  '沙龙签到,2026-03-01 14:30,王芳,138 0013 8000,,A12,上海站',
  '沙龙签到,2026-03-01 14:45,李雷,,li.lei@example.com,B03,上海站',
  '领取资料,2026-03-01T15:00:00+08:00,王芳,13800138000,,,上海站',
].join('\r\n');

describe('POST /api/touchpoints/import', () => {
  it('stores each row as an offline track after an identify, with China time and the rest as properties', async () => {
    const { upload, storedEvents } = await setup();
    const response = await upload(salonCsv);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ stored: 3, duplicates: 0, rejected: [] });
    const rows = await storedEvents();
    const tracks = rows.filter((row) => row.type === 'track');
    expect(tracks).toMatchObject([
      {
        event: '沙龙签到',
        channel: 'offline',
        anonymousId: 'offline:138 0013 8000',
        userId: null,
        timestamp: new Date('2026-03-01T06:30:00Z'),
        properties: { 展位: 'A12', 场次: '上海站' },
      },
      {
        event: '沙龙签到',
        anonymousId: 'offline:li.lei@example.com',
        timestamp: new Date('2026-03-01T06:45:00Z'),
      },
      { event: '领取资料', anonymousId: 'offline:13800138000', properties: { 场次: '上海站' } },
    ]);
    const identifies = rows.filter((row) => row.type === 'identify');
    expect(identifies.map((row) => row.traits)).toEqual([
      { name: '王芳', phone: '138 0013 8000' },
      { name: '李雷', email: 'li.lei@example.com' },
      { name: '王芳', phone: '13800138000' },
    ]);
    // The same phone written two ways is one person: identity resolution normalised it.
    expect(tracks[0]!.personId).not.toBeNull();
    expect(tracks[2]!.personId).toBe(tracks[0]!.personId);
    expect(tracks[1]!.personId).not.toBe(tracks[0]!.personId);
  });

  it('stores nothing new when the same file is imported again', async () => {
    const { upload, storedEvents } = await setup();
    expect((await upload(salonCsv)).json()).toMatchObject({ stored: 3, duplicates: 0 });
    const before = (await storedEvents()).length;
    expect((await upload(salonCsv)).json()).toEqual({ stored: 0, duplicates: 3, rejected: [] });
    // Columns in another order are still the same rows.
    const [header, ...rows] = salonCsv.split('\r\n').map((line) => line.split(','));
    const swapped = [header!, ...rows]
      .map((cells) => [cells[1], cells[0], ...cells.slice(2)].join(','))
      .join('\n');
    expect((await upload(swapped)).json()).toEqual({ stored: 0, duplicates: 3, rejected: [] });
    expect((await storedEvents()).length).toBe(before);
  });

  it('reads UTF-8 with a BOM and GB18030 files like UTF-8', async () => {
    const { upload, storedEvents } = await setup();
    const gb = iconv.encode('事件,姓名,手机\r\n到场,张伟,13900139000\r\n', 'gb18030');
    expect(gb.includes(Buffer.from('张伟'))).toBe(false);
    expect((await upload(gb)).json()).toMatchObject({ stored: 1, rejected: [] });
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('事件,姓名,邮箱\n到场,赵敏,zm@example.cn\n'),
    ]);
    expect((await upload(bom)).json()).toMatchObject({ stored: 1, rejected: [] });
    const tracks = (await storedEvents()).filter((row) => row.type === 'track');
    expect(tracks.map((row) => [row.event, row.anonymousId])).toEqual(
      expect.arrayContaining([
        ['到场', 'offline:13900139000'],
        ['到场', 'offline:zm@example.cn'],
      ]),
    );
    const identify = (await storedEvents()).find(
      (row) => row.type === 'identify' && row.anonymousId === 'offline:13900139000',
    );
    expect(identify?.traits).toEqual({ name: '张伟', phone: '13900139000' });
  });

  it('answers every rejected row with its row number and field, and stores the valid ones', async () => {
    const { upload, storedEvents } = await setup();
    const csv = [
      'event,timestamp,userId,email,phone,note',
      'Visit,2026-03-01 10:00,u-1,,,ok', // 2
      ',2026-03-01 10:00,u-2,,,no event', // 3
      'Visit,,,,,no id', // 4
      '', // 5: blank, skipped
      'Visit,someday,u-3,,,bad time', // 6
      'Visit,,,not-an-email,,bad email', // 7
      'Visit,,,,12,bad phone', // 8
      '"Visit","2026-03-01 11:00","u-4",,,"two', // 9
      'lines"', //    (row 9 goes on)
      'Visit,2026-03-01 12:00,u-5,,,ok,extra', // 10
      'Visit,2026-03-01 13:00,u-6,,,ok', // 11
    ].join('\n');
    const response = await upload(csv);
    expect(response.json<OfflineImportReport>()).toEqual({
      stored: 3,
      duplicates: 0,
      rejected: [
        { row: 3, field: 'event', message: 'required' },
        { row: 4, field: 'userId', message: 'a row needs userId, anonymousId, email or phone' },
        { row: 6, field: 'timestamp', message: 'not a time (use ISO 8601 or YYYY-MM-DD HH:mm, China time)' },
        { row: 7, field: 'email', message: 'not an email address' },
        { row: 8, field: 'phone', message: 'not a phone number' },
        { row: 10, field: 'row', message: 'has 7 values but the header has 6 columns' },
      ],
    });
    const stored = (await storedEvents()).map((row) => [row.userId, row.properties]);
    expect(stored).toEqual([
      ['u-1', { note: 'ok' }],
      ['u-4', { note: 'two\nlines' }],
      ['u-6', { note: 'ok' }],
    ]);
  });

  it('links an imported row to the person the web already knows by that email', async () => {
    const { salon, newSource, upload, storedEvents } = await setup();
    const web = await newSource('Web', 'web');
    const identified = await t.app.inject({
      method: 'POST',
      url: '/v1/identify',
      headers: { authorization: `Basic ${Buffer.from(`${web.writeKey}:`).toString('base64')}` },
      payload: {
        userId: 'user-42',
        traits: { email: 'Known@Example.com' },
        timestamp: '2026-02-01T00:00:00Z',
      },
    });
    expect(identified.json()).toEqual({ success: true });
    const [webEvent] = await storedEvents(web.id);
    expect(webEvent?.personId).toBeTruthy();
    expect((await upload('event,email\nSalon visit,known@example.com\n')).json()).toMatchObject({
      stored: 1,
    });
    const track = (await storedEvents(salon.id)).find((row) => row.type === 'track')!;
    const [person] = await t.database.db.select().from(persons).where(eq(persons.id, track.personId!));
    expect(person!.mergedInto ?? person!.id).toBe(webEvent!.personId);
  });

  it('refuses sources that are not offline, disabled or unknown, and files that are empty, too large or lack event', async () => {
    const { upload, newSource, salon, cookie } = await setup();
    const web = await newSource('Web', 'web');
    expect((await upload(salonCsv, { source: web.id })).json()).toMatchObject({
      status: 400,
      code: 'insights.import.source_not_offline',
    });
    expect((await upload(salonCsv, { source: '0190c9a8-0000-7000-8000-000000000000' })).json()).toMatchObject(
      {
        status: 404,
        code: 'insights.source.not_found',
      },
    );
    expect((await upload(salonCsv, { source: 'Salon' })).statusCode).toBe(400);
    expect((await upload('')).json()).toMatchObject({ status: 400 });
    expect((await upload('\n\n')).json()).toMatchObject({ status: 400, code: 'insights.import.empty' });
    expect((await upload('name,phone\n王芳,13800138000\n')).json()).toMatchObject({
      status: 400,
      code: 'insights.import.missing_column',
    });
    const huge = Buffer.alloc(OFFLINE_IMPORT_MAX_BYTES + 1, 'a');
    expect((await upload(huge)).json()).toMatchObject({ status: 400, code: 'insights.import.too_large' });
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/sources/${salon.id}`,
      headers: { cookie },
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await upload(salonCsv)).json()).toMatchObject({
      status: 400,
      code: 'insights.import.source_disabled',
    });
  });

  it('needs touchpoints.import: a sales rep gets 403, no session 401', async () => {
    const { tenant, upload, storedEvents } = await setup();
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const repCookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    expect((await upload(salonCsv, { cookie: repCookie })).statusCode).toBe(403);
    expect((await upload(salonCsv, { cookie: '' })).statusCode).toBe(401);
    expect(await storedEvents()).toEqual([]);
  });
});
