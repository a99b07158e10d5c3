// Whether the built server and web app are older than their sources (scripts/build-if-stale.mjs
// rebuilds them; the CLI tests run the built CLI only when it is current).
import { existsSync, readdirSync, statSync } from 'node:fs';
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

const isTestFile = (/** @type {string} */ file) => /\.test\.tsx?$/.test(file);
const rootFiles = (/** @type {RegExp} */ pattern) => readdirSync(root).filter((name) => pattern.test(name));

/** The file whose age stands for the whole server build. */
export const SERVER_OUTPUT = 'dist/src/cli/main.js';

/**
 * Why the server build (dist/src) is stale, or undefined when it is current.
 * @returns {string | undefined}
 */
export function serverStaleReason() {
  return findStaleReason(
    SERVER_OUTPUT,
    ['src', 'package.json', ...rootFiles(/^tsconfig.*\.json$/)],
    (file) => !isTestFile(file),
  );
}

/**
 * Why the web build (dist/web) is stale, or undefined when it is current.
 * @returns {string | undefined}
 */
export function webStaleReason() {
  return findStaleReason(
    'dist/web/index.html',
    ['web', 'src', 'package.json'],
    (file) =>
      !isTestFile(file) &&
      (file.startsWith(path.join(root, 'web')) ||
        file.endsWith('.contract.ts') ||
        file.endsWith('package.json')),
  );
}
