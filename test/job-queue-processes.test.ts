import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/platform/db/database.js';
import { jobs } from '../src/platform/jobs/job.table.js';
import { createTestDatabase } from './helpers/db.js';
import { testEngine } from './helpers/engine.js';
import { cliEntry } from './helpers/cli.js';

const root = path.resolve(import.meta.dirname, '..');
const PERIODIC = [
  'crm.recall',
  'crm.customer_counts',
  'crm.win_model',
  'insights.retention',
  'insights.domain-touchpoints',
  'jobs.maintenance',
  'limits.maintenance',
  'access.audit_retention',
  'app.tenant_removal',
];

/** `kehu serve` from source in a child process on `databaseUrl`, with its output collected. */
function startServer(databaseUrl: string) {
  const child = spawn(process.execPath, [...cliEntry(), 'serve', '--no-demo', '--port', '0'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  child.stdout.on('data', (d: Buffer) => (output.text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output.text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output, exited };
}

/** Stops a server the way an operator does and waits for it to exit. */
async function stopServer(server: { child: ChildProcess; exited: Promise<number | null> }) {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

// Two servers need a database they can share: the embedded engine admits one server per data
// directory (its lock), so this runs on a PostgreSQL server only.
describe.skipIf(testEngine() !== 'postgres')('two server processes on one database', () => {
  let database: Database;
  let servers: ReturnType<typeof startServer>[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(servers.map(stopServer));
    await database?.close();
  });

  it('run each period of each periodic job once between them', { timeout: 180_000 }, async () => {
    const url = (database as Database & { url: string }).url;
    servers = [startServer(url), startServer(url)];
    for (const server of servers) {
      await expect
        .poll(() => server.output.text, { timeout: 90_000, interval: 200 })
        .toContain('Kehu is ready');
    }
    const bothUp = new Date();
    const rows = () => database.db.select().from(jobs).orderBy(asc(jobs.runAt));
    // Two more periods of the 5-second job after both servers were up, and a run of every other job.
    await expect
      .poll(
        async () => {
          const all = await rows();
          const done = (name: string) => all.filter((r) => r.name === name && r.status === 'succeeded');
          const later = done('insights.domain-touchpoints').filter((r) => r.runAt >= bothUp);
          return later.length >= 2 && PERIODIC.every((name) => done(name).length > 0);
        },
        { timeout: 90_000, interval: 250 },
      )
      .toBe(true);
    expect(await Promise.all(servers.map(stopServer))).toEqual([0, 0]);

    const all = await rows();
    expect([...new Set(all.map((r) => r.name))].sort()).toEqual([...PERIODIC].sort());
    for (const name of PERIODIC) {
      const ofJob = all.filter((r) => r.name === name);
      // One row per period, each run by exactly one claim, and no failures.
      expect(new Set(ofJob.map((r) => r.singletonKey)).size, name).toBe(ofJob.length);
      const finished = ofJob.filter((r) => r.status !== 'queued');
      expect(
        finished.every((r) => r.status === 'succeeded' && r.attempts === 1),
        name,
      ).toBe(true);
    }
    const pids = servers.map((server) => `/${server.child.pid}/`);
    const workers = new Set(all.map((r) => r.lockedBy).filter((w) => w !== null));
    expect([...workers].every((w) => pids.some((pid) => w.includes(pid)))).toBe(true);
    const [recall] = await database.db.select().from(jobs).where(eq(jobs.name, 'crm.recall'));
    expect(recall).toMatchObject({ status: 'succeeded', attempts: 1 });
  });
});
