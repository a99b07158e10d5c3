/**
 * Write-key revocation across real server processes (issue 14, finding 4): a `kehu serve` child
 * process keeps accepting a write key only until it learns, within about a second, that another
 * process rotated it. Runs on a PostgreSQL server only (two processes need a shared database).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { systemClock } from '../src/platform/clock.js';
import type { Database } from '../src/platform/db/database.js';
import type { HttpApp } from '../src/platform/http/server.js';
import { createTestDatabase } from './helpers/db.js';
import { testEngine } from './helpers/engine.js';
import { makeApiKey, makeTenant } from './helpers/factories.js';
import { cliEntry } from './helpers/cli.js';

const root = path.resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(testEngine() !== 'postgres')('write keys over two server processes', () => {
  let database: Database;
  let app: HttpApp;
  let child: ReturnType<typeof spawn> | undefined;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const output = { text: '' };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ db: database.db, clock: systemClock, logLevel: false, serveWeb: false });
    await app.ready();
    const url = (database as Database & { url: string }).url;
    child = spawn(process.execPath, [...cliEntry(), 'serve', '--no-demo', '--port', String(port)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output.text += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output.text += d.toString()));
    for (let waited = 0; !output.text.includes('Kehu is ready'); waited += 200) {
      if (waited > 90_000 || child.exitCode !== null)
        throw new Error(`the server did not start: ${output.text}`);
      await sleep(200);
    }
  }, 120_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('close', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await app?.close();
    await database?.close();
  });

  /** Sends one track call to the child server; answers the status. */
  async function sendToChild(writeKey: string): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${port}/v1/track`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ userId: 'u-1', event: 'Viewed' }),
    });
    return response.status;
  }

  it('stops a key rotated in this process in the child within about a second', async () => {
    const { tenant } = await makeTenant(database.db);
    const apiKey = await makeApiKey(database.db, tenant.id, 'marketer');
    const call = (method: 'POST', url: string, payload?: object) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${apiKey}` }, payload });
    const source = (await call('POST', '/api/sources', { name: 'Web', kind: 'web' })).json<{
      id: string;
      writeKey: string;
    }>();
    expect(await sendToChild(source.writeKey)).toBe(200);
    const rotated = (await call('POST', `/api/sources/${source.id}/write-key`)).json<{ writeKey: string }>();
    await sleep(1500);
    expect(await sendToChild(source.writeKey)).toBe(401);
    expect(await sendToChild(rotated.writeKey)).toBe(200);
  });
});
