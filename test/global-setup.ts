/**
 * Makes one migrated template database per test run, so each test file gets a fresh database
 * cheaply: PGlite from a `dumpDataDir` tarball, PostgreSQL by `CREATE DATABASE ... TEMPLATE`. In the
 * Citus mode there is no template (Citus cannot clone one): the name is only the prefix of the run's
 * databases, each made and migrated by test/helpers/db.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import {
  citusCluster,
  clearPool,
  createServerDatabase,
  dropServerDatabase,
  dropServerDatabases,
  preparePool,
} from './helpers/server-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kehuTemplate: string;
  }
}

/** Builds the template and hands its location to the test files. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Global setup runs in the main process, where the project's `env` is not applied: go by its name.
  if (project.name === 'postgres') return setupPostgres(project);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-tpl-'));
  const database = await openDatabase({ socketDir: dir });
  await migrateDatabase(database.db);
  const file = path.join(dir, 'template.tar');
  await database.host!.dump(file);
  await database.close();
  project.provide('kehuTemplate', file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject): Promise<() => Promise<void>> {
  const name = `kehu_tpl_${process.pid}_${Date.now().toString(36)}`;
  project.provide('kehuTemplate', name);
  if (citusCluster()) await preparePool();
  else {
    const database = await openDatabase({ databaseUrl: await createServerDatabase(name), poolSize: 1 });
    await migrateDatabase(database.db);
    await database.close();
  }
  return async () => {
    if (citusCluster()) await clearPool(`${name}_`);
    await dropServerDatabases(`${name}_`);
    await dropServerDatabase(name);
  };
}
