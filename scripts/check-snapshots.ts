// Every query a repository exports has a SQL snapshot (part of `npm run check`; docs/style.md,
// "Repositories"). For each `src/**/*.repository.ts` the `.sql` file beside it must hold a section
// `-- <name> …` for every exported function, and every section must name an export that still exists,
// so snapshot coverage follows the code. The sections are written by the repository's test through
// `snapshotRepository` (test/helpers/sql-capture.ts), and CI fails when they are stale.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');

/** The repository files under `dir`, as paths relative to the root. */
function listRepositories(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listRepositories(rel);
    return entry.name.endsWith('.repository.ts') ? [rel] : [];
  });
}

/** The names a module exports that are functions (declarations or arrow/function constants). */
function exportedFunctions(file: string): { functions: string[]; all: Set<string> } {
  const source = ts.createSourceFile(
    file,
    readFileSync(path.join(root, file), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const functions: string[] = [];
  const all = new Set<string>();
  const isExported = (node: ts.Node): boolean =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      functions.push(statement.name.text);
      all.add(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        all.add(declaration.name.text);
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          functions.push(declaration.name.text);
      }
    }
  }
  return { functions, all };
}

/** The first identifier of every `-- ` section title in a snapshot. */
function sectionNames(snapshot: string): Set<string> {
  const names = new Set<string>();
  for (const line of snapshot.split('\n')) {
    const match = /^-- ([A-Za-z_$][\w$]*)/.exec(line);
    if (match) names.add(match[1]!);
  }
  return names;
}

/** The section names of every `.sql` snapshot in `dir`, and the names exported by its modules. */
function folderFacts(dir: string): { sections: Set<string>; exports: Set<string>; hasSnapshot: boolean } {
  const entries = readdirSync(path.join(root, dir));
  const sections = new Set<string>();
  const exports = new Set<string>();
  for (const name of entries) {
    if (name.endsWith('.sql'))
      for (const section of sectionNames(readFileSync(path.join(root, dir, name), 'utf8')))
        sections.add(section);
    if (name.endsWith('.ts') && !name.endsWith('.test.ts'))
      for (const e of exportedFunctions(`${dir}/${name}`).all) exports.add(e);
  }
  return { sections, exports, hasSnapshot: entries.some((name) => name.endsWith('.sql')) };
}

/**
 * Problems with one feature folder's snapshots, as lines to print. A snapshot may cover several
 * repositories of its folder; each section must name something the folder still exports.
 */
function checkFolder(dir: string, repositories: string[]): string[] {
  const facts = folderFacts(dir);
  const missing = repositories
    .flatMap((file) => exportedFunctions(file).functions.map((name) => ({ file, name })))
    .filter(({ name }) => !facts.sections.has(name))
    .map(({ file, name }) => `${file}: ${name} has no section in a .sql snapshot of its folder`);
  const stale = [...facts.sections]
    .filter((name) => !facts.exports.has(name))
    .map((name) => `${dir}: snapshot section "${name}" names nothing the folder exports`);
  return [...missing, ...stale];
}

const repositories = listRepositories('src');
const folders = new Map<string, string[]>();
for (const file of repositories)
  folders.set(path.dirname(file), [...(folders.get(path.dirname(file)) ?? []), file]);
// What the statements themselves may say (tenants, self-comparisons) is scripts/check-tenancy.ts.
const problems = [...folders].flatMap(([dir, files]) => checkFolder(dir, files));
if (problems.length > 0) {
  console.error(
    `SQL snapshots do not cover the repositories (docs/style.md, "Repositories"):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`✔ SQL snapshots cover all ${repositories.length} repositories`);
