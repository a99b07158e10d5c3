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
  /** Mark the session cookie `Secure` (set when served over HTTPS). */
  secureCookies: boolean;
  /** Embedded engine: where the daily backups go, and how many are kept (docs/operations.md). */
  backupDir: string;
  backupKeep: number;
};

/** Reads the configuration from `env`, e.g. `loadConfig(process.env)`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
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
  const dataDir = path.resolve(env.KEHU_DATA_DIR ?? path.join('.kehu', 'data'));
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.KEHU_SECURE_COOKIES === '1' || env.KEHU_SECURE_COOKIES === 'true',
    backupDir: path.resolve(env.KEHU_BACKUP_DIR ?? path.join(path.dirname(dataDir), 'backups')),
    backupKeep,
  };
}
