import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { makeTenant, TEST_PASSWORD } from './helpers/factories.js';
import { createTestApp, signInCookie, useTestApp } from './helpers/server.js';

const t = useTestApp();

describe('problem details', () => {
  it('answers 401 with a code when no credentials are sent', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/customers' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'auth.required' });
  });

  it('names every failing field of an invalid body', async () => {
    const { admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie },
      payload: { kind: 'robot', name: '', email: 'not-an-email' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; errors: { path: string }[] }>();
    expect(body.code).toBe('request.invalid');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['email', 'kind', 'name']);
  });

  it('reports kind-specific rules with their field path', async () => {
    const { admin } = await makeTenant(t.database.db);
    const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { cookie },
      payload: { kind: 'consumer', name: 'Li Lei', uscc: '91440300MA5FXXXX1Y' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors).toEqual([
      { path: 'uscc', in: 'body', pointer: '#/uscc', message: 'only business customers have this field' },
    ]);
  });

  it('answers malformed JSON and unknown routes as problems', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ status: 400, code: expect.stringMatching(/^request\./) });
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'route.not_found' });
  });
});

describe('malformed requests', () => {
  it('answers a request Node cannot parse with a problem body', async () => {
    const server = await createTestApp();
    try {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const address = server.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(
            Buffer.concat([
              Buffer.from('GET /api/customers?q='),
              Buffer.from('杭州'),
              Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
            ]),
          );
        });
        let data = '';
        socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1.1 400/);
      expect(raw).toContain('application/problem+json');
      expect(raw).toContain('"code":"request.malformed"');
    } finally {
      await server.close();
    }
  });
});
