import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { planOf } from '../../../../test/helpers/sql-capture.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { ListCustomersQuery } from './customer.contract.js';
import { insertCustomers, listVisibleCustomers } from './customer.repository.js';

// `q` is served by an index over tripled text (platform/db/text-search.ts); these tests hold its answer
// to a brute-force `includes` over the stored values, and check that the index is what finds it.
let database: Database;
let actor: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  actor = (await makeTenant(database.db)).admin.actor;
});
afterAll(async () => database.close());

const CHINESE = [...'张三丰王小明北京华创李四'];
const LATIN = [...'abcABC'];
const char = fc.constantFrom(...CHINESE, ...LATIN, ' ', '1', '%', '_');
const text = (min: number, max: number) =>
  fc.array(char, { minLength: min, maxLength: max }).map((chars) => chars.join(''));
const customer = fc.record({
  name: text(1, 6).map((name) => name.trim() || '张'),
  phone: fc.option(fc.stringMatching(/^1[38]{2,5}$/), { nil: null }),
  email: fc.option(
    text(1, 4).map((local) => `${local.replace(/\s/g, 'x')}@b.cn`),
    { nil: null },
  ),
});

const matches = (row: { name: string; phone: string | null; email: string | null }, q: string): boolean =>
  [row.name, row.phone, row.email].some((value) => value?.toLowerCase().includes(q.toLowerCase()));

describe('customer search', () => {
  it('finds exactly the customers whose name, phone or email contains the text, Chinese and Latin, from one character on', async () => {
    const rows = fc
      .sample(customer, { numRuns: 120, seed: 22 })
      .map((row) => ({ id: newId(), kind: 'consumer', ...row }));
    await insertCustomers(database.db, actor, rows);
    // Queries of one to three characters cut from what is stored, or made up (mostly matching nothing).
    const stored = rows.flatMap((row) => [row.name, row.phone ?? '', row.email ?? '']).filter(Boolean);
    const cut = fc
      .tuple(fc.constantFrom(...stored), fc.nat(), fc.integer({ min: 1, max: 3 }), fc.boolean())
      .map(([value, at, length, upper]) => {
        const chars = [...value];
        const start = at % chars.length;
        const piece = chars.slice(start, start + length).join('');
        return upper ? piece.toUpperCase() : piece;
      });
    const query = fc
      .oneof(cut, text(1, 3))
      .map((q) => q.trim())
      .filter((q) => q.length > 0);
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const found = await listVisibleCustomers(
          database.db,
          actor,
          ListCustomersQuery.parse({ q, limit: 200 }),
          undefined,
        );
        const expected = rows.filter((row) => matches(row, q)).map((row) => row.id);
        expect(found.map((row) => row.id).sort()).toEqual(expected.sort());
      }),
      { numRuns: 120, seed: 22 },
    );
    // The shapes the property must have met: Chinese of one, two and three characters, Latin of each.
    for (const q of ['张', '北京', '王小明', 'a', 'Ab', 'abc']) {
      const found = await listVisibleCustomers(
        database.db,
        actor,
        ListCustomersQuery.parse({ q, limit: 200 }),
        undefined,
      );
      expect(found.map((row) => row.id).sort()).toEqual(
        rows
          .filter((row) => matches(row, q))
          .map((row) => row.id)
          .sort(),
      );
    }
  });

  it('is found through the trigram indexes, not by reading every customer', async () => {
    const other = (await makeTenant(database.db)).admin.actor;
    await database.db.execute(sql`insert into customers (tenant_id, id, kind, name, phone)
      select ${other.tenantId}, gen_random_uuid(), 'consumer', '客户' || i, '139' || lpad(i::text, 8, '0')
      from generate_series(1, 5000) i`);
    await database.db.execute(sql`vacuum analyze customers`);
    const served = { 张: 'short', 王小: 'short', 王小明: 'whole', Acme: 'whole', '04999': 'whole' };
    for (const [q, index] of Object.entries(served)) {
      const plan = await planOf(
        database.pool,
        (db) => listVisibleCustomers(db, other, ListCustomersQuery.parse({ q }), undefined),
        { noSeqScan: true },
      );
      // (On Citus the shard's copy of an index carries the shard's number after the name.)
      expect(plan).toContain(index === 'short' ? 'customers_search_short_idx' : 'customers_search_idx');
      if (index === 'whole') expect(plan).not.toContain('customers_search_short_idx');
      expect(plan).not.toMatch(/Seq Scan on customers/);
    }
  });
});
