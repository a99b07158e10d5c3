/**
 * Databases on a Citus cluster, shared by the Citus mode of the test suite
 * (test/helpers/server-database.ts) and the `citus` engine of `npm run bench` (bench/harness.ts), so
 * both make a cluster database the same way. Citus keeps a connection open in every database that has
 * its extension, so a template cannot be cloned there: a database is created on every node with the
 * extension in each, the coordinator is told its own address and registers the workers, and the
 * caller migrates it, which distributes the tables (src/platform/db/migrate.ts).
 */
import pg from 'pg';

/** A worker as the coordinator reaches it. */
export type CitusWorker = { host: string; port: number };

/** A cluster: the coordinator's URL (its maintenance database) and its workers. */
export type CitusCluster = { coordinator: string; workers: CitusWorker[] };

/** Workers from a `host:port,host:port` list (a missing port is 5432; blanks are skipped). */
export function parseCitusWorkers(list: string | undefined): CitusWorker[] {
  return (list ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => {
      const [host, port] = w.split(':');
      return { host: host!, port: Number(port ?? 5432) };
    });
}

/** `url` with another database name. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A worker's URL: the coordinator's user and password with the worker's host and port. */
function workerUrl(coordinator: string, worker: CitusWorker): string {
  const url = new URL(coordinator);
  url.hostname = worker.host;
  url.port = String(worker.port);
  return url.toString();
}

/** The maintenance URLs of every node, coordinator first. */
export function citusNodeUrls(cluster: CitusCluster): string[] {
  return [cluster.coordinator, ...cluster.workers.map((w) => workerUrl(cluster.coordinator, w))];
}

/** Runs `work` on a new connection to `url` and closes it again. */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the empty database `name` on every node of the cluster, with the workers registered, and
 * answers its URL on the coordinator; the caller migrates it.
 */
export async function createCitusDatabase(cluster: CitusCluster, name: string): Promise<string> {
  for (const node of citusNodeUrls(cluster)) {
    await onServer(node, (admin) => admin.query(`create database ${name}`));
    await onServer(withDatabase(node, name), (db) => db.query('create extension if not exists citus'));
  }
  const url = withDatabase(cluster.coordinator, name);
  const coordinator = new URL(cluster.coordinator);
  await onServer(url, async (db) => {
    await db.query('select citus_set_coordinator_host($1, $2)', [
      coordinator.hostname,
      Number(coordinator.port || 5432),
    ]);
    for (const worker of cluster.workers)
      await db.query('select citus_add_node($1, $2)', [worker.host, worker.port]);
  });
  return url;
}

/** Drops database `name` on every node of the cluster; a missing one is fine. */
export async function dropCitusDatabase(cluster: CitusCluster, name: string): Promise<void> {
  for (const node of citusNodeUrls(cluster))
    await onServer(node, (admin) => admin.query(`drop database if exists ${name} with (force)`));
}
