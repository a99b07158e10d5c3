#!/usr/bin/env node
// The installed `kehu` command runs the built CLI; `npm run build:server` makes it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('kehu is not built yet: run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(entry.href);
