import { describe, expect, it } from 'vitest';
import { makeTenant, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';

const server = useTestApp();

describe('GET /api/customers/export.csv?purpose=…', () => {
  it('leaves out the customers whose consent to the purpose is withdrawn, and counts them in a trailer', async () => {
    const { app, database } = server;
    const { admin } = await makeTenant(database.db);
    const cookie = await signInCookie(app, admin.email, TEST_PASSWORD);
    const ids: Record<string, string> = {};
    for (const name of [
      'never-asked',
      'withdrew',
      'granted',
      'withdrew-then-granted',
      'granted-then-withdrew',
    ]) {
      const created = await app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: { cookie },
        payload: { kind: 'consumer', name },
      });
      ids[name] = created.json<{ id: string }>().id;
    }
    const consent = async (name: string, status: string, at: string) => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/consents/${ids[name]}/marketing`,
        headers: { cookie },
        payload: { status, source: 'call', at },
      });
      expect(response.statusCode).toBe(200);
    };
    await consent('withdrew', 'withdrawn', '2026-01-01T00:00:00Z');
    await consent('granted', 'granted', '2026-01-01T00:00:00Z');
    await consent('withdrew-then-granted', 'withdrawn', '2026-01-01T00:00:00Z');
    await consent('withdrew-then-granted', 'granted', '2026-02-01T00:00:00Z');
    await consent('granted-then-withdrew', 'granted', '2026-01-01T00:00:00Z');
    await consent('granted-then-withdrew', 'withdrawn', '2026-02-01T00:00:00Z');

    const names = (body: string) =>
      body
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[2])
        .sort();
    const marketing = await app.inject({
      url: '/api/customers/export.csv?encoding=utf-8&purpose=marketing',
      headers: { cookie },
    });
    expect(marketing.statusCode).toBe(200);
    expect(marketing.headers['kehu-consent-purpose']).toBe('marketing');
    expect(names(marketing.body)).toEqual(['granted', 'never-asked', 'withdrew-then-granted']);
    expect(marketing.trailers['kehu-consent-left-out']).toBe('2');

    // Without a purpose, or for a purpose nobody withdrew, everyone is exported.
    const plain = await app.inject({ url: '/api/customers/export.csv?encoding=utf-8', headers: { cookie } });
    expect(names(plain.body)).toHaveLength(5);
    expect(plain.trailers['kehu-consent-left-out']).toBeUndefined();
    const analytics = await app.inject({
      url: '/api/customers/export.csv?encoding=utf-8&purpose=analytics',
      headers: { cookie },
    });
    expect(names(analytics.body)).toHaveLength(5);
    expect(analytics.trailers['kehu-consent-left-out']).toBe('0');

    const bad = await app.inject({ url: '/api/customers/export.csv?purpose=sales', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [expect.objectContaining({ path: 'purpose' })] });
  });
});
