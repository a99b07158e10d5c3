// Rules that hold for every SQL snapshot statement whatever its tenancy (scripts/tenancy-rules.ts has
// the tenant rules), and the helpers both use to read libpg-query's parse tree. Pure.

/** A node of libpg-query's JSON parse tree. */
export type Node = { [key: string]: unknown };

export const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;
export const asNode = (value: unknown): Node | undefined => (isNode(value) ? value : undefined);
export const list = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : []);
export const strings = (fields: unknown): string[] =>
  list(fields).flatMap((f) => {
    const s = asNode(f['String'])?.['sval'];
    return typeof s === 'string' ? [s] : [];
  });

/** Functions Citus accepts in `ON CONFLICT … DO UPDATE SET`: immutable ones, evaluated on any node. */
const IMMUTABLE_FUNCTIONS = new Set(['abs', 'array_append', 'array_cat', 'array_remove', 'coalesce']);
for (const name of ['greatest', 'least', 'jsonb_build_object', 'jsonb_set', 'lower', 'nullif', 'upper'])
  IMMUTABLE_FUNCTIONS.add(name);

/** Every node of a tree, depth first, with the key it sits under. */
export function* nodes(value: unknown, key = ''): Generator<[string, Node]> {
  if (Array.isArray(value)) for (const v of value) yield* nodes(v, key);
  else if (isNode(value)) {
    yield [key, value];
    for (const [k, v] of Object.entries(value)) yield* nodes(v, k);
  }
}

/** Columns compared with themselves: always true, usually an outer column drizzle left unqualified. */
function selfComparisons(statement: unknown): string[] {
  return [...nodes(statement)].flatMap(([key, node]) => {
    if (key !== 'A_Expr' || node['kind'] !== 'AEXPR_OP') return [];
    const [l, r] = [asNode(node['lexpr'])?.['ColumnRef'], asNode(node['rexpr'])?.['ColumnRef']];
    const [lf, rf] = [strings(asNode(l)?.['fields']), strings(asNode(r)?.['fields'])];
    if (!l || !r || lf.join('.') !== rf.join('.')) return [];
    const column = lf.map((f) => `"${f}"`).join('.');
    return [
      `compares ${column} with itself, which is always true; name the outer table's column by hand ("people"."tenant_id")`,
    ];
  });
}

/** Calls in `ON CONFLICT … DO UPDATE SET` that are not immutable: Citus refuses them. */
function volatileConflictUpdates(statement: unknown): string[] {
  return [...nodes(statement)]
    .filter(([key, node]) => key === 'onConflictClause' && node['action'] === 'ONCONFLICT_UPDATE')
    .flatMap(([, clause]) => [...nodes(clause['targetList'])])
    .flatMap(([key, node]) => {
      const name =
        key === 'FuncCall' ? strings(node['funcname']).pop() : key === 'SQLValueFunction' ? 'current_*' : '';
      return name && !IMMUTABLE_FUNCTIONS.has(name)
        ? [
            `calls ${name}() in ON CONFLICT … DO UPDATE SET, which Citus refuses; pass the value as a parameter`,
          ]
        : [];
    });
}

/** `SET tenant_id = …` in an UPDATE or a DO UPDATE: Citus refuses to write the distribution column. */
function distributionColumnWrites(statement: unknown): string[] {
  return [...nodes(statement)]
    .filter(
      ([key, node]) =>
        key === 'UpdateStmt' || (key === 'onConflictClause' && node['action'] === 'ONCONFLICT_UPDATE'),
    )
    .flatMap(([, node]) => list(node['targetList']))
    .filter((target) => asNode(target['ResTarget'])?.['name'] === 'tenant_id')
    .map(
      () =>
        'sets "tenant_id", the column Citus shards by, which it refuses even to the same value; leave it out',
    );
}

/** A subquery inside INSERT … VALUES, which Citus refuses: read the value first, or INSERT … SELECT. */
function subqueriesInValues(statement: unknown): string[] {
  return [...nodes(statement)]
    .filter(([key]) => key === 'InsertStmt')
    .flatMap(([, insert]) => list(asNode(asNode(insert['selectStmt'])?.['SelectStmt'])?.['valuesLists']))
    .filter((row) => [...nodes(row)].some(([key]) => key === 'SubLink'))
    .map(
      () =>
        'has a subquery inside INSERT … VALUES, which Citus refuses; read the value in a statement before, or use INSERT … SELECT',
    );
}

/**
 * The hazards of any statement on Citus: a column compared with itself, a volatile call in DO UPDATE
 * SET, a write of `tenant_id` in an update, a subquery in INSERT … VALUES.
 */
export function statementHazards(statement: unknown): string[] {
  return [
    ...selfComparisons(statement),
    ...volatileConflictUpdates(statement),
    ...distributionColumnWrites(statement),
    ...subqueriesInValues(statement),
  ];
}
