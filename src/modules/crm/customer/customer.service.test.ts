import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTeam, makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { createCustomer, getCustomer, listCustomers, summarizeCustomers } from './customer.service.js';
import { ListCustomersQuery } from './customer.contract.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const deps = () => ({ db: database.db, clock: systemClock });
const query = (q: Partial<ListCustomersQuery> = {}) => ListCustomersQuery.parse(q);

describe('customers', () => {
  it('creates customers of each kind and reads them back', async () => {
    const { admin } = await makeTenant(database.db);
    const business = await createCustomer(deps(), admin.actor, {
      kind: 'business',
      name: '深圳云帆科技有限公司',
      uscc: '91440300MA5FXXXX1Y',
      industry: 'software',
    });
    const consumer = await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: 'Emma Chen',
      phone: '+86 138 0013 8000',
    });
    const government = await createCustomer(deps(), admin.actor, {
      kind: 'government',
      name: '杭州市教育局',
      agencyLevel: 'municipal',
    });
    expect(await getCustomer(deps(), admin.actor, business.id)).toEqual(business);
    expect(business).toMatchObject({ kind: 'business', uscc: '91440300MA5FXXXX1Y', ownerUserId: admin.id });
    expect(consumer.phone).toBe('+86 138 0013 8000');
    expect(government.agencyLevel).toBe('municipal');
  });

  it('pages through every customer exactly once, newest first', async () => {
    const { admin } = await makeTenant(database.db);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++)
      ids.push((await createCustomer(deps(), admin.actor, { kind: 'consumer', name: `Person ${i}` })).id);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listCustomers(deps(), admin.actor, query({ limit: 10, after }));
      seen.push(...page.items.map((c) => c.id));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by kind and searches name, phone and email case-insensitively, Chinese included', async () => {
    const { admin } = await makeTenant(database.db);
    await createCustomer(deps(), admin.actor, { kind: 'business', name: '北京华创电子有限公司' });
    await createCustomer(deps(), admin.actor, {
      kind: 'consumer',
      name: 'Olivia Wang',
      email: 'olivia@example.com',
    });
    await createCustomer(deps(), admin.actor, { kind: 'government', name: '北京市档案馆' });
    const names = async (q: Partial<ListCustomersQuery>) =>
      (await listCustomers(deps(), admin.actor, query(q))).items.map((c) => c.name).sort();
    expect(await names({ q: '北京' })).toEqual(['北京华创电子有限公司', '北京市档案馆']);
    expect(await names({ q: '北京', kind: 'government' })).toEqual(['北京市档案馆']);
    expect(await names({ search: '北京', kind: 'government' })).toEqual(['北京市档案馆']);
    expect(await names({ name: 'olivia' })).toEqual(['Olivia Wang']);
    expect(await names({ q: 'OLIVIA@' })).toEqual(['Olivia Wang']);
    expect(await names({ q: '100%_' })).toEqual([]);
  });

  it('shows each role only its data scope: own, team or all', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const team = await makeTeam(database.db, admin.actor);
    const other = await makeTeam(database.db, admin.actor);
    const manager = await makeUser(database.db, tenant, 'sales_manager', { teamIds: [team.id] });
    const rep = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const colleague = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const outsider = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [other.id] });
    const mine = await createCustomer(deps(), rep.actor, { kind: 'consumer', name: 'mine' });
    const teammate = await createCustomer(deps(), colleague.actor, { kind: 'consumer', name: 'teammate' });
    const foreign = await createCustomer(deps(), outsider.actor, { kind: 'consumer', name: 'foreign' });
    const names = async (actor: typeof rep.actor) =>
      (await listCustomers(deps(), actor, query())).items.map((c) => c.name).sort();
    expect(await names(rep.actor)).toEqual(['mine']);
    expect(await names(manager.actor)).toEqual(['mine', 'teammate']);
    expect(await names(admin.actor)).toEqual(['foreign', 'mine', 'teammate']);
    await expect(getCustomer(deps(), rep.actor, teammate.id)).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    await expect(getCustomer(deps(), manager.actor, foreign.id)).rejects.toMatchObject({
      code: 'crm.customer.not_found',
    });
    expect((await getCustomer(deps(), manager.actor, mine.id)).id).toBe(mine.id);
  });

  it('counts the customers of each kind within the data scope and the search', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    await createCustomer(deps(), admin.actor, { kind: 'business', name: '上海星辰物流有限公司' });
    await createCustomer(deps(), admin.actor, { kind: 'business', name: 'Harbor Foods Inc.' });
    await createCustomer(deps(), rep.actor, { kind: 'government', name: '上海市档案馆' });
    const noTiers = (n: number) => ({ A: 0, B: 0, C: 0, D: 0, none: n });
    expect(await summarizeCustomers(deps(), admin.actor, {})).toEqual({
      total: 3,
      byKind: { business: 2, consumer: 0, government: 1 },
      byIntentTier: noTiers(3),
    });
    expect(await summarizeCustomers(deps(), admin.actor, { q: '上海' })).toEqual({
      total: 2,
      byKind: { business: 1, consumer: 0, government: 1 },
      byIntentTier: noTiers(2),
    });
    expect(await summarizeCustomers(deps(), rep.actor, {})).toEqual({
      total: 1,
      byKind: { business: 0, consumer: 0, government: 1 },
      byIntentTier: noTiers(1),
    });
  });

  it('refuses an owner or team from outside the tenant and writes nothing', async () => {
    const a = await makeTenant(database.db);
    const b = await makeTenant(database.db);
    const error = await createCustomer(deps(), a.admin.actor, {
      kind: 'consumer',
      name: 'x',
      ownerUserId: b.admin.id,
    }).catch((e: unknown) => e);
    expect(isAppError(error, 'invalid') && error.code).toBe('crm.customer.owner_unknown');
    const teamB = await makeTeam(database.db, b.admin.actor);
    await expect(
      createCustomer(deps(), a.admin.actor, { kind: 'consumer', name: 'y', teamId: teamB.id }),
    ).rejects.toMatchObject({
      code: 'crm.customer.team_unknown',
    });
    expect((await listCustomers(deps(), a.admin.actor, query())).items).toEqual([]);
  });

  it('lets roles without the permission neither read nor write', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const picker = await makeUser(database.db, tenant, 'picker');
    const marketer = await makeUser(database.db, tenant, 'marketer');
    const customer = await createCustomer(deps(), admin.actor, { kind: 'consumer', name: 'z' });
    await expect(listCustomers(deps(), picker.actor, query())).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      createCustomer(deps(), marketer.actor, { kind: 'consumer', name: 'n' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await getCustomer(deps(), marketer.actor, customer.id)).name).toBe('z');
  });
});
