/**
 * Browser security headers on every answer, and the session cookie marked `Secure` when the request
 * came over HTTPS (directly, or through a proxy the server is told to trust).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, TEST_PASSWORD } from './helpers/factories.js';
import { createTestApp } from './helpers/server.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let direct: TestApp;
let proxied: TestApp;
let directEmail = '';
let proxiedEmail = '';

beforeAll(async () => {
  direct = await createTestApp();
  proxied = await createTestApp({ trustProxy: true });
  directEmail = (await makeTenant(direct.database.db)).admin.email;
  proxiedEmail = (await makeTenant(proxied.database.db)).admin.email;
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
});

describe('browser security headers', () => {
  it('sends a Content-Security-Policy that forbids framing, and the other headers', async () => {
    for (const url of ['/healthz', '/api/me', '/docs/static/index.html', '/nothing-here']) {
      const response = await direct.app.inject({ method: 'GET', url });
      const csp = response.headers['content-security-policy'];
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });
});

describe('Secure cookies', () => {
  async function signIn(app: TestApp, email: string, headers: Record<string, string> = {}) {
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers,
      payload: { email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    return String(response.headers['set-cookie']);
  }

  it('marks the session cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    expect(await signIn(proxied, proxiedEmail, { 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
    expect(await signIn(proxied, proxiedEmail, { 'x-forwarded-proto': 'http' })).not.toMatch(/;\s*Secure/i);
  });

  it('ignores X-Forwarded-Proto from a proxy it was not told to trust', async () => {
    expect(await signIn(direct, directEmail, { 'x-forwarded-proto': 'https' })).not.toMatch(/;\s*Secure/i);
  });
});
