import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from './db.js';
import { testEngine } from './engine.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs the `kehu` CLI from source with extra environment and collects its exit code and output. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
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
 * a fresh PostgreSQL database (`DATABASE_URL`) or an empty embedded data directory (`KEHU_DATA_DIR`).
 * Registers its `beforeAll`/`afterAll`; pass `env` to `runCli`.
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
      const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
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
