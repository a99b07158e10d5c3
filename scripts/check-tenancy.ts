// Every statement in the SQL snapshots names its tenant (part of `npm run check`; docs/style.md,
// "Repositories"; the reference tables are in src/platform/db/distribution.ts): each snapshot under
// src/ is parsed with PostgreSQL's grammar and held to the tenancy rules (tenancy-rules.ts), so a
// query Citus would have to fan out to every node, or could not run at all, fails here instead of on
// the cluster.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isTenantTable } from '../src/platform/db/distribution.js';
import { checkSnapshot, loadParser } from './tenancy-snapshots.js';

const root = path.resolve(import.meta.dirname, '..');

/** The `.sql` snapshots under `dir`, as paths relative to the root. */
function listSnapshots(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listSnapshots(rel);
    return entry.name.endsWith('.sql') ? [rel] : [];
  });
}

await loadParser();
const snapshots = listSnapshots('src');
const problems = snapshots.flatMap((file) =>
  checkSnapshot(readFileSync(path.join(root, file), 'utf8'), isTenantTable).map(
    (p) => `${file} — "${p.title}"\n    ${p.statement}\n    ${p.message}`,
  ),
);
if (problems.length > 0) {
  console.error(
    `SQL snapshots break the tenancy rules (docs/style.md, "Repositories"):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`✔ every statement in ${snapshots.length} SQL snapshots names its tenant`);
