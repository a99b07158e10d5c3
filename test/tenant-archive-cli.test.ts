import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, useCliDatabase } from './helpers/cli.js';

// `kehu tenant export` from one database, `kehu tenant import` into another, in child processes.

const from = useCliDatabase('kehu-archive-from-');
const into = useCliDatabase('kehu-archive-into-');
const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowsIn = (stderr: string) => /: (\d+) tables, (\d+) rows/.exec(stderr)?.slice(1).map(Number);

describe('kehu tenant export | import', () => {
  it(
    'moves a tenant to an empty database with the same rows, and refuses to import it twice',
    { timeout: 300_000 },
    async () => {
      expect((await runCli(['tenant', 'create', 'acme', '--name', 'Acme'], from.env)).code).toBe(0);
      const user = await runCli(
        [
          'user',
          'create',
          '--tenant',
          'acme',
          '--email',
          'boss@acme.test',
          '--name',
          'Boss',
          '--password',
          'correct-horse-battery',
          '--role',
          'admin',
        ],
        from.env,
      );
      expect(user.code, user.stderr).toBe(0);
      const exported = await runCli(['tenant', 'export', 'acme', dir], from.env);
      expect(exported.code, exported.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
        tables: Record<string, { rows: number }>;
      };
      expect(manifest.tables['tenants']).toEqual({ rows: 1 });
      expect(manifest.tables['memberships']).toEqual({ rows: 1 });
      const imported = await runCli(['tenant', 'import', dir], into.env);
      expect(imported.code, imported.stderr).toBe(0);
      expect(rowsIn(imported.stderr)).toEqual(rowsIn(exported.stderr));
      // The same tenant as one .tar.gz file: unpacked and read, so refused the same way.
      const file = path.join(dir, 'acme.tar.gz');
      const packed = await runCli(['tenant', 'export', '--tenant', 'acme', '--file', file], from.env);
      expect(packed.code, packed.stderr).toBe(0);
      const again = await runCli(['tenant', 'import', file], into.env);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('already holds rows of tenant');
    },
  );
});
