import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.js';
import { DealQuery, listCustomers, ListCustomersQuery, listDeals } from '../modules/crm/index.js';
import { getWarehouseByCode, rebuildStock } from '../modules/warehouse/index.js';
import { actorForMember, signIn, systemActor } from '../modules/access/index.js';
import { systemClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { DEMO_LOGIN, isEmptyInstall, seedDemo } from './demo.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('demo tenant', () => {
  it('is created once, with a working admin login and 200+ customers of all three kinds in Chinese and English', async () => {
    expect(await isEmptyInstall(database.db)).toBe(true);
    expect(await seedDemo(database.db, systemClock)).toBe(true);
    expect(await seedDemo(database.db, systemClock)).toBe(false);
    expect(await isEmptyInstall(database.db)).toBe(false);

    const session = await signIn(database.db, systemClock, {
      email: DEMO_LOGIN.email,
      password: DEMO_LOGIN.password,
    });
    const actor = (await actorForMember(
      database.db,
      { id: session.actor.tenantId, slug: 'demo' },
      session.actor.userId!,
      'session',
    ))!;
    const names: string[] = [];
    const kinds = new Set<string>();
    let after: string | undefined;
    do {
      const page = await listCustomers(
        { db: database.db, clock: systemClock },
        actor,
        ListCustomersQuery.parse({ limit: 200, after }),
      );
      page.items.forEach((c) => (names.push(c.name), kinds.add(c.kind)));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(names.length).toBeGreaterThanOrEqual(200);
    expect([...kinds].sort()).toEqual(['business', 'consumer', 'government']);
    expect(names.filter((n) => /[\u4e00-\u9fff]/.test(n)).length).toBeGreaterThan(50);
    expect(names.filter((n) => /^[A-Za-z]/.test(n)).length).toBeGreaterThan(30);
    const deals = await listDeals(
      { db: database.db, clock: systemClock },
      actor,
      DealQuery.parse({ limit: 200 }),
    );
    expect(new Set(deals.items.map((d) => d.outcome))).toEqual(new Set(['open', 'won', 'lost']));
  });

  it('gives the customers with deals every account lifecycle stage, each moved by its deals', async () => {
    const { rows } = await database.db.execute<{ stage: string; manual: number }>(sql`
      select l.stage, count(c.customer_id)::int as manual
        from customer_lifecycles l
        left join customer_lifecycle_changes c
          on c.tenant_id = l.tenant_id and c.customer_id = l.customer_id and c.source <> 'deal'
       group by l.tenant_id, l.customer_id, l.stage`);
    expect(new Set(rows.map((row) => row.stage))).toEqual(
      new Set(['first_contact', 'poc', 'in_use', 'expansion']),
    );
    expect(rows.every((row) => row.manual === 0)).toBe(true);
  });

  it('has touchpoints from three sources, with signed-in visitors linked to CRM contacts and their accounts', async () => {
    const { rows } = await database.db.execute<{
      sources: number;
      events: number;
      linked: number;
      accounts: number;
    }>(sql`
      select (select count(*)::int from sources where kind <> 'system') as sources,
             (select count(*)::int from events) as events,
             (select count(*)::int from persons where crm_person_id is not null) as linked,
             (select count(distinct customer_id)::int from person_accounts) as accounts`);
    const counts = rows[0]!;
    expect(counts.sources).toBe(3);
    expect(counts.events).toBeGreaterThan(400);
    expect(counts.linked).toBeGreaterThan(30);
    expect(counts.accounts).toBeGreaterThan(20);
  });

  it('has a warehouse with stock in lots, every outbound type in the pool, shipped orders and a clean ledger', async () => {
    const { rows } = await database.db.execute<{ type: string; status: string; n: number }>(sql`
      select type, status, count(*)::int as n from outbound_orders group by type, status`);
    expect(new Set(rows.map((row) => row.type))).toEqual(
      new Set(['sales', 'return_to_supplier', 'requisition', 'scrap', 'transfer']),
    );
    expect(rows.some((row) => row.status === 'shipped')).toBe(true);
    expect(rows.some((row) => row.status === 'allocated' || row.status === 'partially_allocated')).toBe(true);
    const { rows: stock } = await database.db.execute<{ rows: number; lots: number }>(sql`
      select count(*)::int as rows, count(distinct lot_id)::int as lots from stock where on_hand > 0`);
    expect(stock[0]!.rows).toBeGreaterThan(40);
    expect(stock[0]!.lots).toBeGreaterThan(20);
    const [tenant] = (
      await database.db.execute<{ id: string }>(sql`select id from tenants where slug = 'demo'`)
    ).rows;
    const admin = systemActor(tenant!.id, 'demo');
    for (const code of ['HZ1', 'SH1']) {
      const warehouse = await getWarehouseByCode({ db: database.db }, admin, code);
      const report = await rebuildStock({ db: database.db, clock: systemClock }, admin, warehouse.id, {
        repair: false,
      });
      expect(report.differences).toEqual([]);
      expect(report.reservationDifferences).toBe(0);
    }
  });
});
