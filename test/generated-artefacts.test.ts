import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from '../src/app/openapi.js';
import { testEngine } from './helpers/engine.js';

const root = path.resolve(import.meta.dirname, '..');

// Engine-independent: run once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('generated artefacts are up to date', () => {
  it('docs/openapi.json matches the routes (run `npm run openapi`)', async () => {
    expect(await renderOpenApi()).toBe(readFileSync(path.join(root, 'docs', 'openapi.json'), 'utf8'));
  });

  it('the migrations in drizzle/ cover the schema (run `npm run db:generate`)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-drift-'));
    try {
      cpSync(path.join(root, 'drizzle'), path.join(dir, 'drizzle'), { recursive: true });
      const config = path.join(dir, 'drizzle.config.ts');
      writeFileSync(
        config,
        `export default { dialect: 'postgresql', schema: ['${root}/src/platform/**/*.table.ts', '${root}/src/modules/**/*.table.ts'], out: './drizzle' };\n`,
      );
      const before = readdirSync(path.join(dir, 'drizzle'));
      const { stdout } = await promisify(execFile)(
        path.join(root, 'node_modules', '.bin', 'drizzle-kit'),
        ['generate', '--config', config],
        { cwd: dir },
      );
      expect(stdout).toContain('No schema changes');
      expect(readdirSync(path.join(dir, 'drizzle')), stdout).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
