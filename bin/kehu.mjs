#!/usr/bin/env node
// The installed `kehu` command runs the built CLI. On a fresh install it compiles the server first,
// with the compiler's output on stderr so commands whose stdout is captured (e.g. `apikey create`)
// still print only their result.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  if (!existsSync(tsc)) {
    console.error('kehu is not built yet: run `npm run build` (or `npm start`) first.');
    process.exit(1);
  }
  console.error('building kehu (first run)…');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(entry.href);
