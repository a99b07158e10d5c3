// Applies the tenancy rules (tenancy-rules.ts) to SQL snapshot text: splits a snapshot into its
// `-- title` sections, parses each with PostgreSQL's grammar and words every finding with what to do.
// A background job that sweeps every tenant declares it in its snapshot title (SWEEP_MARK, set by the
// SnapshotCall title in the repository's test); its statements are then held to what Citus can run
// across shards instead of to naming a tenant.
import { loadModule, parseSync } from 'libpg-query';
import { analyseStatement } from './tenancy-rules.js';

/** A section title containing this declares statements that sweep every tenant (a background job). */
export const SWEEP_MARK = '(all tenants)';

export type Section = { title: string; sql: string };
export type Problem = { title: string; statement: string; message: string };

/** Loads the parser's WebAssembly module; call once before `checkSnapshot`. */
export const loadParser = loadModule;

/** The `-- title` sections of a snapshot, each with the statements below its title. */
export function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('-- ')) sections.push({ title: line.slice(3).trim(), sql: '' });
    else if (sections.length > 0) sections[sections.length - 1]!.sql += `${line}\n`;
  }
  return sections;
}

type Parsed = { stmts?: { stmt: unknown; stmt_location?: number; stmt_len?: number }[] };

const fragment = (sql: string, start = 0, length?: number): string => {
  const text = sql
    .slice(start, length === undefined ? undefined : start + length)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

/** The problems of one section's statements. */
function checkSection(section: Section, isTenantTable: (table: string) => boolean): Problem[] {
  let parsed: Parsed;
  try {
    parsed = parseSync(section.sql) as Parsed;
  } catch (error) {
    const message = `does not parse: ${(error as Error).message}`;
    return [{ title: section.title, statement: fragment(section.sql), message }];
  }
  const sweep = section.title.includes(SWEEP_MARK);
  const problems: Problem[] = [];
  let crossesTenants = false;
  for (const { stmt, stmt_location, stmt_len } of parsed.stmts ?? []) {
    const statement = fragment(section.sql, stmt_location, stmt_len);
    const say = (message: string) => problems.push({ title: section.title, statement, message });
    const found = analyseStatement(stmt, isTenantTable);
    found.other.forEach(say);
    crossesTenants ||= found.unbound.length > 0;
    if (!sweep && found.unbound.length > 0)
      say(
        `${[...new Set(found.unbound)].join(', ')} without its tenant as a constant: add ` +
          `"<table>"."tenant_id" = $n at that query level (or equal it to a table whose tenant is` +
          (found.routed
            ? ' in the same level: a statement that locks rows or recurses must run on one node, and ' +
              'Citus prunes a correlated subquery only by its own constant'
            : '') +
          `), or, for a job that sweeps every tenant, put "${SWEEP_MARK}" in the snapshot title`,
      );
    if (sweep && found.locks > 0)
      say(
        'locks rows (FOR UPDATE/SHARE) across tenants, which Citus cannot do in one statement: list the ' +
          'tenants with work first, then lock per tenant with the tenant as a constant',
      );
    if (sweep && found.subqueriesInCaseOrCoalesce > 0)
      say(
        'has a subquery inside CASE or COALESCE across tenants, which Citus cannot plan: run it per ' +
          'tenant, or move the subquery out (a join or a CTE)',
      );
  }
  if (sweep && !crossesTenants && problems.length === 0)
    problems.push({
      title: section.title,
      statement: fragment(section.sql),
      message: `is declared "${SWEEP_MARK}" but names its tenant everywhere: drop the mark from the title`,
    });
  return problems;
}

/** The problems of a whole snapshot file's text. */
export function checkSnapshot(text: string, isTenantTable: (table: string) => boolean): Problem[] {
  return splitSections(text).flatMap((section) => checkSection(section, isTenantTable));
}
