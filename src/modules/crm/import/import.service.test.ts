import iconv from 'iconv-lite';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeApiKey, makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { actorFromApiKey, addUser } from '../../access/index.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { customers } from '../customer/customer.table.js';
import { listPoolMoves } from '../customer/ownership.repository.js';
import { pools } from '../pool/pool.table.js';
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
const utf8 = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const rowsOf = async (tenantId: string) =>
  database.db.select().from(customers).where(eq(customers.tenantId, tenantId)).orderBy(customers.name);

/** A file with one good row per kind and one broken row per rule, in the given encoding. */
function mixedFile(ownerEmail: string, encode: (text: string) => Buffer): Buffer {
  const lines = [
    'kind,name,phone,email,uscc,intentTier,owner,agencyLevel,valueTier',
    `business,深圳云帆科技有限公司,0755-8888 1234,yunfan@example.cn,91440300MA5FXXXX1Y,A类,${ownerEmail},,VIP`,
    '个人,王小明,13800138000,not-an-email,,,,,',
    'business,北京错码科技有限公司,,,911100001234567890,B,,,',
    'consumer,李华,13900139000,,,E,,,',
    'consumer,,13700137000,,,,,,',
    'government,杭州市教育局,,,,,nobody@nowhere.cn,,',
    'business,,,bad-email,,Z,,,',
    'consumer,赵六,,,,,,省级,',
    '政府,上海市档案馆,,,,c,,省级,钻石',
    '政府,上海市档案局,,,,c,,省级,standard',
  ];
  return encode(lines.join('\r\n') + '\r\n');
}

const ENCODINGS = [
  ['utf-8', (text: string) => Buffer.from(text, 'utf8')],
  ['utf-8-bom', (text: string) => Buffer.from(`\ufeff${text}`, 'utf8')],
  ['gb18030', (text: string) => iconv.encode(text, 'gb18030')],
] as const;

describe('importing customers', () => {
  it.each(ENCODINGS)('reports every row of a %s file and imports the good ones', async (encoding, encode) => {
    const { tenant, admin } = await makeTenant(database.db);
    const report = await importCustomers(deps(), admin.actor, mixedFile(admin.email, encode));
    expect(report.encoding).toBe(encoding);
    expect(report).toMatchObject({ created: 2, updated: 0, duplicates: [], rows: 10, rejectedRows: 8 });
    expect(report.rejected).toEqual([
      { row: 3, field: 'email', message: expect.stringMatching(/email/i) },
      { row: 4, field: 'uscc', message: expect.stringContaining('check character') },
      { row: 5, field: 'intentTier', message: expect.stringContaining('"E" is not an intent tier') },
      { row: 6, field: 'name', message: 'required' },
      { row: 7, field: 'owner', message: expect.stringContaining('nobody@nowhere.cn') },
      // Every problem of a row, the missing name included.
      { row: 8, field: 'name', message: 'required' },
      { row: 8, field: 'intentTier', message: expect.stringContaining('"Z" is not an intent tier') },
      { row: 8, field: 'email', message: expect.stringMatching(/email/i) },
      { row: 9, field: 'agencyLevel', message: 'only government customers have this field' },
      { row: 10, field: 'valueTier', message: expect.stringContaining('"钻石"') },
    ]);
    const rows = await rowsOf(tenant.id);
    expect(rows.map((r) => [r.kind, r.name, r.intentTier, r.valueTier, r.agencyLevel])).toEqual([
      ['government', '上海市档案局', 'C', 'standard', 'provincial'],
      ['business', '深圳云帆科技有限公司', 'A', 'vip', null],
    ]);
    const business = rows[1]!;
    expect(business).toMatchObject({
      ownerUserId: admin.id,
      receivedAt: clock.now(),
      phoneKey: '+8675588881234',
    });
    expect(business.nameKey).toBe('深圳云帆科技');
    const tiers = await listTierChanges(database.db, tenant.id, business.id);
    expect(tiers.map((c) => [c.dimension, c.toTier, c.source, c.reason])).toEqual([
      ['intent', 'A', 'import', 'imported from line 2'],
      ['value', 'vip', 'import', 'imported from line 2'],
    ]);
    const moves = await listPoolMoves(database.db, tenant.id, business.id);
    expect(moves).toMatchObject([{ action: 'import', toUserId: admin.id, actorUserId: admin.id }]);
  });

  it('maps a HubSpot contacts export: people are consumers, a company name makes a business', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const file = utf8([
      'Record ID,First Name,Last Name,Email,Phone Number,Company Name,Contact owner,Lifecycle Stage,Create Date',
      `5101,Emma,Chen,Emma.Chen@Example.com,+86 138 0013 8001,,${rep.email},lead,2024-03-05 09:30`,
      `5102,小明,王,xiaoming@example.cn,13800138002,深圳云帆科技有限公司,${rep.email},customer,2024/3/6`,
    ]);
    const report = await importCustomers(deps(), admin.actor, file);
    expect(report).toMatchObject({
      created: 2,
      rejected: [],
      unmapped: ['Lifecycle Stage'],
      missingRequired: [],
    });
    expect(report.columns.map((c) => c.target)).toEqual([
      'externalId',
      'firstName',
      'lastName',
      'email',
      'phone',
      'companyName',
      'owner',
      null,
      'createdAt',
    ]);
    const rows = await rowsOf(tenant.id);
    expect(
      rows.map((r) => [r.kind, r.name, r.email, r.externalId, r.ownerUserId, r.createdAt.toISOString()]),
    ).toEqual([
      ['consumer', 'Emma Chen', 'emma.chen@example.com', '5101', rep.id, '2024-03-05T01:30:00.000Z'],
      ['business', '深圳云帆科技有限公司', 'xiaoming@example.cn', '5102', rep.id, '2024-03-05T16:00:00.000Z'],
    ]);
  });

  it('maps a Salesforce accounts export, naming owners by their name', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const jane = await addUser(database.db, tenant.id, {
      email: `jane-${newId()}@acme.test`,
      name: 'Jane Doe',
      password: 'correct-horse-battery',
      role: 'sales_rep',
    });
    const file = utf8([
      'Account ID,Account Name,Type,Industry,Billing State/Province,Phone,Website,Account Owner,Created Date',
      '0015g00000AbCdE,"Acme Co., Ltd.",Customer,Manufacturing,Guangdong,+86 20 8888 1234,acme.example,Jane Doe,2023-11-02',
      '0015g00000AbCdF,Globex Corporation,Prospect,Energy,Shanghai,,globex.example,John Smith,2023-11-03',
    ]);
    const report = await importCustomers(deps(), admin.actor, file);
    expect(report).toMatchObject({ created: 1, unmapped: ['Type', 'Website'] });
    expect(report.rejected).toEqual([
      { row: 3, field: 'owner', message: expect.stringContaining('"John Smith"') },
    ]);
    const [acme] = await rowsOf(tenant.id);
    expect(acme).toMatchObject({
      kind: 'business',
      name: 'Acme Co., Ltd.',
      nameKey: 'acme',
      industry: 'Manufacturing',
      region: 'Guangdong',
      externalId: '0015g00000AbCdE',
      ownerUserId: jane.id,
    });
  });

  it('puts rows in pools by name, reads custom fields by label, and needs an owner or a pool', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const poolId = newId();
    await database.db
      .insert(pools)
      .values({ tenantId: tenant.id, id: poolId, name: '华南公海', createdAt: clock.now() });
    await updateCrmSettings(deps(), admin.actor, {
      customFields: [
        { key: 'level', label: '客户级别', type: 'select', options: ['金牌', '银牌'] },
        { key: 'employees', label: 'Employees', type: 'number' },
      ],
    });
    const file = utf8([
      'kind,name,pool,owner,客户级别,custom.employees,custom.shoeSize',
      'business,广州一号有限公司,华南公海,,金牌,"1,200",42',
      'business,广州二号有限公司,华北公海,,银牌,,',
      'business,广州三号有限公司,华南公海,' + admin.email + ',,,',
      'business,广州四号有限公司,,,铜牌,many,',
    ]);
    const report = await importCustomers(deps(), admin.actor, file);
    expect(report.unmapped).toEqual(['custom.shoeSize']);
    expect(report.rejected).toEqual([
      { row: 3, field: 'pool', message: 'no pool named "华北公海"' },
      { row: 4, field: 'pool', message: expect.stringContaining('not both') },
      { row: 5, field: 'custom.level', message: expect.stringContaining('"铜牌"') },
      { row: 5, field: 'custom.employees', message: '"many" is not a number' },
    ]);
    const [one] = await rowsOf(tenant.id);
    expect(one).toMatchObject({
      poolId,
      ownerUserId: null,
      receivedAt: null,
      customFields: { level: '金牌', employees: 1200 },
    });
    expect(await listPoolMoves(database.db, tenant.id, one!.id)).toMatchObject([
      { action: 'import', toPoolId: poolId },
    ]);

    // An API key has no user to own rows: they go to the default pool, or are rejected without one.
    const key = (await actorFromApiKey(
      database.db,
      clock,
      await makeApiKey(database.db, tenant.id, 'sales_manager'),
    ))!;
    const keyed = await importCustomers(deps(), key, utf8(['kind,name,owner', 'consumer,Key Person,']));
    expect(keyed.rejected).toEqual([
      { row: 2, field: 'owner', message: expect.stringContaining('no owner') },
    ]);
    await expect(
      importCustomers(deps(), key, utf8(['kind,name', 'consumer,Key Person'])),
    ).rejects.toMatchObject({
      code: 'crm.import.option_invalid',
      issues: [{ path: 'owner', message: expect.stringContaining('default owner or pool') }],
    });
    await database.db
      .update(pools)
      .set({ isDefault: true })
      .where(and(eq(pools.tenantId, tenant.id), eq(pools.id, poolId)));
    expect(await importCustomers(deps(), key, utf8(['kind,name', 'consumer,Key Person']))).toMatchObject({
      created: 1,
    });
  });

  it('needs customers.import, and refuses unknown default owners', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const marketer = await makeUser(database.db, tenant, 'marketer');
    const file = utf8(['kind,name', 'consumer,A']);
    await expect(importCustomers(deps(), marketer.actor, file)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const error = await importCustomers(deps(), admin.actor, file, { owner: 'ghost@x.cn' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'crm.import.option_invalid', issues: [{ path: 'owner' }] });
  });
});
