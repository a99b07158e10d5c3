import { loadConfig } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrateDatabase } from '../platform/db/migrate.js';

/**
 * Opens the configured database for one CLI command (sharing a running server's embedded database
 * when there is one), applies pending migrations (unless `migrate: false`), runs `work` and closes.
 */
export async function withDatabase<T>(
  work: (database: Database) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command: 'kehu cli',
  });
  try {
    if (options.migrate !== false) await migrateDatabase(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}
