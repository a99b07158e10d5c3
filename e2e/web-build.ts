/**
 * Makes sure dist/web holds a build of the current web sources before a browser journey starts a
 * server, so a journey never tests a stale bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(root, 'dist', 'web', 'index.html');

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** Builds the web app when dist/web is missing or older than any file under web/ (except node_modules). */
export function ensureWebBuilt(): void {
  const sources = [
    path.join(root, 'web', 'src'),
    path.join(root, 'web', 'index.html'),
    path.join(root, 'web', 'vite.config.ts'),
  ];
  const newestSource = Math.max(...sources.filter(existsSync).map(newestChange));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource) return;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}
