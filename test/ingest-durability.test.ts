/**
 * Durability of `/v1/batch` under kill -9: `kehu serve` runs as a child process, several clients send
 * batches with fixed message ids, the server is SIGKILLed mid-load and started again on the same
 * database, and every batch is sent again (as a retrying client would). Every batch that got a 200
 * before the kill must be stored, and no message id may be stored twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive, lockPath } from '../src/platform/db/lock.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { cliEntry, migratedDataDir, runCli } from './helpers/cli.js';
import { createTestDatabase } from './helpers/db.js';
import { testEngine } from './helpers/engine.js';

const root = path.resolve(import.meta.dirname, '..');
const CLIENTS = 4;
const BATCHES_PER_CLIENT = 40;
const EVENTS_PER_BATCH = 50;
const TOTAL_EVENTS = CLIENTS * BATCHES_PER_CLIENT * EVENTS_PER_BATCH;

let env: NodeJS.ProcessEnv;
let dataDir: string | undefined;
let open: () => Promise<Database>;
let cleanup: () => Promise<void>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (testEngine() === 'postgres') {
    const database = await createTestDatabase();
    await database.pool.end();
    env = { DATABASE_URL: database.url };
    open = () => openDatabase({ databaseUrl: database.url });
    cleanup = () => database.close().catch(() => undefined);
  } else {
    const dir = await migratedDataDir('kehu-durable-');
    dataDir = dir;
    env = { KEHU_DATA_DIR: dir, DATABASE_URL: '' };
    open = () => openDatabase({ dataDir: dir });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
});

afterAll(async () => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
  await cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

type Server = { url: string; child: ChildProcess; exited: Promise<void>; output: () => string };

/** Starts `kehu serve` from source and waits until it is ready. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...cliEntry(), 'serve', '--no-demo', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a round can kill it together with the embedded database host.
    detached: true,
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kehu serve exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`kehu serve did not get ready:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child, exited, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const messageId = (client: number, batch: number, event: number): string =>
  `dura-c${client}-b${batch}-e${event}`;

function batchBody(client: number, batch: number): string {
  const sentAt = new Date().toISOString();
  return JSON.stringify({
    sentAt,
    batch: Array.from({ length: EVENTS_PER_BATCH }, (_, event) => ({
      type: 'track',
      event: 'Load Tested',
      messageId: messageId(client, batch, event),
      anonymousId: `anon-${client}-${event % 7}`,
      timestamp: sentAt,
      properties: { client, batch, event },
    })),
  });
}

/** Sends one batch; true when it was acknowledged with 200. */
async function send(url: string, writeKey: string, client: number, batch: number): Promise<boolean> {
  const response = await fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
    },
    body: batchBody(client, batch),
  });
  await response.arrayBuffer();
  if (response.status !== 200 && response.status < 500 && response.status !== 429) {
    throw new Error(`batch ${client}/${batch}: unexpected ${response.status}`);
  }
  return response.status === 200;
}

async function countStored(): Promise<{ stored: number; distinct: number; duplicated: number }> {
  const database = await open();
  try {
    // Two plain statements rather than a subquery in the select list: on Citus, events spans shards.
    const result = await database.db.execute<{ stored: string; distinct: string }>(sql`
      select count(*) as stored, count(distinct message_id) as distinct
      from events where message_id like 'dura-%'`);
    const twice = await database.db.execute<{ source_id: string }>(sql`
      select source_id from events where message_id like 'dura-%'
      group by source_id, message_id having count(*) > 1`);
    const row = result.rows[0]!;
    return { stored: Number(row.stored), distinct: Number(row.distinct), duplicated: twice.rows.length };
  } finally {
    await database.close();
  }
}

async function storedIds(): Promise<Set<string>> {
  const database = await open();
  try {
    const result = await database.db.execute<{ message_id: string }>(
      sql`select message_id from events where message_id like 'dura-%'`,
    );
    return new Set(result.rows.map((r) => r.message_id));
  } finally {
    await database.close();
  }
}

async function diesWithin(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isProcessAlive(pid);
}

/** Whom a round kills: `kehu serve` alone, or its whole process group (with the embedded host). */
type Victim = 'server' | 'group';

/** The batches acknowledged so far, as `client/batch`. */
const acknowledged = new Set<string>();

function lockHolderPid(): number | undefined {
  if (!dataDir) return undefined;
  try {
    return (JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

/**
 * Clients resume at their first unacknowledged batch and send until `killAfter` more batches were
 * acknowledged, then the victim gets SIGKILL with requests in flight.
 */
async function loadAndKill(
  server: Server,
  writeKey: string,
  killAfter: number,
  victim: Victim,
): Promise<number> {
  let acked = 0;
  let killed = false;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let batch = 0; batch < BATCHES_PER_CLIENT && !killed; batch++) {
        if (acknowledged.has(`${client}/${batch}`)) continue;
        const ok = await send(server.url, writeKey, client, batch).catch(() => false);
        if (ok && !killed) {
          acknowledged.add(`${client}/${batch}`);
          acked++;
        }
        if (acked >= killAfter && !killed) {
          killed = true;
          if (victim === 'group') process.kill(-server.child.pid!, 'SIGKILL');
          else server.child.kill('SIGKILL');
        }
      }
    }),
  );
  expect(killed, server.output()).toBe(true);
  await server.exited;
  return acked;
}

/** Every acknowledged batch is stored, nothing twice. */
async function expectAcknowledgedStored(): Promise<{ stored: number }> {
  const counts = await countStored();
  const ids = await storedIds();
  const lost = [...acknowledged].flatMap((key) => {
    const [client, batch] = key.split('/').map(Number) as [number, number];
    return Array.from({ length: EVENTS_PER_BATCH }, (_, e) => messageId(client, batch, e)).filter(
      (id) => !ids.has(id),
    );
  });
  expect(lost).toEqual([]);
  expect(counts.duplicated).toBe(0);
  return counts;
}

describe('ingest under kill -9', () => {
  it('loses no acknowledged event and stores no duplicate after restarts and client retries', async () => {
    const tenant = await runCli(['tenant', 'create', 'durable', '--name', 'Durable'], env);
    expect(tenant.code, tenant.stderr).toBe(0);
    const source = await runCli(
      ['source', 'create', '--tenant', 'durable', '--name', 'load', '--kind', 'server', '--rate', '100000'],
      env,
    );
    expect(source.code, source.stderr).toBe(0);
    const writeKey = source.stdout.trim();
    const killAfter = Math.floor((CLIENTS * BATCHES_PER_CLIENT) / 3);
    const report: string[] = [];

    let server = await startServer();
    for (const victim of ['server', 'group'] as const) {
      const hostPid = lockHolderPid();
      const acked = await loadAndKill(server, writeKey, killAfter, victim);
      if (dataDir && victim === 'group') {
        // The host died with its parent: its lockfile is left behind, naming a dead process.
        expect(await diesWithin(hostPid!, 5_000)).toBe(true);
        expect(lockHolderPid()).toBe(hostPid);
      }
      server = await startServer();
      if (dataDir) {
        // Round 1: the host saw its parent die and shut down (it releases the lock before it exits,
        // and an orphan is reaped a moment later); round 2: its stale lock was taken over.
        expect(await diesWithin(hostPid!, 5_000)).toBe(true);
        expect(lockHolderPid()).not.toBe(hostPid);
      }
      const { stored } = await expectAcknowledgedStored();
      report.push(
        `kill -9 of the ${victim === 'server' ? 'server process' : 'process group'}: ` +
          `${acked * EVENTS_PER_BATCH} events acknowledged in the round ` +
          `(${acknowledged.size * EVENTS_PER_BATCH} in all), ${stored} stored after restart, 0 lost`,
      );
    }

    // Every client sends every batch again, acknowledged or not.
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let batch = 0; batch < BATCHES_PER_CLIENT; batch++) {
          let ok = await send(server.url, writeKey, client, batch);
          for (let attempt = 0; !ok && attempt < 5; attempt++) {
            await new Promise((resolve) => setTimeout(resolve, 1000));
            ok = await send(server.url, writeKey, client, batch);
          }
          expect(ok, `batch ${client}/${batch}`).toBe(true);
        }
      }),
    );
    const final = await countStored();
    expect(final).toEqual({ stored: TOTAL_EVENTS, distinct: TOTAL_EVENTS, duplicated: 0 });
    report.push(
      `after every batch was re-sent: ${final.stored}/${TOTAL_EVENTS} stored, duplicates: ${final.duplicated}`,
    );
    console.log(`[ingest-durability ${testEngine()}]\n  ${report.join('\n  ')}`);

    server.child.kill('SIGTERM');
    await server.exited;
  }, 300_000);
});
