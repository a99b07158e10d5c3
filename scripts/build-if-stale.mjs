#!/usr/bin/env node
// Builds what `npm start` needs when it is missing or older than its sources:
//   the server (dist/src/cli/main.js) from src/, tsconfig*.json and package.json;
//   the web app (dist/web/index.html) from web/, package.json and the server contracts it imports.
// `--web-only` checks only the web app (the test command uses it before the browser journeys).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', '.vite', 'coverage']);

/**
 * The newest file among `entries` (files or folders, searched recursively) that `accept` keeps.
 * @param {string[]} entries paths relative to the repository root
 * @param {(file: string) => boolean} [accept]
 * @returns {{ file: string, mtimeMs: number } | undefined}
 */
function findNewest(entries, accept = () => true) {
  /** @type {{ file: string, mtimeMs: number } | undefined} */
  let newest;
  const visit = (/** @type {string} */ full) => {
    let stat;
    try {
      stat = statSync(full);
    } catch {
      return; // vanished or unreadable: nothing to build from
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(full)) {
        if (!SKIP_DIRS.has(name)) visit(path.join(full, name));
      }
    } else if (stat.isFile() && accept(full) && (!newest || stat.mtimeMs > newest.mtimeMs)) {
      newest = { file: full, mtimeMs: stat.mtimeMs };
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

/**
 * Why `output` must be rebuilt from `entries`, or undefined when it is up to date.
 * @param {string} output path relative to the repository root
 * @param {string[]} entries
 * @param {(file: string) => boolean} [accept]
 * @returns {string | undefined}
 */
function findStaleReason(output, entries, accept) {
  const target = path.join(root, output);
  if (!existsSync(target)) return `${output} is missing`;
  const newest = findNewest(entries, accept);
  if (newest && newest.mtimeMs > statSync(target).mtimeMs) {
    return `${path.relative(root, newest.file)} changed`;
  }
  return undefined;
}

/**
 * Runs `npm run <script>` in the repository root and exits the process when it fails.
 * @param {string} script
 */
function runScript(script) {
  // Under `npm start`, npm_execpath is the npm that started us; reuse it rather than searching PATH.
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && npmCli.endsWith('.js')
      ? [process.execPath, [npmCli, 'run', '--silent', script]]
      : ['npm', ['run', '--silent', script]];
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`npm run ${script} failed${result.error ? `: ${result.error.message}` : ''}`);
    process.exit(result.status ?? 1);
  }
}

const isTestFile = (/** @type {string} */ file) => /\.test\.tsx?$/.test(file);
const rootFiles = (/** @type {RegExp} */ pattern) => readdirSync(root).filter((name) => pattern.test(name));

const webOnly = process.argv.includes('--web-only');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--web-only');
if (unknown.length > 0) {
  console.error(`build-if-stale: unknown argument ${unknown.join(' ')} (only --web-only is accepted)`);
  process.exit(2);
}

if (!webOnly) {
  const serverOutput = 'dist/src/cli/main.js';
  const reason = findStaleReason(
    serverOutput,
    ['src', 'package.json', ...rootFiles(/^tsconfig.*\.json$/)],
    (file) => !isTestFile(file),
  );
  if (reason) {
    console.log(`building server… (${reason})`);
    runScript('build:server');
    // tsc skips writing unchanged outputs; mark the build as current so an unchanged source is not rebuilt.
    const now = new Date();
    utimesSync(path.join(root, serverOutput), now, now);
  }
}

const webReason = findStaleReason(
  'dist/web/index.html',
  ['web', 'src', 'package.json'],
  (file) =>
    !isTestFile(file) &&
    (file.startsWith(path.join(root, 'web')) ||
      file.endsWith('.contract.ts') ||
      file.endsWith('package.json')),
);
if (webReason) {
  console.log(`building web… (${webReason})`);
  runScript('build:web');
}
