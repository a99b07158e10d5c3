import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { planOf } from '../../../../test/helpers/sql-capture.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { listSurvivors } from './person-view.repository.js';
import { mergePerson, seedPerson } from './timeline-seed.test-helper.js';

// Person search (`q`, a case-insensitive prefix) is served by lower-cased `text_pattern_ops` indexes;
// these tests hold its answer to a brute force over the seeded persons and check the indexes serve it.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const char = fc.constantFrom(...'张三王小明李aAbB1_%@.');
const word = (min: number, max: number) =>
  fc.array(char, { minLength: min, maxLength: max }).map((chars) => chars.join(''));
const personSeed = fc.record({
  userId: fc.option(word(1, 5), { nil: undefined }),
  anonymousIds: fc.array(word(2, 5), { maxLength: 2 }),
  name: fc.option(word(1, 4), { nil: undefined }),
  email: fc.option(
    word(1, 3).map((local) => `${local}@x.cn`),
    { nil: undefined },
  ),
  /** Merged into an earlier person, by its position counted back. */
  mergedBack: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 3 }),
});

type Seeded = { id: string; values: string[]; own: string[]; mergedInto?: string };

describe('person search', () => {
  it('finds exactly the survivors whose userId, name, email or any id of their cluster starts with the text', async () => {
    const tenantId = newId();
    const seeds = fc.sample(personSeed, { numRuns: 80, seed: 22 });
    const people: Seeded[] = [];
    const used = new Set<string>();
    for (const seed of seeds) {
      // Identity values are unique per kind within a tenant.
      const userId = seed.userId && !used.has(`u${seed.userId}`) ? seed.userId : undefined;
      const anonymousIds = [...new Set(seed.anonymousIds)].filter((id) => !used.has(`a${id}`));
      if (userId) used.add(`u${userId}`);
      anonymousIds.forEach((id) => used.add(`a${id}`));
      const traits = {
        ...(seed.name ? { name: seed.name } : {}),
        ...(seed.email ? { email: seed.email } : {}),
      };
      const id = await seedPerson(database.db, tenantId, { userId, anonymousIds, traits });
      const own = [userId, seed.name, seed.email].filter((v): v is string => v !== undefined);
      people.push({ id, own, values: [...(userId ? [userId] : []), ...anonymousIds] });
      const into =
        seed.mergedBack && people.length > seed.mergedBack ? people.at(-1 - seed.mergedBack) : undefined;
      if (into) {
        await mergePerson(database.db, tenantId, id, into.id);
        people.at(-1)!.mergedInto = into.id;
      }
    }
    const byId = new Map(people.map((p) => [p.id, p]));
    const survivorOf = (p: Seeded): Seeded => (p.mergedInto ? survivorOf(byId.get(p.mergedInto)!) : p);
    const starts = (values: string[], q: string) =>
      values.some((value) => value.toLowerCase().startsWith(q.toLowerCase()));
    const expected = (q: string) =>
      people
        .filter((p) => !p.mergedInto)
        .filter((s) => starts(s.own, q) || people.some((p) => survivorOf(p) === s && starts(p.values, q)))
        .map((s) => s.id)
        .sort();

    const stored = people.flatMap((p) => [...p.own, ...p.values]);
    const prefix = fc
      .tuple(fc.constantFrom(...stored), fc.integer({ min: 1, max: 4 }))
      .map(([value, length]) => [...value].slice(0, length).join(''))
      .chain((q) => fc.constantFrom(q, q.toUpperCase()));
    await fc.assert(
      fc.asyncProperty(fc.oneof(prefix, word(1, 3)), async (q) => {
        const found = await listSurvivors(database.db, tenantId, { q, limit: 500 });
        expect(found.map((row) => row.id).sort()).toEqual(expected(q));
      }),
      { numRuns: 120, seed: 22 },
    );
  });

  it('is found through the search indexes, not by reading every person or identity', async () => {
    const tenantId = newId();
    await database.db.execute(sql`insert into persons (tenant_id, id, user_id, traits, first_seen_at,
        last_seen_at, created_at, updated_at)
      select ${tenantId}, gen_random_uuid(), 'u' || i, jsonb_build_object('name', '客户' || i), now(), now(), now(), now()
      from generate_series(1, 5000) i`);
    await database.db
      .execute(sql`insert into person_identities (tenant_id, kind, value, person_id, created_at)
      select tenant_id, 'user_id', user_id, id, now() from persons where tenant_id = ${tenantId}`);
    await database.db.execute(sql`analyze persons`);
    await database.db.execute(sql`analyze person_identities`);
    for (const q of ['u4999', '客户4999', 'Anna@']) {
      const plan = await planOf(database.pool, (db) => listSurvivors(db, tenantId, { q, limit: 51 }));
      for (const index of [
        'persons_user_id_search_idx',
        'persons_name_search_idx',
        'persons_email_search_idx',
      ]) {
        expect(plan).toContain(index);
      }
      expect(plan).toContain('person_identities_search_idx');
      expect(plan).not.toMatch(/Seq Scan on person/);
    }
  });
});
