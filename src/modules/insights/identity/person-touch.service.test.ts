import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { PersonTouches } from './person-touch.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const day = (d: string) => new Date(`2026-03-${d}T00:00:00Z`);

/** A person of `tenantId` first and last seen on 2026-03-10. */
async function makePerson(tenantId: string): Promise<string> {
  const id = newId();
  await database.db.execute(sql`insert into persons (tenant_id, id, traits, first_seen_at, last_seen_at,
      created_at, updated_at) values (${tenantId}, ${id}, '{}', ${day('10')}, ${day('10')}, now(), now())`);
  return id;
}

async function seenOf(tenantId: string, id: string): Promise<{ first: string; last: string }> {
  const result = await database.db.execute<{ first: string; last: string }>(sql`
    select to_char(first_seen_at at time zone 'UTC', 'YYYY-MM-DD') as first,
      to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD') as last
    from persons where tenant_id = ${tenantId} and id = ${id}`);
  return result.rows[0]!;
}

describe('PersonTouches', () => {
  it("writes every tenant's pending widening in one flush, each tenant on its own", async () => {
    const [a, b] = [(await makeTenant(database.db)).tenant.id, (await makeTenant(database.db)).tenant.id];
    const [personA, personB] = [await makePerson(a), await makePerson(b)];
    const touches = new PersonTouches(database.db);
    touches.noteSeen(a, [{ id: personA, firstSeenAt: day('05'), lastSeenAt: day('12') }]);
    touches.noteSeen(b, [{ id: personB, firstSeenAt: day('11'), lastSeenAt: day('20') }]);
    // The same id under the wrong tenant widens nothing: the tenant is part of the key.
    touches.noteSeen(b, [{ id: personA, firstSeenAt: day('01'), lastSeenAt: day('30') }]);
    await touches.close();
    expect(await seenOf(a, personA)).toEqual({ first: '2026-03-05', last: '2026-03-12' });
    expect(await seenOf(b, personB)).toEqual({ first: '2026-03-10', last: '2026-03-20' });
  });

  it('reports persons that do not exist', async () => {
    const tenantId = (await makeTenant(database.db)).tenant.id;
    let missing = 0;
    const touches = new PersonTouches(database.db, () => missing++);
    touches.noteSeen(tenantId, [{ id: newId(), firstSeenAt: day('01'), lastSeenAt: day('02') }]);
    await touches.close();
    expect(missing).toBe(1);
  });
});
