// The tenancy rules over SQL snapshot text (scripts/tenancy-rules.ts, run by scripts/check-tenancy.ts):
// statements that pass, and statements each rule must stop.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSnapshot, loadParser, splitSections } from '../scripts/tenancy-snapshots.js';

const reference = new Set(['tenants', 'users', 'memberships', 'jobs', 'cursors']);
const isTenantTable = (table: string) => !reference.has(table);

/** The problems of one section titled `title` holding `sql`, as their messages. */
const problems = (sql: string, title = 'query'): string[] =>
  checkSnapshot(`-- ${title}\n${sql}\n`, isTenantTable).map((p) => p.message);

beforeAll(async () => {
  await loadParser();
});

describe('splitSections', () => {
  it('cuts a snapshot at its title lines', () => {
    expect(splitSections('-- a (one)\nselect 1;\n\n-- b\nselect 2;\nselect 3;\n')).toEqual([
      { title: 'a (one)', sql: 'select 1;\n\n' },
      { title: 'b', sql: 'select 2;\nselect 3;\n\n' },
    ]);
  });
});

describe('statements that name their tenant', () => {
  it.each([
    ['a parameter', `select id from customers where customers.tenant_id = $1;`],
    ['a literal, unqualified on a single table', `select id from customers where tenant_id = 'acme';`],
    ['an IN list of constants', `select id from customers c where c.tenant_id in ($1, $2);`],
    [
      'a join bound through the other table',
      `select 1 from customers c join contacts k on k.tenant_id = c.tenant_id where c.tenant_id = $1;`,
    ],
    [
      'a correlated subquery bound through the outer table',
      `select (select count(*) from contacts k where k.tenant_id = c.tenant_id and k.customer_id = c.id) from customers c where c.tenant_id = $1;`,
    ],
    ['a reference table without a tenant', `select slug from tenants where id = $1;`],
    [
      'a CTE read by name',
      `with recent as (select id from orders where tenant_id = $1) select id from recent;`,
    ],
    [
      'a recursive CTE bound at every level',
      `with recursive chain (id) as (select $2::uuid union select p.merged_into from chain join persons p on p.tenant_id = $1 and p.id = chain.id) select id from chain;`,
    ],
    [
      'insert values with the tenant as a parameter',
      `insert into customers (tenant_id, id) values ($1, $2) on conflict (tenant_id, id) do update set name = excluded.name, seen = greatest(customers.seen, excluded.seen);`,
    ],
    [
      'insert ... select with a bound tenant',
      `insert into archive (tenant_id, id) select o.tenant_id, o.id from orders o where o.tenant_id = $1;`,
    ],
    [
      'update ... from, both bound',
      `update orders o set status = $2 from waves w where w.tenant_id = $1 and o.tenant_id = w.tenant_id and o.wave_id = w.id;`,
    ],
    [
      'delete ... using, both bound',
      `delete from lines l using orders o where o.tenant_id = $1 and l.tenant_id = $1 and l.order_id = o.id;`,
    ],
    ['a row equality', `select 1 from orders o where (o.tenant_id, o.id) = ($1, $2);`],
    ['a locking claim on one level', `select id from orders where tenant_id = $1 for update skip locked;`],
  ])('passes %s', (_name, sql) => {
    expect(problems(sql)).toEqual([]);
  });

  it('passes a declared sweep without locks or subqueries in CASE or COALESCE', () => {
    expect(problems(`delete from audit_log where at < $1;`, 'purge (all tenants)')).toEqual([]);
  });
});

describe('statements that fail', () => {
  it('a column compared with itself, qualified or not', () => {
    expect(
      problems(`select 1 from contacts where contacts.tenant_id = $1 and "tenant_id" = "tenant_id";`),
    ).toEqual([expect.stringContaining('compares "tenant_id" with itself')]);
    expect(problems(`select 1 from people p where p.tenant_id = $1 and "p"."id" = "p"."id";`)[0]).toContain(
      'compares "p"."id" with itself',
    );
  });

  it.each([
    ['no tenant at all', `select id from customers where id = $1;`, '"customers"'],
    [
      'a subquery on a tenant table without a tenant',
      `select id from customers c where c.tenant_id = $1 and exists (select 1 from contacts k where k.customer_id = c.id);`,
      '"contacts" as k',
    ],
    [
      'a tenant only in an OR',
      `select id from customers c where c.tenant_id = $1 or c.id = $2;`,
      '"customers" as c',
    ],
    [
      'a tenant equal to an unbound table',
      `select 1 from customers c join contacts k on k.tenant_id = c.tenant_id;`,
      '"customers" as c, "contacts" as k',
    ],
    [
      'a recursive part without a tenant',
      `with recursive chain (id) as (select id from persons where tenant_id = $1 union select p.merged_into from chain join persons p on p.id = chain.id) select id from chain;`,
      '"persons" as p',
    ],
    [
      'a correlated subquery in a locking statement',
      `select (select count(*) from contacts k where k.tenant_id = c.tenant_id) from customers c where c.tenant_id = $1 for update of c;`,
      '"contacts" as k',
    ],
    [
      'an inserted tenant taken from a column',
      `insert into customers (tenant_id, id) select t.id, $1 from tenants t;`,
      'the tenant_id written into "customers"',
    ],
    [
      'an insert without a tenant column',
      `insert into customers (id) values ($1);`,
      'the tenant_id written into "customers"',
    ],
    [
      'update ... from an unbound table',
      `update orders o set status = $2 from waves w where o.tenant_id = $1 and o.wave_id = w.id;`,
      '"waves" as w',
    ],
    [
      'a tenant equal to a reference table column',
      `select 1 from memberships m join teams t on t.tenant_id = m.tenant_id where m.user_id = $1;`,
      '"teams" as t',
    ],
  ])('%s', (_name, sql, table) => {
    expect(problems(sql)).toEqual([expect.stringContaining(`${table} without its tenant as a constant`)]);
  });

  it('a declared sweep that locks rows', () => {
    expect(
      problems(`select id from persons where pending for update skip locked;`, 'touch (all tenants)'),
    ).toEqual([expect.stringContaining('locks rows (FOR UPDATE/SHARE) across tenants')]);
  });

  it('a declared sweep with a subquery inside COALESCE or CASE', () => {
    const inCoalesce = `delete from message_ids m where m.at < coalesce((select max(s.at) from sources s where s.id = m.source_id), $1);`;
    const inCase = `update orders set late = case when exists (select 1 from waves w where w.id = wave_id) then true end;`;
    for (const sql of [inCoalesce, inCase])
      expect(problems(sql, 'sweep (all tenants)')).toEqual([
        expect.stringContaining('subquery inside CASE or COALESCE across tenants'),
      ]);
  });

  it('a declared sweep that names its tenant everywhere', () => {
    expect(problems(`select id from orders where tenant_id = $1;`, 'list (all tenants)')).toEqual([
      expect.stringContaining('drop the mark'),
    ]);
  });

  it.each(['now()', 'clock_timestamp()', 'random()', 'gen_random_uuid()', 'current_timestamp'])(
    '%s in ON CONFLICT … DO UPDATE SET, even on a reference table',
    (call) => {
      expect(
        problems(
          `insert into cursors (consumer, at) values ($1, $2) on conflict (consumer) do update set at = ${call};`,
        ),
      ).toEqual([expect.stringContaining('in ON CONFLICT … DO UPDATE SET, which Citus refuses')]);
    },
  );

  it('tenant_id set by an upsert or an update, even to the value it has', () => {
    const upsert = `insert into models (tenant_id, model) values ($1, $2) on conflict (tenant_id) do update set tenant_id = $3, model = $4;`;
    const update = `update deals set tenant_id = $1, name = $2 where tenant_id = $3 and id = $4;`;
    for (const sql of [upsert, update])
      expect(problems(sql)).toEqual([
        expect.stringContaining('sets "tenant_id", the column Citus shards by'),
      ]);
  });

  it('a subquery inside INSERT … VALUES', () => {
    const next = `insert into quotes (tenant_id, deal_id, version) values ($1, $2, (select coalesce(max(version), 0) + 1 from quotes where tenant_id = $3 and deal_id = $4));`;
    expect(problems(next)).toEqual([expect.stringContaining('subquery inside INSERT … VALUES')]);
  });

  it('a statement that does not parse', () => {
    expect(problems(`select from where;`)).toEqual([expect.stringContaining('does not parse')]);
  });
});
