/**
 * `npm run bench [-- <name>...] [--engine pglite|postgres|citus]...`: runs every `bench/<name>.bench.ts`
 * (or the named ones) on the embedded engine; also on a PostgreSQL server when
 * `KEHU_BENCH_DATABASE_URL` or `DATABASE_URL` is set; and also on a Citus cluster when
 * `KEHU_BENCH_CITUS` (the coordinator's URL) is set with `KEHU_BENCH_CITUS_WORKERS` (the workers'
 * `host:port,host:port` as the coordinator reaches them). A scratch database on the cluster is made on
 * every node and dropped from every node afterwards. `--engine` may be repeated or comma-separated to
 * pick several engines. Prints one table and writes bench/results/*.json.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  benchDir,
  engineNames,
  findCitusCluster,
  findSavedMeasurement,
  findServerUrl,
  openScratchCitus,
  openScratchPglite,
  openScratchPostgres,
  printTable,
  saveResults,
  type BenchContext,
  type BenchModule,
  type BenchRecord,
  type EngineName,
  type ScratchDatabase,
} from './harness.js';

const SUFFIX = '.bench.ts';

type Args = { names: string[]; engines: EngineName[] | undefined };

/** Runs the selected benches on the configured engines and returns the process exit code. */
export async function runBenches(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const available = listBenches();
  const unknown = args.names.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}; available: ${available.join(', ')}`);
    return 2;
  }
  const names = args.names.length > 0 ? available.filter((name) => args.names.includes(name)) : available;
  const selected = selectEngines(args.engines);
  if (!selected) return 2;
  const { engines, openScratch } = selected;
  console.log(`benches: ${names.join(', ')}; engines: ${engines.join(', ')}`);

  const records: BenchRecord[] = [];
  const failures: string[] = [];
  for (const engine of engines) {
    for (const name of names) {
      const module = await loadBench(name);
      if (module.engines && !module.engines.includes(engine)) continue;
      const context: BenchContext = {
        engine,
        openScratchDatabase: (options) => openScratch(engine, options?.poolSize),
        findMeasurement: (bench, metric) =>
          records.find((r) => r.engine === engine && r.bench === bench && r.metric === metric) ??
          findSavedMeasurement(bench, engine, metric),
        log: (message) => console.log(`[${engine} ${name}] ${message}`),
      };
      const started = performance.now();
      try {
        const measurements = await module.measure(context);
        records.push(...measurements.map((m) => ({ bench: name, engine, ...m })));
        context.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push(`${engine} ${name}: ${message}`);
        console.error(`[${engine} ${name}] FAILED: ${message}`);
      }
    }
  }

  console.log('');
  printTable(records);
  const written = saveResults(records, failures);
  console.log(`\nwrote ${written.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
  if (failures.length > 0) console.error(`${failures.length} bench run(s) failed`);
  return failures.length > 0 ? 1 : 0;
}

type SelectedEngines = {
  engines: EngineName[];
  openScratch: (engine: EngineName, poolSize?: number) => Promise<ScratchDatabase>;
};

/**
 * The configured engines, narrowed to the `--engine` ones when given; undefined, after saying what
 * is missing, when an engine asked for is not configured.
 */
function selectEngines(picked: EngineName[] | undefined): SelectedEngines | undefined {
  const serverUrl = findServerUrl();
  const cluster = findCitusCluster();
  const missing: Partial<Record<EngineName, string>> = {
    ...(serverUrl ? {} : { postgres: 'KEHU_BENCH_DATABASE_URL or DATABASE_URL' }),
    ...(cluster ? {} : { citus: 'KEHU_BENCH_CITUS and KEHU_BENCH_CITUS_WORKERS' }),
  };
  const unconfigured = (picked ?? []).filter((engine) => missing[engine]);
  for (const engine of unconfigured) console.error(`--engine ${engine} needs ${missing[engine]}`);
  if (unconfigured.length > 0) return undefined;
  const engines = engineNames.filter((engine) => !missing[engine] && (!picked || picked.includes(engine)));
  if (cluster && engines.includes('citus')) {
    const workers = cluster.workers.map((w) => `${w.host}:${w.port}`).join(', ');
    console.log(`citus: coordinator ${new URL(cluster.coordinator).host}, workers ${workers}`);
  }
  return {
    engines,
    openScratch: (engine, poolSize) =>
      engine === 'citus' && cluster
        ? openScratchCitus(cluster, poolSize)
        : engine === 'postgres' && serverUrl
          ? openScratchPostgres(serverUrl, poolSize)
          : openScratchPglite(poolSize),
  };
}

function parseArgs(argv: readonly string[]): Args {
  const names: string[] = [];
  let engines: EngineName[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const engineValue = arg.startsWith('--engine=')
      ? arg.slice('--engine='.length)
      : arg === '--engine'
        ? argv[++i]
        : undefined;
    if (engineValue !== undefined) {
      const picked = engineValue.split(',');
      if (!picked.every((e): e is EngineName => (engineNames as readonly string[]).includes(e))) {
        throw new Error(
          `--engine takes ${engineNames.join(', ')} (repeated or comma-separated), not "${engineValue}"`,
        );
      }
      // Repeated flags add up: `--engine postgres --engine citus` runs both.
      engines = [...(engines ?? []), ...picked];
    } else if (arg.startsWith('-')) {
      throw new Error(
        `unknown option ${arg}; usage: npm run bench [-- <name>...] [--engine pglite|postgres|citus]...`,
      );
    } else {
      names.push(arg);
    }
  }
  return { names, engines };
}

/** Bench names from `bench/<name>.bench.ts`, baseline first (later benches compare against it). */
function listBenches(): string[] {
  const names = readdirSync(benchDir)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
  return [...names.filter((n) => n === 'baseline'), ...names.filter((n) => n !== 'baseline')];
}

async function loadBench(name: string): Promise<BenchModule> {
  const loaded = (await import(
    pathToFileURL(path.join(benchDir, `${name}${SUFFIX}`)).href
  )) as Partial<BenchModule>;
  if (typeof loaded.measure !== 'function')
    throw new Error(`bench/${name}${SUFFIX} does not export measure()`);
  return loaded as BenchModule;
}

process.exitCode = await runBenches(process.argv.slice(2));
