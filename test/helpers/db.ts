/**
 * A fresh, migrated database per test file on the engine of the current project, cloned from the
 * run's template (see test/global-setup.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { testEngine, withDatabaseName } from './engine.js';

let counter = 0;

/** Opens a new database with every migration applied; close it when done. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const template = inject('kehuTemplate');
  if (testEngine() === 'postgres') {
    const url = process.env.KEHU_TEST_DATABASE_URL!;
    const name = `${template}_${process.pid}_${counter++}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
    return {
      ...database,
      url: withDatabaseName(url, name),
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-t-'));
  const database = await openDatabase({ socketDir: dir, loadFrom: template });
  return {
    ...database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
