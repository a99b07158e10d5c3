import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file both in `src/` (tsx, vitest) and in `dist/src/` (built). */
export const packageRoot: string = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** True when this code runs from TypeScript sources (tests, `npm run dev`) rather than the build. */
export const runningFromSource: boolean = import.meta.url.endsWith('.ts');
