import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { systemClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { listTierChanges } from './tier-history.repository.js';
import { listPoolMoves } from '../customer/ownership.repository.js';
import { updateCrmSettings } from '../settings/crm-settings.service.js';
import { ListCustomersQuery } from './customer.contract.js';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from './customer.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const deps = () => ({ db: database.db, clock: systemClock });
const all = async (actor: Parameters<typeof listCustomers>[1]) =>
  (await listCustomers(deps(), actor, ListCustomersQuery.parse({ limit: 200 }))).items;

describe('customer field rules', () => {
  it('refuses a USCC whose check character is wrong, naming the field, and writes nothing', async () => {
    const { admin } = await makeTenant(database.db);
    await expect(
      createCustomer(deps(), admin.actor, { kind: 'business', name: 'A', uscc: '91350100M000100Y44' }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      code: 'crm.customer.invalid',
      issues: [{ path: 'uscc', message: expect.stringContaining('check character') }],
    });
    await expect(
      createCustomer(deps(), admin.actor, { kind: 'business', name: 'A', uscc: '91350100M000100O43' }),
    ).rejects.toMatchObject({ issues: [{ path: 'uscc' }] });
    expect(await all(admin.actor)).toEqual([]);
    const ok = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: '福州某某科技有限公司',
      uscc: '91350100M000100Y43',
    });
    expect(ok.uscc).toBe('91350100M000100Y43');
  });

  it('keeps kind-specific fields to their kinds', async () => {
    const { admin } = await makeTenant(database.db);
    const error = await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: '王小明',
      procurementMode: 'public_tender',
      size: 'large',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'crm.customer.invalid',
      issues: [{ path: 'size' }, { path: 'procurementMode' }],
    });
    const gov = await createCustomer(deps(), admin.actor, {
      kind: 'government',
      name: '杭州市卫生健康委员会',
      agencyLevel: 'municipal',
      procurementMode: 'public_tender',
    });
    expect(gov).toMatchObject({ procurementMode: 'public_tender', agencyLevel: 'municipal' });
    const consumer = await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: 'Lily Zhao',
      wechatId: 'lily_zh',
      motive: 'deal_driven',
    });
    expect(consumer).toMatchObject({ motive: 'deal_driven', wechatId: 'lily_zh' });
  });

  it("checks custom fields and value tiers against the tenant's definitions", async () => {
    const { admin } = await makeTenant(database.db);
    await updateCrmSettings(deps(), admin.actor, {
      valueTiers: [
        { code: 'gold', label: '金牌' },
        { code: 'silver', label: '银牌' },
      ],
      customFields: [
        { key: 'employees', label: '员工数', type: 'number' },
        { key: 'channel', label: '渠道', type: 'select', options: ['direct', 'agent'] },
        { key: 'birthday', label: '生日', type: 'date', kinds: ['consumer'] },
      ],
    });
    const bad = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: 'X',
      valueTier: 'svip',
      customFields: { employees: 'many', channel: 'phone', birthday: '2000-01-01', nope: 1 },
    }).catch((e: unknown) => e);
    expect((bad as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual([
      'customFields.birthday',
      'customFields.channel',
      'customFields.employees',
      'customFields.nope',
      'valueTier',
    ]);
    const good = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: 'X',
      valueTier: 'gold',
      customFields: { employees: 120, channel: 'agent' },
    });
    expect(good).toMatchObject({ valueTier: 'gold', customFields: { employees: 120, channel: 'agent' } });
  });

  it('records tiers given at creation in the history and the creation in the pool log', async () => {
    const { admin } = await makeTenant(database.db);
    const c = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: 'Tiered Ltd',
      intentTier: 'B',
      valueTier: 'vip',
    });
    const history = await listTierChanges(database.db, admin.actor.tenantId, c.id);
    expect(history.map((h) => [h.dimension, h.fromTier, h.toTier, h.source, h.changedByUserId])).toEqual([
      ['intent', null, 'B', 'manual', admin.id],
      ['value', null, 'vip', 'manual', admin.id],
    ]);
    const moves = await listPoolMoves(database.db, admin.actor.tenantId, c.id);
    expect(moves).toMatchObject([{ action: 'create', toUserId: admin.id, cause: 'created' }]);
  });

  it('edits the profile with the same rules and refuses a taken external id', async () => {
    const { admin } = await makeTenant(database.db);
    const a = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: 'A Co',
      externalId: 'SF-1',
    });
    const b = await createCustomer(deps(), admin.actor, { kind: 'business', name: 'B Co' });
    const edited = await updateCustomer(deps(), admin.actor, b.id, {
      phone: '010-12345678',
      budget: 'confirmed',
      objection: '比较竞品价格',
      parentId: a.id,
    });
    expect(edited).toMatchObject({ phone: '010-12345678', budget: 'confirmed', parentId: a.id });
    await expect(updateCustomer(deps(), admin.actor, b.id, { motive: 'rational' })).rejects.toMatchObject({
      issues: [{ path: 'motive' }],
    });
    await expect(updateCustomer(deps(), admin.actor, b.id, { externalId: 'SF-1' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'crm.customer.external_id_taken',
    });
    await expect(
      createCustomer(deps(), admin.actor, { kind: 'consumer', name: 'C', externalId: 'SF-1' }),
    ).rejects.toMatchObject({ code: 'crm.customer.external_id_taken' });
    expect((await getCustomer(deps(), admin.actor, b.id)).externalId).toBeNull();
  });
});

describe('duplicates on create', () => {
  it('answers crm.customer.duplicate with the candidates for phone, email, name and USCC variants', async () => {
    const { admin } = await makeTenant(database.db);
    const huawei = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: '华为技术（深圳）有限公司',
      phone: '138-0013-8000',
    });
    const person = await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: '李雷',
      email: 'Li.Lei@Example.com',
    });
    const cases = [
      { kind: 'business' as const, name: '华为技术(深圳)股份有限公司', matched: huawei.id, on: ['name'] },
      {
        kind: 'consumer' as const,
        name: '韩梅梅',
        phone: '+86 13800138000',
        matched: huawei.id,
        on: ['phone'],
      },
      {
        kind: 'consumer' as const,
        name: '韩梅梅',
        phone: '8613800138000',
        matched: huawei.id,
        on: ['phone'],
      },
      {
        kind: 'consumer' as const,
        name: 'L',
        email: ' li.lei@example.COM ',
        matched: person.id,
        on: ['email'],
      },
    ];
    for (const { matched, on, ...input } of cases) {
      const error = await createCustomer(deps(), admin.actor, input).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toMatchObject({
        kind: 'conflict',
        code: 'crm.customer.duplicate',
        details: { candidateIds: [matched], candidates: [{ id: matched, matchedOn: on }] },
      });
    }
    expect(await all(admin.actor)).toHaveLength(2);
  });

  it('creates anyway with allowDuplicate, or when the tenant only warns, listing the candidates', async () => {
    const { admin } = await makeTenant(database.db);
    const first = await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: 'A',
      phone: '13800138000',
    });
    const forced = await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: 'B',
      phone: '138 0013 8000',
      allowDuplicate: true,
    });
    expect(forced.duplicates?.map((d) => d.id)).toEqual([first.id]);
    await updateCrmSettings(deps(), admin.actor, { duplicatePolicy: { create: 'warn', import: 'block' } });
    const warned = await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: 'C',
      phone: '13800138000',
    });
    expect(warned.duplicates?.map((d) => d.id).sort()).toEqual([first.id, forced.id].sort());
    const unique = await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: 'D',
      phone: '13900000000',
    });
    expect(unique.duplicates).toBeUndefined();
  });

  it('looks for duplicates across the tenant, not only within the caller’s scope', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const theirs = await createCustomer(deps(), admin.actor, { kind: 'business', name: 'Acme Co., Ltd.' });
    await expect(
      createCustomer(deps(), rep.actor, { kind: 'business', name: 'ACME Limited' }),
    ).rejects.toMatchObject({ code: 'crm.customer.duplicate', details: { candidateIds: [theirs.id] } });
  });
});
