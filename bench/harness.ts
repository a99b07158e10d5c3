/**
 * What every bench shares: the engines to run on, a fresh scratch database per bench, the shape of a
 * measurement, and how results are printed and saved. A bench is a file `bench/<name>.bench.ts` that
 * exports `measure` (see BenchModule); `bench/run.ts` finds and runs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import {
  createCitusDatabase,
  dropCitusDatabase,
  parseCitusWorkers,
  type CitusCluster,
} from '../scripts/citus-cluster.js';

/**
 * The engines a bench can run on: the embedded PGlite host, a PostgreSQL server, or a Citus cluster
 * (its coordinator, with the tables distributed by the migrations).
 */
export type EngineName = 'pglite' | 'postgres' | 'citus';

/** Every engine name, as `--engine` accepts them. */
export const engineNames: readonly EngineName[] = ['pglite', 'postgres', 'citus'];

/** True for the engines that are servers: many sessions at once, COPY FROM STDIN over the wire. */
export function isServerEngine(engine: EngineName): boolean {
  return engine !== 'pglite';
}

/** One number a bench measured, e.g. `{ metric: 'insert', value: 28000, unit: 'rows/s' }`. */
export type Measurement = {
  metric: string;
  value: number;
  unit: string;
  /** What exactly was measured, when the metric name alone does not say (sizes, repetitions). */
  note?: string;
};

/** A measurement with the bench and engine it came from, as printed and saved. */
export type BenchRecord = Measurement & { bench: string; engine: EngineName };

/**
 * A fresh, empty database for one bench; `drop` closes it and throws it away. `location` is where
 * it lives, as `kehu db backup` is told (absent for a scratch schema in a shared database).
 */
export type ScratchDatabase = Database & {
  drop(): Promise<void>;
  location?: { dataDir: string; databaseUrl?: string };
};

/** What a bench gets from the runner for one engine. */
export type BenchContext = {
  engine: EngineName;
  /** Opens a fresh, empty database on this engine (no migrations applied). */
  openScratchDatabase(options?: { poolSize?: number }): Promise<ScratchDatabase>;
  /**
   * A measurement taken earlier in this run on this engine, or else the last saved one, so a bench can
   * report a ratio, e.g. `findMeasurement('baseline', 'copy')` for "ingest vs raw COPY".
   */
  findMeasurement(bench: string, metric: string): Measurement | undefined;
  /** Prints a progress line under the bench's name. */
  log(message: string): void;
};

/** The exports of a `bench/<name>.bench.ts` file. */
export type BenchModule = {
  /** Runs the bench on one engine and returns what it measured. */
  measure(context: BenchContext): Promise<Measurement[]>;
  /** The engines this bench supports (default: all configured ones). */
  engines?: readonly EngineName[];
};

/** The folder of this file: where bench files live. */
export const benchDir: string = path.dirname(fileURLToPath(import.meta.url));

/** Where result JSON files are written (git-ignored except `.gitkeep`). */
export const resultsDir: string = path.join(benchDir, 'results');

/** The PostgreSQL server to bench against, if one is configured. */
export function findServerUrl(): string | undefined {
  return process.env.KEHU_BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * The Citus cluster to bench against, if one is configured: `KEHU_BENCH_CITUS` is the coordinator's
 * URL, `KEHU_BENCH_CITUS_WORKERS` the workers' `host:port` list as the coordinator reaches them.
 */
export function findCitusCluster(): CitusCluster | undefined {
  const coordinator = process.env.KEHU_BENCH_CITUS;
  if (!coordinator) return undefined;
  const workers = parseCitusWorkers(process.env.KEHU_BENCH_CITUS_WORKERS);
  // Without workers the coordinator would have to hold the shards itself, a shape nobody runs.
  if (workers.length === 0)
    throw new Error('KEHU_BENCH_CITUS needs KEHU_BENCH_CITUS_WORKERS (host:port,...)');
  return { coordinator, workers };
}

const scratchDirs = new Set<string>();
// A bench that crashes still must not leave gigabytes of data directories in the temp folder.
process.on('exit', () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** Opens a fresh embedded database in a new temporary data directory, through the product's own path. */
export async function openScratchPglite(poolSize?: number): Promise<ScratchDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kehu-bench-'));
  scratchDirs.add(dataDir);
  const database = await openDatabase({ dataDir, exclusive: true, command: 'kehu bench', poolSize });
  return {
    ...database,
    location: { dataDir },
    drop: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      scratchDirs.delete(dataDir);
    },
  };
}

/**
 * Creates a scratch database on the server (or, without CREATE DATABASE rights, a scratch schema in
 * the given database) and opens it; `drop` removes it again.
 */
export async function openScratchPostgres(serverUrl: string, poolSize?: number): Promise<ScratchDatabase> {
  const name = `kehu_bench_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
    return {
      ...database,
      location: { dataDir: '', databaseUrl: url.toString() },
      drop: () => dropScratch(database, serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
  } finally {
    await admin.end();
  }
  const schemaAdmin = new pg.Client({ connectionString: serverUrl });
  await schemaAdmin.connect();
  await schemaAdmin.query(`CREATE SCHEMA ${name}`).finally(() => schemaAdmin.end());
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
  return {
    ...database,
    drop: () => dropScratch(database, serverUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
}

/**
 * Creates a scratch database on every node of the cluster, with the workers registered, and opens it
 * on the coordinator; migrating it distributes the tables. `drop` removes it from every node.
 */
export async function openScratchCitus(cluster: CitusCluster, poolSize?: number): Promise<ScratchDatabase> {
  const name = `kehu_bench_${Date.now().toString(36)}_${process.pid}`;
  let url: string;
  try {
    url = await createCitusDatabase(cluster, name);
  } catch (error) {
    // A half-made database (created on some nodes only) must not stay behind.
    await dropCitusDatabase(cluster, name).catch(() => undefined);
    throw error;
  }
  const database = await openDatabase({ databaseUrl: url, poolSize });
  return {
    ...database,
    location: { dataDir: '', databaseUrl: url },
    drop: async () => {
      await database.close();
      await dropCitusDatabase(cluster, name);
    },
  };
}

async function dropScratch(database: Database, serverUrl: string, statement: string): Promise<void> {
  await database.close();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

function isPermissionDenied(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42501';
}

/** Milliseconds since an arbitrary start, with sub-millisecond resolution. */
export function now(): number {
  return performance.now();
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Prints records as an aligned table: engine, bench, metric, value, unit, note. */
export function printTable(records: readonly BenchRecord[]): void {
  const rows = [
    ['engine', 'bench', 'metric', 'value', 'unit', 'note'],
    ...records.map((r) => [r.engine, r.bench, r.metric, formatValue(r.value), r.unit, r.note ?? '']),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]): string =>
    row
      .map((cell, column) => (column === 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

function formatValue(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Describes the machine and checkout, stored with every result file. */
export function describeMachine(): Record<string, string | number> {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: benchDir,
      encoding: 'utf8',
    }).trim();
  } catch {
    // Not a git checkout (e.g. an unpacked tarball): the commit is just unknown.
  }
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    commit,
  };
}

/** Writes `<bench>-<engine>.json` for every bench and engine in `records`, and `latest.json` with all of them. */
export function saveResults(records: readonly BenchRecord[], failures: readonly string[]): string[] {
  mkdirSync(resultsDir, { recursive: true });
  const at = new Date().toISOString();
  const machine = describeMachine();
  const written: string[] = [];
  const groups = new Map<string, BenchRecord[]>();
  for (const record of records) {
    const key = `${record.bench}-${record.engine}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  for (const [key, group] of groups) {
    const file = path.join(resultsDir, `${key}.json`);
    const { bench, engine } = group[0]!;
    const measurements = group.map(({ metric, value, unit, note }) => ({ metric, value, unit, note }));
    writeFileSync(file, `${JSON.stringify({ bench, engine, at, machine, measurements }, null, 2)}\n`);
    written.push(file);
  }
  const latest = path.join(resultsDir, 'latest.json');
  writeFileSync(latest, `${JSON.stringify({ at, machine, records, failures }, null, 2)}\n`);
  written.push(latest);
  return written;
}

/** The measurement saved by an earlier run, if its result file exists. */
export function findSavedMeasurement(
  bench: string,
  engine: EngineName,
  metric: string,
): Measurement | undefined {
  const file = path.join(resultsDir, `${bench}-${engine}.json`);
  if (!existsSync(file)) return undefined;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { measurements?: Measurement[] };
  return saved.measurements?.find((m) => m.metric === metric);
}
