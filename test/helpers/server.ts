/**
 * The whole app on a fresh test database: `startTestServer` listens on a real port (browser tests),
 * `createTestApp` is for `inject` (route tests).
 */
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app/app.js';
import { seedDemo } from '../../src/app/demo.js';
import { systemClock, type Clock } from '../../src/platform/clock.js';
import type { Database } from '../../src/platform/db/database.js';
import type { HttpApp } from '../../src/platform/http/server.js';
import { createTestDatabase } from './db.js';

/** An app for `inject` on a fresh database. */
export async function createTestApp(
  options: { clock?: Clock; trustProxy?: boolean } = {},
): Promise<{ app: HttpApp; database: Database; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const app = await buildApp({
    db: database.db,
    clock: options.clock ?? systemClock,
    // Quiet by default; KEHU_TEST_LOG_LEVEL=error prints the cause of every 500 while debugging.
    logLevel: process.env.KEHU_TEST_LOG_LEVEL ?? false,
    serveWeb: false,
    trustProxy: options.trustProxy,
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * One app on a fresh database for a whole test file: registers its `beforeAll`/`afterAll` and gives
 * `app` and `database` to the tests.
 */
export function useTestApp(): { readonly app: HttpApp; readonly database: Database } {
  let current: Awaited<ReturnType<typeof createTestApp>> | undefined;
  beforeAll(async () => {
    current = await createTestApp();
  });
  afterAll(async () => current?.close());
  const started = () => {
    if (!current) throw new Error('useTestApp: the app starts in beforeAll; use it inside tests');
    return current;
  };
  return {
    get app() {
      return started().app;
    },
    get database() {
      return started().database;
    },
  };
}

/** A listening server with the built web app on a fresh database, the demo tenant seeded when `demo`. */
export async function startTestServer(
  options: { demo?: boolean } = {},
): Promise<{ url: string; database: Database; close(): Promise<void> }> {
  const database = await createTestDatabase();
  if (options.demo) await seedDemo(database.db, systemClock);
  const app = await buildApp({ db: database.db, clock: systemClock, logLevel: false, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Signs in through the API and returns the Cookie header to send with later requests. */
export async function signInCookie(app: HttpApp, email: string, password: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kehu_session');
  if (!cookie) throw new Error('no session cookie');
  return `kehu_session=${cookie.value}`;
}
