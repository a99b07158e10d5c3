/**
 * kill -9 of `kehu serve` on the embedded engine, then each kind of opener first: a CLI command with
 * no server running (the stale lock of a killed process group), `kehu serve` while the killed
 * server's host is still leaving, and a CLI command beside a running server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEntry, runCli } from './helpers/cli.js';
import { testEngine } from './helpers/engine.js';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kehu-crash-'));
const env = { KEHU_DATA_DIR: dataDir, DATABASE_URL: '', KEHU_BACKUP_KEEP: '0' };
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
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

type Server = { child: ChildProcess; exited: Promise<void> };

/** Starts `kehu serve` from source in its own process group and waits (bounded) until it is ready. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...cliEntry(), 'serve', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const deadline = Date.now() + 180_000; ;) {
    if (child.exitCode !== null) throw new Error(`kehu serve exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`kehu serve did not get ready:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, exited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function kill(server: Server, victim: 'server' | 'group'): Promise<void> {
  if (victim === 'group') process.kill(-server.child.pid!, 'SIGKILL');
  else server.child.kill('SIGKILL');
  await server.exited;
}

const createKey = () => runCli(['apikey', 'create', '--tenant', 'demo', '--role', 'admin'], env);

describe.skipIf(testEngine() !== 'pglite')('the first opener after kill -9 of the server', () => {
  it('is a CLI command, then `kehu serve`, then a CLI command beside it: each does its work', async () => {
    await kill(await startServer(), 'group');
    const afterGroupKill = await createKey();
    expect(afterGroupKill.stderr).toBe('');
    expect(afterGroupKill.code).toBe(0);
    expect(afterGroupKill.stdout).toMatch(/^kehu_/);

    // The server alone dies: its host sees that and closes the directory while `serve` starts again.
    await kill(await startServer(), 'server');
    const server = await startServer();
    const beside = await createKey();
    expect(beside.code, beside.stderr).toBe(0);
    expect(beside.stdout).toMatch(/^kehu_/);

    // The server alone dies again and a CLI command comes first.
    await kill(server, 'server');
    const afterServerKill = await createKey();
    expect(afterServerKill.code, afterServerKill.stderr).toBe(0);
    expect(afterServerKill.stdout).toMatch(/^kehu_/);
  }, 900_000);
});
