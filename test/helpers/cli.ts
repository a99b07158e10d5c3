import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, inject } from 'vitest';
import { serverStaleReason } from '../../scripts/stale-builds.mjs';
import type { Clock } from '../../src/platform/clock.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { createTestDatabase } from './db.js';
import { testEngine } from './engine.js';

const root = path.resolve(import.meta.dirname, '../..');

let entry: string[] | undefined;

/**
 * How to start the CLI: the built one (what `npm start` runs; `npm test` builds it when stale), else
 * from source through tsx, which costs about three times the CPU per process.
 */
export function cliEntry(): string[] {
  entry ??= serverStaleReason()
    ? ['--import', 'tsx', path.join(root, 'src/cli/main.ts')]
    : [path.join(root, 'dist/src/cli/main.js')];
  return entry;
}

/** Runs the `kehu` CLI with extra environment and collects its exit code and output. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cliEntry(), ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A database of the test project's engine for CLI runs in child processes, for a whole test file:
 * a fresh PostgreSQL database (`DATABASE_URL`) or an embedded data directory (`KEHU_DATA_DIR`), both
 * migrated from the run's template. Registers its `beforeAll`/`afterAll`; pass `env` to `runCli`.
 */
export function useCliDatabase(prefix: string): { readonly env: NodeJS.ProcessEnv } {
  let env: NodeJS.ProcessEnv | undefined;
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    if (testEngine() === 'postgres') {
      const own = await createTestDatabase();
      await own.pool.end();
      env = { DATABASE_URL: own.url };
      cleanup = () => own.close().catch(() => undefined);
    } else {
      const dataDir = await migratedDataDir(prefix);
      env = { KEHU_DATA_DIR: dataDir, DATABASE_URL: '' };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(async () => cleanup());
  return {
    get env() {
      if (!env) throw new Error('useCliDatabase: the database is made in beforeAll; use it inside tests');
      return env;
    },
  };
}

/**
 * A new embedded data directory holding the run's migrated template, so the CLI's first command
 * does not migrate from nothing (test/cli.test.ts keeps a first run on an empty directory).
 */
export async function migratedDataDir(prefix: string): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const database = await openDatabase({ dataDir, loadFrom: inject('kehuTemplate'), exclusive: true });
  await database.close();
  return dataDir;
}

/** How a command group reaches the database, the clock and stdout (each `register…Commands` takes it). */
type CommandIo = {
  run<T>(work: (database: Database) => Promise<T>): Promise<T>;
  clock: Clock;
  stdout: NodeJS.WritableStream;
};

/**
 * One command group run in process against a fresh test database, for a whole test file: `kehu(args)`
 * parses like the real CLI and answers what it printed; `file(name, content)` writes an input file
 * into a temporary folder and answers its path. Registers its `beforeAll`/`afterAll`.
 */
export function useInProcessCli(
  prefix: string,
  register: (program: Command, io: CommandIo) => void,
  clock: Clock,
): {
  readonly database: Database;
  kehu(args: string[]): Promise<string>;
  file(name: string, content: string | Buffer): string;
} {
  let database: Database | undefined;
  let dir = '';
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get database() {
      return database!;
    },
    async kehu(args) {
      const chunks: Buffer[] = [];
      const stdout = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(Buffer.from(chunk));
          done();
        },
      });
      const program = new Command().exitOverride();
      register(program, { run: (work) => work(database!), clock, stdout });
      await program.parseAsync(args, { from: 'user' });
      return Buffer.concat(chunks).toString('utf8');
    },
    file(name, content) {
      const target = path.join(dir, name);
      writeFileSync(target, content);
      return target;
    },
  };
}
