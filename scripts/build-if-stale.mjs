#!/usr/bin/env node
// Builds what `npm start` needs when it is missing or older than its sources:
//   the server (dist/src/cli/main.js) from src/, tsconfig*.json and package.json;
//   the web app (dist/web/index.html) from web/, package.json and the server contracts it imports.
// `--web-only` checks only the web app. The test command builds both: the browser journeys serve the
// web app, and the CLI tests run the built CLI (test/helpers/cli.ts).
import { spawnSync } from 'node:child_process';
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_OUTPUT, serverStaleReason, webStaleReason } from './stale-builds.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

const webOnly = process.argv.includes('--web-only');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--web-only');
if (unknown.length > 0) {
  console.error(`build-if-stale: unknown argument ${unknown.join(' ')} (only --web-only is accepted)`);
  process.exit(2);
}

if (!webOnly) {
  const reason = serverStaleReason();
  if (reason) {
    console.log(`building server… (${reason})`);
    runScript('build:server');
    // tsc skips writing unchanged outputs; mark the build as current so an unchanged source is not rebuilt.
    const now = new Date();
    utimesSync(path.join(root, SERVER_OUTPUT), now, now);
  }
}

const webReason = webStaleReason();
if (webReason) {
  console.log(`building web… (${webReason})`);
  runScript('build:web');
}
