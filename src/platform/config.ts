import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export type Config = {
  port: number;
  host: string;
  /** A PostgreSQL server URL; when absent Kehu runs on the embedded database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  logLevel: string;
  /** `LOG_FORMAT`: `pretty` or `json`; by default pretty when standard output is a terminal. */
  logFormat: LogFormat;
  /** Always mark the session cookie `Secure` (it is anyway on requests that came over HTTPS). */
  secureCookies: boolean;
  /** Believe X-Forwarded-For/-Proto from: `true` (any proxy) or these addresses/CIDRs. */
  trustProxy: boolean | string;
  /** Embedded engine: where the daily backups go, and how many are kept (docs/operations.md). */
  backupDir: string;
  backupKeep: number;
  /** Days between scheduling a tenant's removal and carrying it out, at the least (docs/privacy.md). */
  tenantRemovalGraceDays: number;
};

/** How log lines are written: one human-readable line each, or pino's JSON lines. */
export type LogFormat = 'pretty' | 'json';

/**
 * Reads the configuration from `env`, e.g. `loadConfig(process.env)`; `terminal` says whether
 * standard output is a terminal (it decides the default log format).
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  terminal: boolean = process.stdout.isTTY === true,
): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const backupKeep = Number(env.KEHU_BACKUP_KEEP ?? 7);
  if (!Number.isInteger(backupKeep) || backupKeep < 0) {
    throw new Error(
      `KEHU_BACKUP_KEEP must be a whole number (0 turns scheduled backups off), got "${env.KEHU_BACKUP_KEEP}"`,
    );
  }
  const graceDays = Number(env.KEHU_TENANT_REMOVAL_GRACE_DAYS ?? 30);
  if (!Number.isInteger(graceDays) || graceDays < 1 || graceDays > 365) {
    throw new Error(
      `KEHU_TENANT_REMOVAL_GRACE_DAYS must be a whole number of days from 1 to 365, got "${env.KEHU_TENANT_REMOVAL_GRACE_DAYS}"`,
    );
  }
  const logFormat = env.LOG_FORMAT?.trim() || (terminal ? 'pretty' : 'json');
  if (logFormat !== 'pretty' && logFormat !== 'json') {
    throw new Error(`LOG_FORMAT must be pretty or json, got "${env.LOG_FORMAT}"`);
  }
  const dataDir = path.resolve(env.KEHU_DATA_DIR ?? path.join('.kehu', 'data'));
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel: env.LOG_LEVEL ?? 'info',
    logFormat,
    secureCookies: env.KEHU_SECURE_COOKIES === '1' || env.KEHU_SECURE_COOKIES === 'true',
    trustProxy: readTrustProxy(env.KEHU_TRUST_PROXY),
    backupDir: path.resolve(env.KEHU_BACKUP_DIR ?? path.join(path.dirname(dataDir), 'backups')),
    backupKeep,
    tenantRemovalGraceDays: graceDays,
  };
}

/** `KEHU_TRUST_PROXY`: unset or 0/false = none, 1/true = any, else a comma-separated list of addresses/CIDRs. */
function readTrustProxy(value: string | undefined): boolean | string {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  return text;
}
