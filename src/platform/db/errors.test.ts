import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { testEngine } from '../../../test/helpers/engine.js';
import type { Database } from './database.js';
import {
  constraintName,
  isIntegrityViolation,
  isMissingPartition,
  isUniqueViolation,
  sqlState,
} from './errors.js';

/** An error shaped like node-postgres's `DatabaseError`: the fields the server sent. */
const pgError = (fields: { code: string; message: string; constraint?: string; table?: string }) =>
  Object.assign(new Error(fields.message), { severity: 'ERROR', ...fields });
/** Drizzle's wrapper: its own message (the SQL), the driver's error in `cause`. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert into …'), { cause });

const duplicate = (name: string) => `duplicate key value violates unique constraint "${name}"`;

// The three shapes below were read off a Citus 13 cluster: a shard run in the same process keeps
// every field but names the shard's index and table; one run on another node loses `constraint`
// and `table`; an INSERT … SELECT through the coordinator turns the error into XX000.
const plain = pgError({
  code: '23505',
  message: duplicate('customers_external_id_key'),
  constraint: 'customers_external_id_key',
  table: 'customers',
});
const localShard = pgError({
  code: '23505',
  message: duplicate('customers_external_id_key_102028'),
  constraint: 'customers_external_id_key_102028',
  table: 'customers_102028',
});
const remoteShard = pgError({ code: '23505', message: duplicate('customers_external_id_key_102028') });
const viaCoordinator = pgError({ code: 'XX000', message: duplicate('customers_external_id_key_102028') });

// Pure: run once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('recognising database errors', () => {
  it('names the violated constraint from the field, else from the message', () => {
    expect(constraintName(wrapped(plain))).toBe('customers_external_id_key');
    expect(constraintName(wrapped(localShard))).toBe('customers_external_id_key_102028');
    expect(constraintName(wrapped(remoteShard))).toBe('customers_external_id_key_102028');
    expect(constraintName(viaCoordinator)).toBe('customers_external_id_key_102028');
    const foreignKey = pgError({
      code: '23503',
      message:
        'insert or update on table "deals_102100" violates foreign key constraint "deals_customer_fk_102100"',
    });
    expect(constraintName(wrapped(foreignKey))).toBe('deals_customer_fk_102100');
    expect(constraintName(pgError({ code: '40P01', message: 'deadlock detected' }))).toBeUndefined();
    expect(constraintName(new Error('no database here'))).toBeUndefined();
  });

  it.each([
    ['plain PostgreSQL', plain],
    ['a shard in the same process', localShard],
    ['a shard on another node', remoteShard],
    ['an INSERT … SELECT through the coordinator', viaCoordinator],
  ])('recognises a unique violation from %s, of its constraint only', (_, error) => {
    expect(isUniqueViolation(wrapped(error))).toBe(true);
    expect(isUniqueViolation(wrapped(error), 'customers_external_id_key')).toBe(true);
    expect(isUniqueViolation(wrapped(error), 'customers_tenant_id_id_pk')).toBe(false);
    // A longer name that merely starts with the one asked for is another constraint.
    expect(isUniqueViolation(wrapped(error), 'customers_external')).toBe(false);
    expect(sqlState(wrapped(error))).toBe(error.code);
  });

  it('keeps a real name ending in digits apart from a shard suffix', () => {
    // Plain PostgreSQL: the table has no shard id, so `items_code_2` is not `items_code` on a shard.
    const digits = pgError({
      code: '23505',
      message: duplicate('items_code_2'),
      constraint: 'items_code_2',
      table: 'items',
    });
    expect(isUniqueViolation(digits, 'items_code_2')).toBe(true);
    expect(isUniqueViolation(digits, 'items_code')).toBe(false);
    // The same constraint on a shard: the shard id comes after the whole name.
    const onShard = pgError({ code: '23505', message: duplicate('items_code_2_102044') });
    expect(isUniqueViolation(onShard, 'items_code_2')).toBe(true);
    expect(isUniqueViolation(onShard, 'items_code')).toBe(false);
    // A shard's constraint whose id differs from its table's is not that shard's.
    const mismatched = pgError({
      code: '23505',
      message: duplicate('items_code_102044'),
      constraint: 'items_code_102044',
      table: 'items_102046',
    });
    expect(isUniqueViolation(mismatched, 'items_code')).toBe(false);
  });

  it('takes other errors for what they are', () => {
    expect(
      isUniqueViolation(pgError({ code: '23503', message: 'violates foreign key constraint "a_fk"' })),
    ).toBe(false);
    expect(isUniqueViolation(pgError({ code: 'XX000', message: 'cache lookup failed for relation 1' }))).toBe(
      false,
    );
    expect(isUniqueViolation(new Error(duplicate('a_key')))).toBe(false);
  });

  it('recognises a missing partition of the table, from PostgreSQL and from a Citus shard', () => {
    const message = (relation: string) => `no partition of relation "${relation}" found for row`;
    const cases: [string, string, boolean][] = [
      ['23514', 'events', true],
      ['23514', 'events_102064', true],
      ['XX000', 'events_102064', true],
      ['XX000', 'events', true],
      ['23514', 'events_archive', false],
      ['23514', 'other_events', false],
      ['22023', 'events', false],
    ];
    for (const [code, relation, expected] of cases) {
      expect([
        code,
        relation,
        isMissingPartition(wrapped(pgError({ code, message: message(relation) })), 'events'),
      ]).toEqual([code, relation, expected]);
    }
    const check = pgError({
      code: '23514',
      message: 'new row for relation "events" violates check constraint "events_type_check"',
    });
    expect(isMissingPartition(check, 'events')).toBe(false);
  });

  it('recognises an integrity violation, also as the internal error Citus relays from a worker', () => {
    const check = 'new row for relation "customers_102027" violates check constraint "kehu_test_boom_102027"';
    expect(isIntegrityViolation(wrapped(pgError({ code: '23514', message: check })))).toBe(true);
    expect(isIntegrityViolation(wrapped(pgError({ code: 'XX000', message: check })))).toBe(true);
    expect(
      isIntegrityViolation(pgError({ code: 'XX000', message: duplicate('customers_pkey_102008') })),
    ).toBe(true);
    expect(
      isIntegrityViolation(pgError({ code: 'XX000', message: 'cache lookup failed for relation 1' })),
    ).toBe(false);
    expect(isIntegrityViolation(pgError({ code: '40P01', message: 'deadlock detected' }))).toBe(false);
    expect(isIntegrityViolation(new Error(check))).toBe(false);
  });
});

// The same helpers on errors the engine itself raises, so a driver that shapes them differently shows.
describe('errors from the engine', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(
      sql`create table probe_keys (id int primary key, code text constraint probe_keys_code_key unique)`,
    );
    await database.db.execute(sql`create table probe_months (at date not null) partition by range (at)`);
    await database.db.execute(
      sql`create table probe_months_2026_03 partition of probe_months for values from ('2026-03-01') to ('2026-04-01')`,
    );
  });
  afterAll(async () => database.close());

  it('recognises a unique violation and names its constraint', async () => {
    await database.db.execute(sql`insert into probe_keys values (1, 'a')`);
    const error = await database.db
      .execute(sql`insert into probe_keys values (2, 'a')`)
      .catch((e: unknown) => e);
    expect(constraintName(error)).toBe('probe_keys_code_key');
    expect(isUniqueViolation(error, 'probe_keys_code_key')).toBe(true);
    expect(isUniqueViolation(error, 'probe_keys_pkey')).toBe(false);
  });

  it('recognises a row no partition holds', async () => {
    const error = await database.db
      .execute(sql`insert into probe_months values ('2026-05-02')`)
      .catch((e: unknown) => e);
    expect(isMissingPartition(error, 'probe_months')).toBe(true);
    expect(isMissingPartition(error, 'events')).toBe(false);
  });
});
