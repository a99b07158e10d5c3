/**
 * Databases on the PostgreSQL server of the `postgres` test project: a plain server
 * (`KEHU_TEST_DATABASE_URL`, databases cloned from the run's migrated template) or, in the Citus mode
 * of the suite, a Citus cluster (`KEHU_TEST_CITUS`, the coordinator's URL, with
 * `KEHU_TEST_CITUS_WORKERS`, the workers' `host:port` list as the coordinator reaches them). Citus
 * keeps a connection open in every database that has its extension, so a template cannot be cloned
 * there: each database is created on every node, the workers registered (scripts/citus-cluster.ts,
 * shared with the bench), and the caller migrates it, which distributes the tables (CONTRIBUTING.md, "The Citus mode of the suite"). Making and migrating
 * one costs seconds, so a file's database is emptied afterwards and handed to the next file
 * (`claimPooledDatabase`, `returnToPool`), unless the file changed its schema.
 */
import {
  citusNodeUrls,
  createCitusDatabase,
  onServer,
  parseCitusWorkers,
  type CitusCluster,
} from '../../scripts/citus-cluster.js';
import { withDatabaseName } from './engine.js';

/** The cluster of the Citus mode, or undefined on a plain server. */
export function citusCluster(): CitusCluster | undefined {
  const coordinator = process.env.KEHU_TEST_CITUS;
  if (!coordinator) return undefined;
  return { coordinator, workers: parseCitusWorkers(process.env.KEHU_TEST_CITUS_WORKERS) };
}

/** The URL of the server the `postgres` project runs on (the coordinator in the Citus mode). */
export function serverUrl(): string {
  const url = process.env.KEHU_TEST_CITUS ?? process.env.KEHU_TEST_DATABASE_URL;
  if (!url) throw new Error('the postgres project needs KEHU_TEST_DATABASE_URL or KEHU_TEST_CITUS');
  return url;
}

/**
 * Creates database `name` and answers its URL: on a plain server a clone of `template` when one is
 * given (else empty); on Citus an empty database on every node with the workers registered, to be
 * migrated by the caller.
 */
export async function createServerDatabase(name: string, template?: string): Promise<string> {
  const cluster = citusCluster();
  const url = withDatabaseName(serverUrl(), name);
  if (!cluster) {
    await onServer(serverUrl(), (admin) =>
      admin.query(`create database ${name}${template ? ` template ${template}` : ''}`),
    );
    return url;
  }
  return createCitusDatabase(cluster, name);
}

/** Drops database `name` (on every node in the Citus mode); a missing one is fine. */
export async function dropServerDatabase(name: string): Promise<void> {
  for (const node of serverNodes())
    await onServer(node, (admin) => admin.query(`drop database if exists ${name} with (force)`));
}

/** Drops every database whose name starts with `prefix`, on every node. */
export async function dropServerDatabases(prefix: string): Promise<void> {
  for (const node of serverNodes())
    await onServer(node, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(
        'select datname from pg_database where starts_with(datname, $1)',
        [prefix],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    });
}

function serverNodes(): string[] {
  const cluster = citusCluster();
  return cluster ? citusNodeUrls(cluster) : [serverUrl()];
}

/** The pool's register, a table in the coordinator's maintenance database (the KEHU_TEST_CITUS one). */
const POOL = 'kehu_test_pool';

/** Makes the run's pool register (global setup, Citus mode). */
export async function preparePool(): Promise<void> {
  await onServer(serverUrl(), (admin) =>
    admin.query(
      `create table if not exists ${POOL} (name text primary key, free boolean not null, shape text not null)`,
    ),
  );
}

/** Takes a free pooled database whose name starts with `prefix`, or undefined when none is free. */
export async function claimPooledDatabase(prefix: string): Promise<string | undefined> {
  const { rows } = await onServer(serverUrl(), (admin) =>
    admin.query<{ name: string }>(
      `update ${POOL} set free = false where name = (
         select name from ${POOL} where free and starts_with(name, $1) limit 1 for update skip locked)
       returning name`,
      [prefix],
    ),
  );
  return rows[0]?.name;
}

/** The shape of a database's schema: its tables, functions and triggers (partitions left out). */
async function schemaShape(url: string): Promise<string> {
  const { rows } = await onServer(url, (db) =>
    db.query<{ shape: string }>(`
      select concat_ws('|',
        (select string_agg(c.relname || ':' || c.relkind::text, ',' order by c.relname) from pg_class c
           join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition),
        (select string_agg(p.proname, ',' order by p.proname) from pg_proc p
           join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'),
        (select count(*)::text from pg_trigger t join pg_class c on c.oid = t.tgrelid
           join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal)
      ) as shape`),
  );
  return rows[0]!.shape;
}

/** Registers a freshly migrated database as in use, remembering the shape of its schema. */
export async function addToPool(name: string, url: string): Promise<void> {
  const shape = await schemaShape(url);
  await onServer(serverUrl(), (admin) =>
    admin.query(`insert into ${POOL} (name, free, shape) values ($1, false, $2)`, [name, shape]),
  );
}

/**
 * Empties a pooled database and frees it for the next file; a database whose schema the file changed
 * is dropped instead.
 */
export async function returnToPool(name: string, url: string): Promise<void> {
  const { rows } = await onServer(serverUrl(), (admin) =>
    admin.query<{ shape: string }>(`select shape from ${POOL} where name = $1`, [name]),
  );
  if (!rows[0] || rows[0].shape !== (await schemaShape(url))) {
    await onServer(serverUrl(), (admin) => admin.query(`delete from ${POOL} where name = $1`, [name]));
    await dropServerDatabase(name);
    return;
  }
  await onServer(url, async (db) => {
    // A fresh database has no monthly partitions of events; the next file expects none.
    const { rows: partitions } = await db.query<{ name: string }>(`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'events'::regclass`);
    for (const { name } of partitions) await db.query(`drop table ${name}`);
    const { rows: tables } = await db.query<{ list: string }>(`
      select string_agg(format('%I', c.relname), ', ') as list from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`);
    await db.query(`truncate ${tables[0]!.list} restart identity cascade`);
  });
  await onServer(serverUrl(), (admin) =>
    admin.query(`update ${POOL} set free = true where name = $1`, [name]),
  );
}

/** Forgets the run's pooled databases (global teardown; the databases themselves are dropped). */
export async function clearPool(prefix: string): Promise<void> {
  await onServer(serverUrl(), (admin) =>
    admin.query(`delete from ${POOL} where starts_with(name, $1)`, [prefix]),
  );
}
