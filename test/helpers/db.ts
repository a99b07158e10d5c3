/**
 * A fresh, migrated database per test file on the engine of the current project, cloned from the
 * run's template (see test/global-setup.ts); in the Citus mode, made on every node and migrated, or
 * taken from the run's pool of emptied ones (test/helpers/server-database.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';
import { testEngine, withDatabaseName } from './engine.js';
import {
  addToPool,
  citusCluster,
  claimPooledDatabase,
  createServerDatabase,
  dropServerDatabase,
  returnToPool,
  serverUrl,
} from './server-database.js';

let counter = 0;

/** Opens a new database with every migration applied; close it when done. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const template = inject('kehuTemplate');
  if (testEngine() === 'postgres') {
    if (citusCluster()) return pooledCitusDatabase(template);
    const name = `${template}_${process.pid}_${counter++}`;
    const url = await createServerDatabase(name, template);
    const database = await openDatabase({ databaseUrl: url });
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

/** A migrated database on the Citus cluster: a pooled one emptied by the file before, else a new one. */
async function pooledCitusDatabase(prefix: string): Promise<Database & { url: string }> {
  let name = await claimPooledDatabase(`${prefix}_`);
  let url: string;
  if (name) url = withDatabaseName(serverUrl(), name);
  else {
    name = `${prefix}_${process.pid}_${counter++}`;
    url = await createServerDatabase(name);
    const fresh = await openDatabase({ databaseUrl: url, poolSize: 1 });
    await migrateDatabase(fresh.db);
    await fresh.close();
    await addToPool(name, url);
  }
  const database = await openDatabase({ databaseUrl: url });
  const own = name;
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await returnToPool(own, url);
    },
  };
}
