import { describe, expect, it } from 'vitest';
import { makeTenant, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { parseSegmentJson } from './segment-json.js';

const BIG = '12345678901234567890';

describe('parseSegmentJson', () => {
  it('keeps the digits of ids past 2^53 as sent, as strings', () => {
    const text = `{"userId":${BIG},"anonymousId": -${BIG} ,"messageId":${BIG},"groupId":${BIG},"previousId":${BIG}}`;
    expect(parseSegmentJson(text)).toEqual({
      userId: BIG,
      anonymousId: `-${BIG}`,
      messageId: BIG,
      groupId: BIG,
      previousId: BIG,
    });
  });

  it('does the same inside a batch and leaves every other number alone', () => {
    const text = `{"batch":[{"type":"track","userId":${BIG},"properties":{"userId":1,"total":${BIG},"n":12.5}}]}`;
    const body = parseSegmentJson(text) as {
      batch: { userId: unknown; properties: Record<string, unknown> }[];
    };
    expect(body.batch[0]!.userId).toBe(BIG);
    expect(body.batch[0]!.properties).toEqual({ userId: 1, total: Number(BIG), n: 12.5 });
  });

  it('keeps safe integers as numbers and never touches text inside strings', () => {
    expect(parseSegmentJson('{"userId":42}')).toEqual({ userId: 42 });
    const quoted = `{"event":"\\"userId\\":${BIG}","note":"a\\\\","userId":"${BIG}"}`;
    expect(parseSegmentJson(quoted)).toEqual({ event: `"userId":${BIG}`, note: 'a\\', userId: BIG });
  });

  it('still cleans NUL and lone surrogates out of the body', () => {
    expect(parseSegmentJson(String.raw`{"userId":"a\u0000b","e":"\ud800"}`)).toEqual({
      userId: 'ab',
      e: '\uFFFD',
    });
  });
});

describe('numeric ids through /v1', () => {
  const t = useTestApp();

  it('stores a userId of 12345678901234567890 with all its digits', async () => {
    const { admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const source = await t.app.inject({
      method: 'POST',
      url: '/api/sources',
      headers: { cookie },
      payload: { name: 'shop', kind: 'web' },
    });
    const writeKey = source.json<{ writeKey: string }>().writeKey;
    const sent = await t.app.inject({
      method: 'POST',
      url: '/v1/identify',
      headers: { 'content-type': 'text/plain', authorization: `Basic ${btoa(`${writeKey}:`)}` },
      payload: `{"userId":${BIG},"traits":{"name":"Big"}}`,
    });
    expect(sent.statusCode).toBe(200);
    const person = await t.app.inject({ method: 'GET', url: `/api/persons/${BIG}`, headers: { cookie } });
    expect(person.statusCode).toBe(200);
    expect(person.json<{ userId: string }>().userId).toBe(BIG);
  });
});
