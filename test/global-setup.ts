/**
 * Makes one migrated template database per test run, so each test file gets a fresh database
 * cheaply: PGlite from a `dumpDataDir` tarball, PostgreSQL by `CREATE DATABASE ... TEMPLATE`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { withDatabaseName } from './helpers/engine.js';

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
  const url = process.env.KEHU_TEST_DATABASE_URL!;
  const name = `kehu_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 1 });
  await migrateDatabase(database.db);
  await database.close();
  project.provide('kehuTemplate', name);
  return async () => {
    const rows = await admin.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1)`,
      [`${name}_`],
    );
    for (const row of rows.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
