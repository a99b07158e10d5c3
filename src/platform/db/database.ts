/**
 * One way to reach the database in every mode: a `pg` pool, either to a PostgreSQL server
 * (`DATABASE_URL`) or to the embedded PGlite host's Unix socket. Everything above uses drizzle on it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { packageRoot, runningFromSource } from '../paths.js';
import { findServingHolder } from './holder.js';
import { DataDirLockedError, readLiveLock } from './lock.js';
import { SOCKET_PORT, type HostCommand, type HostMessage } from './host-protocol.js';

/** A drizzle handle or an open transaction: what repositories run their queries on. */
export type Db = PgDatabase<NodePgQueryResultHKT>;

/** An open database: drizzle on top, the pg pool below, and how to close both. */
export type Database = {
  db: NodePgDatabase;
  pool: pg.Pool;
  engine: 'pglite' | 'postgres';
  /** The embedded host process, when this Database started one. */
  host: EmbeddedHost | undefined;
  close(): Promise<void>;
};

/** Where to find the database. */
export type DatabaseOptions = {
  /** A PostgreSQL server; when set, the embedded options are ignored. */
  databaseUrl?: string;
  /** The embedded data directory (persistent). */
  dataDir?: string;
  /** Embedded, in memory: where to put the socket. Used by tests. */
  socketDir?: string;
  /** Embedded: a `dumpDataDir` tarball to start from. Used by tests. */
  loadFrom?: string;
  /**
   * Embedded: when another process holds the data directory, `exclusive` refuses (DataDirLockedError);
   * otherwise this process connects to that holder's socket and shares it.
   */
  exclusive?: boolean;
  /** Shown in the lockfile, e.g. `kehu serve`. */
  command?: string;
  /** Connections to a PostgreSQL server (default 10). The embedded engine always gets one; see socketPool. */
  poolSize?: number;
};

/** Opens the database described by `options`; see DatabaseOptions. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    return wrap(pool, 'postgres', undefined);
  }
  if (options.dataDir && !options.exclusive) {
    // Share a serving holder; wait out one that is starting or leaving (docs/operations.md, Recovery).
    // When another opener took the directory between our look and our host's start, share that one.
    for (let attempt = 0; ; attempt++) {
      const holder = await findServingHolder(options.dataDir);
      if (holder?.socketDir) return wrap(socketPool(holder.socketDir), 'pglite', undefined);
      const host = await startEmbeddedHost(options).catch((error: unknown) => {
        if (error instanceof DataDirLockedError && attempt === 0) return undefined;
        throw error;
      });
      if (host) return wrap(socketPool(host.socketDir), 'pglite', host);
    }
  }
  const host = await startEmbeddedHost(options);
  return wrap(socketPool(host.socketDir), 'pglite', host);
}

/**
 * One connection to the embedded host. The socket server queues protocol messages one by one, not
 * whole Parse/Bind/Execute/Sync groups: while one connection is in a transaction, another's half-sent
 * extended query waits and then binds to the wrong unnamed statement ("bind message supplies 3
 * parameters, but prepared statement requires 8"). There is only one database session anyway, so a
 * single connection costs concurrency nothing that the engine had, and it makes that impossible.
 */
function socketPool(socketDir: string): pg.Pool {
  return new pg.Pool({
    host: socketDir,
    port: SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
    max: 1,
  });
}

function wrap(pool: pg.Pool, engine: Database['engine'], host: EmbeddedHost | undefined): Database {
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return {
    db: drizzle(pool),
    pool,
    engine,
    host,
    close: async () => {
      await pool.end();
      await host?.stop();
    },
  };
}

/** A running PGlite host child process. */
export type EmbeddedHost = {
  socketDir: string;
  process: ChildProcess;
  /** Writes the whole database to a tarball (used to make test templates). */
  dump(file: string): Promise<void>;
  stop(): Promise<void>;
};

const hostEntry = (): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.join(here, runningFromSource ? 'pglite-host.ts' : 'pglite-host.js');
};

/** What an opener says when the engine cannot open (or recover) the data directory. */
function unopenable(dataDir: string | undefined, cause: string): Error {
  if (!dataDir) return new Error(`embedded database failed: ${cause}`);
  return new Error(
    `The embedded database in ${dataDir} could not be opened (${cause}). If Kehu was stopped ` +
      `uncleanly (a power cut, kill -9), the engine's own recovery could not repair its files: move the ` +
      `directory aside, then restore the latest backup into an empty one with \`kehu db restore <file>\` ` +
      `(docs/operations.md).`,
  );
}

/** Starts a PGlite host and waits until its socket accepts connections. */
export async function startEmbeddedHost(options: DatabaseOptions): Promise<EmbeddedHost> {
  if (!options.socketDir && !options.dataDir)
    throw new Error('openDatabase needs databaseUrl, dataDir or socketDir');
  const child = fork(hostEntry(), [], {
    execArgv: runningFromSource
      ? ['--import', pathToFileURL(path.join(packageRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href]
      : [],
    env: {
      ...process.env,
      KEHU_HOST_DATA_DIR: options.dataDir ?? '',
      KEHU_HOST_SOCKET_DIR: options.socketDir ?? '',
      KEHU_HOST_LOAD_FROM: options.loadFrom ?? '',
      KEHU_HOST_OWNER_PID: String(process.pid),
      KEHU_HOST_COMMAND: options.command ?? 'kehu',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const socketDir = await new Promise<string>((resolve, reject) => {
    const onMessage = (message: HostMessage): void => {
      if (message.type === 'ready') resolve(message.socketDir);
      else if (message.type === 'locked') {
        const holder = options.dataDir ? readLiveLock(options.dataDir) : undefined;
        reject(
          holder && options.dataDir
            ? new DataDirLockedError(options.dataDir, holder)
            : new Error(message.message),
        );
      } else if (message.type === 'failed') reject(unopenable(options.dataDir, message.message));
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(unopenable(options.dataDir, `its host exited with code ${code}`)));
    child.once('error', reject);
  });
  child.removeAllListeners('message');
  return {
    socketDir,
    process: child,
    dump: (file) =>
      new Promise<void>((resolve) => {
        const onMessage = (message: HostMessage): void => {
          if (message.type === 'dumped' && message.file === file) {
            child.off('message', onMessage);
            resolve();
          }
        };
        child.on('message', onMessage);
        child.send({ type: 'dump', file } satisfies HostCommand);
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // The host may be exiting already (Ctrl-C reaches the whole process group): then the channel
        // is closed and there is nothing left to tell it.
        child.send({ type: 'stop' } satisfies HostCommand, () => undefined);
        await exited;
      }
    },
  };
}
