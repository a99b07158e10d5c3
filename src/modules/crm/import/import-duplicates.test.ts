import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { createCustomer } from '../customer/customer.service.js';
import { customers } from '../customer/customer.table.js';
import { listPoolMoves } from '../customer/ownership.repository.js';
import { updateCrmSettings } from '../settings/crm-settings.service.js';
import { listTierChanges } from '../customer/tier-history.repository.js';
import { importCustomers } from './import.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-02T02:00:00Z');
const deps = () => ({ db: database.db, clock });
const utf8 = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');
const all = async (tenantId: string) =>
  database.db
    .select()
    .from(customers)
    .where(eq(customers.tenantId, tenantId))
    .orderBy(customers.createdAt, customers.id);
const count = async (tenantId: string) => (await all(tenantId)).length;
const idOfLine = async (tenantId: string, name: string) =>
  (await all(tenantId)).find((row) => row.name === name)!.id;

describe('duplicates in an import', () => {
  it('finds rows repeating an earlier row of the file, across batches, and follows the tenant policy', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const file = utf8([
      'kind,name,phone,email',
      'consumer,张三,13800138000,',
      'consumer,李四,13900139000,li@x.cn',
      'consumer,张三丰,+86 138 0013 8000,',
      'business,,, ',
      'consumer,Li Si,,LI@X.CN',
    ]);
    const blocked = await importCustomers(deps(), admin.actor, file, { chunkSize: 2 });
    const zhang = await idOfLine(tenant.id, '张三');
    const li = await idOfLine(tenant.id, '李四');
    expect(blocked).toMatchObject({ created: 2, rejectedRows: 1 });
    expect(blocked.duplicates).toEqual([
      {
        row: 4,
        candidateIds: [zhang],
        candidates: [{ id: zhang, name: '张三' }],
        candidateRows: [2],
        matchedOn: ['phone'],
        outcome: 'skipped',
        customerId: null,
      },
      {
        row: 6,
        candidateIds: [li],
        candidates: [{ id: li, name: '李四' }],
        candidateRows: [3],
        matchedOn: ['email'],
        outcome: 'skipped',
        customerId: null,
      },
    ]);

    // The same file again: now every row duplicates an existing customer.
    await updateCrmSettings(deps(), admin.actor, { duplicatePolicy: { create: 'block', import: 'warn' } });
    const warned = await importCustomers(deps(), admin.actor, file);
    expect(warned.created).toBe(4);
    expect(warned.duplicates.map((d) => [d.row, d.candidateIds.length, d.outcome])).toEqual([
      [2, 1, 'created'],
      [3, 1, 'created'],
      [4, 2, 'created'],
      [6, 2, 'created'],
    ]);
    expect(warned.duplicates[0]).toMatchObject({
      candidateIds: [zhang],
      candidateRows: [],
      customerId: expect.any(String),
    });
    expect(await count(tenant.id)).toBe(6);
  });

  it('creates anyway or updates the one match when asked', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const existing = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: '华为技术（深圳）有限公司',
      region: '广东',
    });
    const file = utf8([
      'kind,name,phone,industry,intentTier',
      'business,华为技术(深圳)有限公司,13800138000,通信,A',
      'business,杭州一号有限公司,13500135000,,',
      'business,杭州一号 有限责任公司,,软件,',
      'business,杭州一号,,,B',
    ]);
    const updated = await importCustomers(deps(), admin.actor, file, { onDuplicate: 'update', chunkSize: 3 });
    expect(updated).toMatchObject({ created: 1, updated: 3, rejected: [] });
    const hangzhou = (await all(tenant.id)).find((row) => row.phone === '13500135000')!.id;
    expect(updated.duplicates).toEqual([
      {
        row: 2,
        candidateIds: [existing.id],
        candidates: [{ id: existing.id, name: '华为技术（深圳）有限公司' }],
        candidateRows: [],
        matchedOn: ['name'],
        outcome: 'updated',
        customerId: existing.id,
      },
      {
        row: 4,
        candidateIds: [hangzhou],
        candidates: [{ id: hangzhou, name: '杭州一号有限公司' }],
        candidateRows: [3],
        matchedOn: ['name'],
        outcome: 'updated',
        customerId: hangzhou,
      },
      {
        row: 5,
        candidateIds: [hangzhou],
        candidates: [{ id: hangzhou, name: '杭州一号有限公司' }],
        candidateRows: [3],
        matchedOn: ['name'],
        outcome: 'updated',
        customerId: hangzhou,
      },
    ]);
    const rows = await all(tenant.id);
    expect(rows.map((r) => [r.name, r.region, r.industry, r.phone, r.intentTier])).toEqual([
      ['华为技术(深圳)有限公司', '广东', '通信', '13800138000', 'A'],
      ['杭州一号', null, '软件', '13500135000', 'B'],
    ]);
    expect(rows[0]!.phoneKey).toBe('+8613800138000');
    const tiers = await listTierChanges(database.db, tenant.id, hangzhou);
    expect(tiers.map((c) => [c.fromTier, c.toTier, c.source])).toEqual([[null, 'B', 'import']]);

    const created = await importCustomers(deps(), admin.actor, file, { onDuplicate: 'create' });
    expect(created).toMatchObject({ created: 4, updated: 0 });
    expect(created.duplicates.map((d) => d.outcome)).toEqual(['created', 'created', 'created', 'created']);
  });

  it('updates customers named by id or external id, within the scope of the importing user', async () => {
    const { tenant } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const other = await makeUser(database.db, tenant, 'sales_rep');
    const mine = await createCustomer(deps(), rep.actor, {
      kind: 'consumer',
      name: 'Mine',
      externalId: 'ERP-1',
    });
    const theirs = await createCustomer(deps(), other.actor, {
      kind: 'consumer',
      name: 'Theirs',
      externalId: 'ERP-2',
    });
    const third = await createCustomer(deps(), rep.actor, {
      kind: 'consumer',
      name: 'Third',
      externalId: 'ERP-3',
    });
    const file = utf8([
      'id,externalId,name,region,intentTier,kind,tags',
      `${mine.id},,Mine Renamed,,A,business,vip;华东`,
      ',ERP-1,,上海,,,',
      ',ERP-2,,北京,,,',
      `${theirs.id},ERP-3,,,,,`,
      '12345,,Someone,,,consumer,',
    ]);
    const report = await importCustomers(deps(), rep.actor, file);
    expect(report).toMatchObject({ created: 0, updated: 1 });
    expect(report.rejected).toEqual([
      { row: 3, field: 'externalId', message: 'the same customer is on line 2 already' },
      { row: 4, field: 'externalId', message: 'names a customer outside your scope' },
      { row: 5, field: 'externalId', message: `belongs to another customer (${third.id})` },
      { row: 6, field: 'id', message: expect.stringContaining('externalId') },
    ]);
    const [row] = await database.db
      .select()
      .from(customers)
      .where(and(eq(customers.tenantId, tenant.id), eq(customers.id, mine.id)));
    // Kind, owner and pool do not change through an import.
    expect(row).toMatchObject({
      name: 'Mine Renamed',
      kind: 'consumer',
      intentTier: 'A',
      tags: ['vip', '华东'],
      ownerUserId: rep.id,
    });
    expect((await listTierChanges(database.db, tenant.id, mine.id)).map((c) => [c.toTier, c.source])).toEqual(
      [['A', 'import']],
    );

    const again = await importCustomers(deps(), rep.actor, utf8(['externalId,region', 'ERP-1,上海']));
    expect(again).toMatchObject({ updated: 1, rejected: [] });
  });
});

describe('import batches', () => {
  it('rejects only the row the database refuses, and writes nothing on a dry run', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const names = ['甲', '乙', 'BOOM', '丁', '戊'];
    const file = utf8(['kind,name,intentTier', ...names.map((name) => `consumer,${name},B`)]);

    const dry = await importCustomers(deps(), admin.actor, file, { dryRun: true });
    expect(dry).toMatchObject({ created: 5, dryRun: true, rejected: [] });
    expect(await count(tenant.id)).toBe(0);

    // A check constraint stands in for what only the database can know (say, an external id taken
    // meanwhile); not a trigger, which Citus does not run on sharded tables.
    await database.db.execute(
      sql`alter table customers add constraint kehu_test_boom check (name <> 'BOOM') not valid`,
    );
    try {
      const progress: [number, number][] = [];
      const report = await importCustomers(deps(), admin.actor, file, { chunkSize: 2 }, (done, total) =>
        progress.push([done, total]),
      );
      expect(progress).toEqual([
        [2, 5],
        [4, 5],
        [5, 5],
      ]);
      expect(report).toMatchObject({ created: 4, rejectedRows: 1 });
      expect(report.rejected).toEqual([
        { row: 4, field: 'row', message: expect.stringContaining('kehu_test_boom') },
      ]);
      const rows = await all(tenant.id);
      expect(rows.map((r) => r.name)).toEqual(['甲', '乙', '丁', '戊']);
      for (const row of rows) {
        expect(await listTierChanges(database.db, tenant.id, row.id)).toHaveLength(1);
        expect(await listPoolMoves(database.db, tenant.id, row.id)).toHaveLength(1);
      }
    } finally {
      await database.db.execute(sql`alter table customers drop constraint kehu_test_boom`);
    }
  });

  it('reads kinds from a default, a column, or the name', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const actor: Actor = admin.actor;
    const report = await importCustomers(deps(), actor, utf8(['name,kind', 'Ada,', 'Bureau,government']), {
      kind: 'consumer',
    });
    expect(report.created).toBe(2);
    expect((await all(tenant.id)).map((r) => [r.name, r.kind])).toEqual([
      ['Ada', 'consumer'],
      ['Bureau', 'government'],
    ]);
    const noKind = await importCustomers(deps(), actor, utf8(['name', 'Nobody']));
    expect(noKind.rejected).toEqual([
      { row: 2, field: 'kind', message: expect.stringContaining('default kind') },
    ]);
  });
});
