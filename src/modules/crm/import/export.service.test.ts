import iconv from 'iconv-lite';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createCustomer } from '../customer/customer.service.js';
import { customers } from '../customer/customer.table.js';
import { pools } from '../pool/pool.table.js';
import type { UpdateCrmSettingsInput } from '../settings/crm-settings.contract.js';
import { updateCrmSettings } from '../settings/crm-settings.service.js';
import { decodeCsv } from './csv-decode.js';
import { parseCsvRecords } from './csv-rows.js';
import { exportCustomers, type CsvExport } from './export.service.js';
import { ExportQuery } from './import.contract.js';
import { importCustomers } from './import.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-02T02:00:00Z');
const deps = () => ({ db: database.db, clock });
const query = (q: Partial<ExportQuery> = {}) => ExportQuery.parse(q);

async function bytesOf(file: CsvExport): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.chunks) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function exported(actor: Actor, q: Partial<ExportQuery> = {}) {
  const bytes = await bytesOf(await exportCustomers(deps(), actor, query(q)));
  const { headers, rows } = parseCsvRecords(decodeCsv(bytes).text);
  return {
    bytes,
    headers,
    rows: rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row.values[i] ?? '']))),
  };
}

async function addPool(tenantId: string, name: string): Promise<string> {
  const id = newId();
  await database.db.insert(pools).values({ tenantId, id, name, createdAt: clock.now() });
  return id;
}

describe('exporting customers', () => {
  it('exports what the caller may see: a rep gets their own and the pool customers', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const colleague = await makeUser(database.db, tenant, 'sales_rep');
    const poolId = await addPool(tenant.id, '公海');
    await createCustomer(deps(), rep.actor, { kind: 'consumer', name: '我的客户' });
    await createCustomer(deps(), colleague.actor, { kind: 'consumer', name: '同事的客户' });
    await createCustomer(deps(), admin.actor, { kind: 'business', name: '公海企业', poolId });
    const mine = await exported(rep.actor);
    expect(mine.rows.map((row) => [row.name, row.owner, row.pool])).toEqual([
      ['公海企业', '', '公海'],
      ['我的客户', rep.email, ''],
    ]);
    expect((await exported(admin.actor)).rows).toHaveLength(3);
    expect((await exported(admin.actor, { kind: 'business' })).rows.map((row) => row.name)).toEqual([
      '公海企业',
    ]);
    expect((await exported(admin.actor, { q: '客户' })).rows).toHaveLength(2);
    const marketer = await makeUser(database.db, tenant, 'service_agent');
    await expect(exportCustomers(deps(), marketer.actor, query())).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('refuses an export for a purpose when no consent filter is wired, rather than leave nobody out', async () => {
    const { admin } = await makeTenant(database.db);
    await expect(exportCustomers(deps(), admin.actor, query({ purpose: 'marketing' }))).rejects.toMatchObject(
      {
        code: 'crm.export.consent_unavailable',
      },
    );
  });

  it('writes UTF-8 with a byte order mark by default, plain UTF-8 or GB18030 on request, page by page', async () => {
    const { admin } = await makeTenant(database.db);
    const lines = ['kind,name,phone'];
    for (let i = 0; i < 1003; i++) lines.push(`consumer,客户${i},1380000${String(i).padStart(4, '0')}`);
    expect(await importCustomers(deps(), admin.actor, Buffer.from(lines.join('\n')))).toMatchObject({
      created: 1003,
    });

    const file = await exportCustomers(deps(), admin.actor, query());
    expect(file).toMatchObject({
      filename: 'customers-2026-03-02.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    const bom = await bytesOf(file);
    expect(file.count()).toBe(1003);
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // One byte order mark, one header, every customer once.
    const text = bom.subarray(3).toString('utf8');
    expect(text.match(/\ufeff/g)).toBeNull();
    expect(text.match(/^id,kind,name,/gm)).toHaveLength(1);
    const { rows } = parseCsvRecords(text);
    expect(new Set(rows.map((row) => row.values[0])).size).toBe(1003);

    const plain = await bytesOf(await exportCustomers(deps(), admin.actor, query({ encoding: 'utf-8' })));
    expect(plain.equals(bom.subarray(3))).toBe(true);
    const gb = await exportCustomers(deps(), admin.actor, query({ encoding: 'gb18030' }));
    expect(gb.contentType).toBe('text/csv; charset=gb18030');
    expect(iconv.decode(await bytesOf(gb), 'gb18030')).toBe(text);
  });

  it('imports its own export into another tenant as the same customers', async () => {
    const a = await makeTenant(database.db);
    const b = await makeTenant(database.db);
    const rep = await makeUser(database.db, a.tenant, 'sales_rep');
    await makeUser(database.db, b.tenant, 'sales_rep', { email: rep.email });
    await makeUser(database.db, b.tenant, 'admin', { email: a.admin.email });
    const settings: UpdateCrmSettingsInput = {
      customFields: [
        { key: 'level', label: '级别', type: 'select', options: ['金牌', '银牌'] },
        { key: 'seats', label: 'Seats', type: 'number' },
        { key: 'renewal', label: 'Renewal', type: 'date' },
        { key: 'vipCard', label: 'VIP card', type: 'boolean', kinds: ['consumer'] },
      ],
    };
    await updateCrmSettings(deps(), a.admin.actor, settings);
    await updateCrmSettings(deps(), b.admin.actor, settings);
    const poolA = await addPool(a.tenant.id, '华东公海');
    await addPool(b.tenant.id, '华东公海');

    const parent = await createCustomer(deps(), rep.actor, {
      kind: 'business',
      name: '深圳云帆科技有限公司',
      uscc: '91440300MA5FXXXX1Y',
      industry: 'software',
      size: 'medium',
      region: '广东',
      intentTier: 'A',
      valueTier: 'svip',
      budget: 'confirmed',
      need: 'recorded',
      externalId: 'SF-001',
      tags: ['key account', '华南', 'q"uote\\slash {x}'],
      customFields: { level: '金牌', seats: 120, renewal: '2026-09-30' },
    });
    await createCustomer(deps(), rep.actor, {
      kind: 'business',
      name: '云帆（北京）分公司',
      parentId: parent.id,
      phone: '010-1234 5678',
      source: '=HYPERLINK("http://x")',
      objection: 'price, "too high"\nwants a discount',
      locked: true,
    });
    await createCustomer(deps(), a.admin.actor, {
      kind: 'government',
      name: '杭州市教育局',
      agencyLevel: 'municipal',
      procurementMode: 'public_tender',
      satisfactionTier: 'B',
      poolId: poolA,
    });
    const consumer = await createCustomer(deps(), rep.actor, {
      kind: 'consumer',
      name: 'Emma Chen',
      phone: '+86 138 0013 8000',
      email: 'emma@example.com',
      wechatId: 'emma_c',
      motive: 'deal_driven',
      persona: 'discount_chaser',
      refused: true,
      source: 'WeChat ad',
      customFields: { vipCard: true },
    });
    await database.db
      .update(customers)
      .set({ lastFollowUpAt: new Date('2026-02-14T06:30:00Z') })
      .where(and(eq(customers.tenantId, a.tenant.id), eq(customers.id, consumer.id)));

    const fromA = await exported(a.admin.actor);
    const report = await importCustomers(deps(), b.admin.actor, fromA.bytes);
    expect(report).toMatchObject({ created: 4, updated: 0, duplicates: [], rejected: [], unmapped: [] });
    const fromB = await exported(b.admin.actor);
    expect(fromB.bytes.equals(fromA.bytes)).toBe(true);
    // A cell a spreadsheet would run is defused in the file and restored by the import.
    expect(fromA.bytes.toString('utf8')).toContain(`'=HYPERLINK`);
    expect(fromB.rows.find((row) => row.phone === '010-1234 5678')?.source).toBe(`'=HYPERLINK("http://x")`);
    const [branch] = await database.db
      .select()
      .from(customers)
      .where(and(eq(customers.tenantId, b.tenant.id), eq(customers.phone, '010-1234 5678')));
    expect(branch).toMatchObject({ source: '=HYPERLINK("http://x")', parentId: parent.id, locked: true });
    expect(fromB.rows.find((row) => row.name === 'Emma Chen')).toMatchObject({
      tags: '',
      'custom.vipCard': 'true',
      lastFollowUpAt: '2026-02-14T06:30:00.000Z',
      owner: rep.email,
    });

    // The same file again updates them all: the ids are theirs now.
    const again = await importCustomers(deps(), b.admin.actor, fromA.bytes);
    expect(again).toMatchObject({ created: 0, updated: 4, duplicates: [], rejected: [] });
    // A rep updates their own; the pool customer stays read-only to them until claimed.
    const repB = { ...rep.actor, tenantId: b.tenant.id, tenantSlug: b.tenant.slug };
    const byRep = await importCustomers(deps(), repB, fromA.bytes);
    expect(byRep).toMatchObject({ created: 0, updated: 3 });
    expect(byRep.rejected).toEqual([
      {
        row: expect.any(Number),
        field: 'id',
        message: 'this customer is in a pool: claim it before updating it',
      },
    ]);
  });
});
