// The tenancy rules for SQL snapshots (docs/style.md, "Repositories"): on Citus every table but the
// reference tables is sharded by tenant_id, so a statement runs on one node only when every tenant
// table in it, at every query level, names its tenant as a constant. The rules read statements parsed
// with PostgreSQL's own grammar (libpg-query), so a condition hidden in a subquery, a CTE or a join is
// seen where it really is. Pure: a parsed statement in, findings out.

import { asNode, isNode, list, nodes, statementHazards, strings, type Node } from './tenancy-hazards.js';

type Rel = { name: string; ref: string; tenant: boolean; scope: Scope };
type Scope = { parent: Scope | undefined; rels: Rel[]; bound: Set<Rel> };
/** Tenant tables left unbound; whether the statement must be routed (it locks or recurses); hazards. */
export type Findings = {
  unbound: string[];
  routed: boolean;
  locks: number;
  subqueriesInCaseOrCoalesce: number;
  other: string[];
};
type Walk = { isTenantTable: (table: string) => boolean; ctes: Set<string>; found: Findings };

/** The one node inside a `{ Kind: {...} }` wrapper, with its kind. */
function unwrap(value: unknown): [kind: string, node: Node] | undefined {
  if (!isNode(value)) return undefined;
  const [kind, inner] = Object.entries(value)[0] ?? [];
  return kind && isNode(inner) ? [kind, inner] : undefined;
}
const aliasOf = (node: Node): string | undefined => {
  const alias = asNode(node['alias'])?.['aliasname'];
  return typeof alias === 'string' ? alias : undefined;
};
/** A parameter or literal, possibly cast: a value the router planner knows before running. */
function isConstant(value: unknown): boolean {
  const [kind, node] = unwrap(value) ?? [];
  if (kind === 'ParamRef' || kind === 'A_Const') return true;
  return kind === 'TypeCast' && isConstant(node?.['arg']);
}

/** The relation whose `tenant_id` a column reference names, looking outwards through enclosing levels. */
function tenantColumnOf(value: unknown, scope: Scope): Rel | undefined {
  let [kind, node] = unwrap(value) ?? [];
  if (kind === 'TypeCast') [kind, node] = unwrap(node?.['arg']) ?? [];
  if (kind !== 'ColumnRef' || !node) return undefined;
  const fields = strings(node['fields']);
  if (fields[fields.length - 1] !== 'tenant_id') return undefined;
  const qualifier = fields[fields.length - 2];
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (qualifier !== undefined) {
      const rel = s.rels.find((r) => r.ref === qualifier);
      if (rel) return rel;
    } else if (s.rels.length > 0) return s.rels.length === 1 ? s.rels[0] : undefined;
  }
  return undefined;
}

/** The ANDed conditions of a WHERE or ON clause (an OR or NOT binds nothing). */
function conjuncts(value: unknown): Node[] {
  const [kind, node] = unwrap(value) ?? [];
  if (!node) return [];
  if (kind === 'BoolExpr' && node['boolop'] === 'AND_EXPR') return list(node['args']).flatMap(conjuncts);
  return [{ [kind!]: node }];
}

/** Binds the level's relations named by a constant, then those equal to a bound one, to a fixed point. */
function bindLevel(scope: Scope, conditions: Node[], routed: boolean): void {
  // A routed statement binds only through its own level: PostgreSQL carries a constant across a join's
  // equality, but not into a correlated subquery, so Citus could not prune that subquery's table.
  const isBound = (rel: Rel) => rel.scope.bound.has(rel) && (!routed || rel.scope === scope);
  const edges: [Rel, Rel][] = [];
  const bind = (rel: Rel | undefined) => rel?.scope === scope && scope.bound.add(rel);
  const pair = (left: unknown, right: unknown) => {
    const [l, r] = [tenantColumnOf(left, scope), tenantColumnOf(right, scope)];
    if (l && isConstant(right)) bind(l);
    if (r && isConstant(left)) bind(r);
    if (l && r) edges.push([l, r], [r, l]);
  };
  for (const condition of conditions) {
    const [kind, node] = unwrap(condition) ?? [];
    if (kind !== 'A_Expr' || !node || strings(node['name'])[0] !== '=') continue;
    if (node['kind'] === 'AEXPR_IN') {
      const items = list(asNode(asNode(node['rexpr'])?.['List'])?.['items']);
      if (items.length > 0 && items.every(isConstant)) bind(tenantColumnOf(node['lexpr'], scope));
    } else if (node['kind'] === 'AEXPR_OP') {
      const [lk, ln] = unwrap(node['lexpr']) ?? [];
      const [rk, rn] = unwrap(node['rexpr']) ?? [];
      if (lk === 'RowExpr' && rk === 'RowExpr') {
        const [la, ra] = [list(ln?.['args']), list(rn?.['args'])];
        la.forEach((l, i) => pair(l, ra[i]));
      } else pair(node['lexpr'], node['rexpr']);
    }
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const [from, to] of edges)
      if (isBound(from) && !isBound(to) && to.scope === scope) {
        scope.bound.add(to);
        grew = true;
      }
  }
}

/** One query level: its relations, the conditions that bind them, and what to walk once bound. */
type Level = { scope: Scope; conditions: Node[]; exprs: unknown[]; children: [unknown, Scope | undefined][] };

const newLevel = (parent: Scope | undefined): Level => ({
  scope: { parent, rels: [], bound: new Set() },
  conditions: [],
  exprs: [],
  children: [],
});

function addRel(level: Level, range: Node, w: Walk): Rel {
  const name = String(range['relname']);
  const ref = aliasOf(range) ?? name;
  const isCte = range['schemaname'] === undefined && w.ctes.has(name);
  const rel = { name, ref, tenant: !isCte && w.isTenantTable(name), scope: level.scope };
  level.scope.rels.push(rel);
  return rel;
}

/** Adds a FROM item: tables, joins (their ON conditions bind), subqueries and functions. */
function addFromItem(level: Level, item: unknown, w: Walk): void {
  const [kind, node] = unwrap(item) ?? [];
  if (!node) return;
  if (kind === 'RangeVar') addRel(level, node, w);
  else if (kind === 'JoinExpr') {
    addFromItem(level, node['larg'], w);
    addFromItem(level, node['rarg'], w);
    level.conditions.push(...conjuncts(node['quals']));
    level.exprs.push(node['quals']);
  } else {
    // A derived table or a function: not a table itself; a LATERAL one sees this level's relations.
    const ref = aliasOf(node) ?? String(kind);
    level.scope.rels.push({ name: ref, ref, tenant: false, scope: level.scope });
    if (kind === 'RangeSubselect')
      level.children.push([node['subquery'], node['lateral'] ? level.scope : level.scope.parent]);
    else level.exprs.push(node['functions']);
  }
}

/** Binds the level, reports its unbound tenant tables, then walks its expressions and subqueries. */
function finishLevel(level: Level, w: Walk): void {
  bindLevel(level.scope, level.conditions, w.found.routed);
  for (const rel of level.scope.rels)
    if (rel.tenant && !level.scope.bound.has(rel))
      w.found.unbound.push(rel.ref === rel.name ? `"${rel.name}"` : `"${rel.name}" as ${rel.ref}`);
  for (const expr of level.exprs) walkExpr(expr, level.scope, w, false);
  for (const [query, parent] of level.children) walkQuery(query, parent, w);
}

/** Finds the subqueries inside an expression and walks each as a level below `scope`. */
function walkExpr(value: unknown, scope: Scope, w: Walk, inCaseOrCoalesce: boolean): void {
  if (Array.isArray(value)) return value.forEach((v) => walkExpr(v, scope, w, inCaseOrCoalesce));
  if (!isNode(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'SubLink' && isNode(inner)) {
      if (inCaseOrCoalesce) w.found.subqueriesInCaseOrCoalesce++;
      walkExpr(inner['testexpr'], scope, w, inCaseOrCoalesce);
      walkQuery(inner['subselect'], scope, w);
    } else walkExpr(inner, scope, w, inCaseOrCoalesce || key === 'CaseExpr' || key === 'CoalesceExpr');
  }
}

/** Walks the CTEs of a WITH (each a level of its own) and returns the walk that sees their names. */
function withCtes(clause: unknown, parent: Scope | undefined, w: Walk): Walk {
  const ctes = list(asNode(clause)?.['ctes']).map((c) => asNode(c['CommonTableExpr']) ?? {});
  const inner = { ...w, ctes: new Set([...w.ctes, ...ctes.map((c) => String(c['ctename']))]) };
  for (const cte of ctes) walkQuery(cte['ctequery'], parent, inner);
  return inner;
}

/** Walks a SELECT; returns its simple levels (one per branch of a UNION) with their target lists. */
function walkSelect(node: Node, parent: Scope | undefined, outer: Walk): [Node, Scope][] {
  const w = withCtes(node['withClause'], parent, outer);
  w.found.locks += list(node['lockingClause']).length;
  if (node['op'] !== undefined && node['op'] !== 'SETOP_NONE')
    return [node['larg'], node['rarg']].flatMap((branch) => walkSelect(asNode(branch) ?? {}, parent, w));
  const level = newLevel(parent);
  for (const item of list(node['fromClause'])) addFromItem(level, item, w);
  level.conditions.push(...conjuncts(node['whereClause']));
  for (const key of ['targetList', 'whereClause', 'havingClause', 'groupClause', 'sortClause', 'valuesLists'])
    level.exprs.push(node[key]);
  finishLevel(level, w);
  return [[node, level.scope]];
}

/** True when every row an INSERT writes carries its tenant as a constant (or a bound table's). */
function insertsConstantTenant(source: unknown, column: number, parent: Scope, w: Walk): boolean {
  const [, select] = unwrap(source) ?? [];
  if (!select) return false;
  return walkSelect(select, parent, w).every(([leaf, scope]) => {
    const rows = list(leaf['valuesLists']).map((row) => list(asNode(row['List'])?.['items']));
    if (rows.length > 0) return rows.every((row) => isConstant(row[column]));
    const value = asNode(list(leaf['targetList'])[column]?.['ResTarget'])?.['val'];
    const rel = tenantColumnOf(value, scope);
    return isConstant(value) || (rel !== undefined && rel.scope.bound.has(rel));
  });
}

function walkInsert(node: Node, parent: Scope | undefined, outer: Walk): void {
  const w = withCtes(node['withClause'], parent, outer);
  const level = newLevel(parent);
  const target = addRel(level, asNode(node['relation']) ?? {}, w);
  const columns = list(node['cols']).map((c) => asNode(c['ResTarget'])?.['name']);
  const column = columns.indexOf('tenant_id');
  const constant = column >= 0 && insertsConstantTenant(node['selectStmt'], column, level.scope, w);
  if (target.tenant && !constant) w.found.unbound.push(`the tenant_id written into "${target.name}"`);
  level.scope.bound.add(target);
  const conflict = asNode(node['onConflictClause']) ?? {};
  level.exprs.push(conflict['targetList'], conflict['whereClause'], node['returningList']);
  finishLevel(level, w);
}

/** UPDATE … FROM and DELETE … USING: the target and the other tables form one level. */
function walkModify(node: Node, parent: Scope | undefined, outer: Walk): void {
  const w = withCtes(node['withClause'], parent, outer);
  const level = newLevel(parent);
  addRel(level, asNode(node['relation']) ?? {}, w);
  for (const item of list(node['fromClause'] ?? node['usingClause'])) addFromItem(level, item, w);
  level.conditions.push(...conjuncts(node['whereClause']));
  level.exprs.push(node['targetList'], node['whereClause'], node['returningList']);
  finishLevel(level, w);
}

function walkQuery(value: unknown, parent: Scope | undefined, w: Walk): void {
  const [kind, node] = unwrap(value) ?? [];
  if (!node) return;
  if (kind === 'SelectStmt') walkSelect(node, parent, w);
  else if (kind === 'InsertStmt') walkInsert(node, parent, w);
  else if (kind === 'UpdateStmt' || kind === 'DeleteStmt') walkModify(node, parent, w);
}

/**
 * What one parsed statement breaks: tenant tables (or inserted tenant ids) not named as a constant,
 * the hazards of a cross-tenant sweep (locks, subqueries in CASE or COALESCE), and the rules that hold
 * for every statement (no column compared with itself, no volatile call in DO UPDATE SET, no write of
 * `tenant_id` in an update, no subquery in INSERT … VALUES).
 */
export function analyseStatement(statement: unknown, isTenantTable: (table: string) => boolean): Findings {
  // Citus locks rows and runs recursive CTEs only in a statement routed to one node.
  const routed = [...nodes(statement)].some(
    ([key, node]) => key === 'LockingClause' || (key === 'withClause' && node['recursive'] === true),
  );
  const found: Findings = { unbound: [], routed, locks: 0, subqueriesInCaseOrCoalesce: 0, other: [] };
  walkQuery(statement, undefined, { isTenantTable, ctes: new Set(), found });
  found.other.push(...statementHazards(statement));
  return found;
}
