import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { DAY_MS, systemClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { pools } from '../pool/pool.table.js';
import { ListCustomersQuery, type Customer } from './customer.contract.js';
import { updateCustomerRow } from './customer.repository.js';
import { createCustomer, listCustomers, summarizeCustomers } from './customer.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const deps = () => ({ db: database.db, clock: systemClock });
type ActorOf = Parameters<typeof listCustomers>[1];

async function everyPage(actor: ActorOf, filters: Record<string, unknown>): Promise<Customer[]> {
  const seen: Customer[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listCustomers(
      deps(),
      actor,
      ListCustomersQuery.parse({ ...filters, limit: 3, after }),
    );
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    after = page.nextCursor;
  }
  throw new Error('too many pages');
}

describe('customer list', () => {
  it('sorts by last follow-up, never-followed-up last, and pages through each customer once', async () => {
    const { admin } = await makeTenant(database.db);
    const days = [5, null, 1, 5, 30, null, 2, 5];
    const made: { id: string; at: Date | null }[] = [];
    for (const [i, day] of days.entries()) {
      const c = await createCustomer(deps(), admin.actor, { kind: 'consumer', name: `P${i}` });
      const at = day === null ? null : new Date(Date.UTC(2026, 9, 1) - day * DAY_MS);
      await updateCustomerRow(database.db, admin.actor, c.id, { lastFollowUpAt: at });
      made.push({ id: c.id, at });
    }
    const expected = [...made]
      .sort((a, b) => {
        if (a.at && b.at) return b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id);
        if (a.at) return -1;
        if (b.at) return 1;
        return b.id.localeCompare(a.id);
      })
      .map((c) => c.id);
    const seen = await everyPage(admin.actor, { sort: 'lastFollowUp' });
    expect(seen.map((c) => c.id)).toEqual(expected);
  });

  it('refuses a cursor that does not belong to the sort', async () => {
    const { admin } = await makeTenant(database.db);
    await expect(
      listCustomers(
        deps(),
        admin.actor,
        ListCustomersQuery.parse({ sort: 'lastFollowUp', after: 'garbage' }),
      ),
    ).rejects.toMatchObject({ code: 'crm.customer.cursor_invalid', issues: [{ path: 'after' }] });
    await expect(
      listCustomers(deps(), admin.actor, ListCustomersQuery.parse({ after: 'not-a-uuid' })),
    ).rejects.toMatchObject({ code: 'crm.customer.cursor_invalid' });
  });

  it('filters by tiers (with none), value tier, owner, ownership, pool and tag, and counts facets', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const poolId = newId();
    await database.db
      .insert(pools)
      .values({ tenantId: tenant.id, id: poolId, name: '华东公海', isDefault: true, createdAt: new Date() });
    const a = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: 'A',
      intentTier: 'A',
      valueTier: 'svip',
      tags: ['key'],
    });
    const b = await createCustomer(deps(), rep.actor, { kind: 'business', name: 'B', intentTier: 'B' });
    const none = await createCustomer(deps(), admin.actor, { kind: 'consumer', name: 'N' });
    const pooled = await createCustomer(deps(), admin.actor, {
      kind: 'government',
      name: 'P',
      intentTier: 'C',
      poolId,
    });
    const names = async (filters: Record<string, unknown>, actor: ActorOf = admin.actor) =>
      (await everyPage(actor, filters)).map((c) => c.name).sort();
    expect(await names({ intentTier: 'A,B' })).toEqual(['A', 'B']);
    expect(await names({ intentTier: 'none' })).toEqual(['N']);
    expect(await names({ intentTier: 'A,none' })).toEqual(['A', 'N']);
    expect(await names({ valueTier: 'svip' })).toEqual(['A']);
    expect(await names({ ownerUserId: rep.id })).toEqual(['B']);
    expect(await names({ ownership: 'pool' })).toEqual(['P']);
    expect(await names({ ownership: 'owned' })).toEqual(['A', 'B', 'N']);
    expect(await names({ poolId })).toEqual(['P']);
    expect(await names({ tag: 'key' })).toEqual(['A']);
    expect(pooled).toMatchObject({ poolId, ownerUserId: null, teamId: null, receivedAt: null });
    expect([a.ownerUserId, b.ownerUserId, none.ownerUserId]).toEqual([admin.id, rep.id, admin.id]);

    // A sales rep sees their own customers and the pools, nothing else.
    expect(await names({}, rep.actor)).toEqual(['B', 'P']);
    expect(await names({ ownership: 'pool' }, rep.actor)).toEqual(['P']);

    const summary = await summarizeCustomers(deps(), admin.actor, {
      intentTier: ['A', 'B'],
      kind: 'business',
    });
    expect(summary).toEqual({
      total: 2,
      byKind: { business: 2, consumer: 0, government: 0 },
      byIntentTier: { A: 1, B: 1, C: 0, D: 0, none: 0 },
    });
    expect(await summarizeCustomers(deps(), rep.actor, {})).toMatchObject({
      total: 2,
      byIntentTier: { B: 1, C: 1 },
    });
  });
});
