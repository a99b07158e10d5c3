/**
 * A fresh, migrated database per test file on the engine of the current project, cloned from the
 * run's template (see test/global-setup.ts); in the Citus mode, made on every node and migrated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';
import { testEngine } from './engine.js';
import { citusCluster, createServerDatabase, dropServerDatabase } from './server-database.js';

let counter = 0;

/** Opens a new database with every migration applied; close it when done. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const template = inject('kehuTemplate');
  if (testEngine() === 'postgres') {
    const name = `${template}_${process.pid}_${counter++}`;
    const citus = citusCluster() !== undefined;
    const url = await createServerDatabase(name, citus ? undefined : template);
    const database = await openDatabase({ databaseUrl: url });
    if (citus) await migrateDatabase(database.db);
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        await dropServerDatabase(name);
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
