/** Which database engine this test project runs on. */
export type TestEngine = 'pglite' | 'postgres';

/** The engine of the current vitest project (set per project in vitest.config.ts). */
export function testEngine(): TestEngine {
  return process.env.KEHU_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/** The server URL with another database name, e.g. `withDatabaseName(url, 'kehu_t_1')`. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
