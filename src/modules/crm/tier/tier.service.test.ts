import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTeam, makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import { customers } from '../customer/customer.table.js';
import { updateCrmSettings } from '../settings/crm-settings.service.js';
import { changeCustomerTier, getCustomerTiers, listTierHistory } from './tier.service.js';

import { START, tierWorld } from './tier-world.test-helper.js';
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const world = () => tierWorld(database.db);
const setup = () => world().setup();
const customer: ReturnType<typeof tierWorld>['customer'] = (...args) => world().customer(...args);
const addDecisionMaker: ReturnType<typeof tierWorld>['addDecisionMaker'] = (...args) =>
  world().addDecisionMaker(...args);
const addPool = (tenantId: string) => world().addPool(tenantId);

type ChangeInput = Parameters<typeof changeCustomerTier>[3];

describe('tier changes', () => {
  it('accept the current suggestion, recording it as suggested with its reasons', async () => {
    const { deps } = setup();
    const { tenant, admin } = await makeTenant(database.db);
    const c = await customer(deps, admin.actor, { budget: 'confirmed' });
    await addDecisionMaker(tenant.id, c.id, new Date(START));
    const after = await changeCustomerTier(deps, admin.actor, c.id, {
      dimension: 'intent',
      acceptSuggestion: true,
      expectedTier: 'A',
    });
    expect(after.intent).toBe('A');
    expect(after.suggestion).toMatchObject({ tier: 'A', differsFromCurrent: false });
    const history = await listTierHistory(deps, admin.actor, c.id, { dimension: 'intent' });
    expect(history.items).toEqual([
      {
        id: expect.any(String),
        dimension: 'intent',
        from: null,
        to: 'A',
        source: 'suggested',
        reason: 'A because: budget confirmed, decision maker known',
        userId: admin.id,
        at: START,
      },
    ]);
  });

  it('refuse a suggestion that changed since the client saw it (409), writing nothing', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await customer(deps, admin.actor, { refused: true });
    const accept = (input: Partial<ChangeInput>) =>
      changeCustomerTier(deps, admin.actor, c.id, { dimension: 'intent', acceptSuggestion: true, ...input });
    await expect(accept({ expectedTier: 'A' })).rejects.toMatchObject({
      code: 'crm.tier.suggestion_changed',
      details: { suggestion: { tier: 'D' } },
    });
    await expect(accept({ dimension: 'value' })).rejects.toMatchObject({
      code: 'crm.tier.invalid',
      issues: [{ path: 'dimension' }],
    });
    await updateCrmSettings(deps, admin.actor, {
      tierRules: [{ tier: 'A', when: [{ fact: 'need', is: 'none' }] }],
    });
    await expect(accept({})).rejects.toMatchObject({
      code: 'crm.tier.suggestion_changed',
      details: { suggestion: null },
    });
    expect((await getCustomerTiers(deps, admin.actor, c.id)).intent).toBeNull();
    expect((await listTierHistory(deps, admin.actor, c.id, {})).items).toEqual([]);
  });

  it('by hand need a reason and a tier of the dimension', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await customer(deps, admin.actor);
    const fails = (input: ChangeInput) =>
      changeCustomerTier(deps, admin.actor, c.id, input).then(
        () => [],
        (error: { code: string; issues: { path: string }[] }) => [
          error.code,
          ...error.issues.map((i) => i.path),
        ],
      );
    expect(await fails({ dimension: 'intent', tier: 'B' })).toEqual(['crm.tier.invalid', 'reason']);
    expect(await fails({ dimension: 'intent', tier: 'B', reason: '   ' })).toEqual([
      'crm.tier.invalid',
      'reason',
    ]);
    expect(await fails({ dimension: 'intent', tier: 'E', reason: 'x' })).toEqual([
      'crm.tier.invalid',
      'tier',
    ]);
    expect(await fails({ dimension: 'satisfaction', tier: 'D', reason: 'x' })).toEqual([
      'crm.tier.invalid',
      'tier',
    ]);
    expect(await fails({ dimension: 'persona', tier: 'grumpy', reason: 'x' })).toEqual([
      'crm.tier.invalid',
      'tier',
    ]);
    expect(await fails({ dimension: 'value', reason: 'x' })).toEqual(['crm.tier.invalid', 'tier']);
    expect(await fails({ dimension: 'persona', tier: 'sceptical', reason: 'asks for proof' })).toEqual([]);
  });

  it('check the value tier against the tenant list', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    await updateCrmSettings(deps, admin.actor, {
      valueTiers: [
        { code: 'gold', label: '金牌' },
        { code: 'silver', label: '银牌' },
      ],
    });
    const c = await customer(deps, admin.actor);
    const setValue = (tier: string) =>
      changeCustomerTier(deps, admin.actor, c.id, { dimension: 'value', tier, reason: 'big spender' });
    await expect(setValue('vip')).rejects.toMatchObject({
      code: 'crm.tier.invalid',
      issues: [{ path: 'tier', message: expect.stringContaining('gold, silver') }],
    });
    const tiers = await setValue('gold');
    expect(tiers.value).toBe('gold');
    expect(tiers.valueTiers.map((tier) => tier.code)).toEqual(['gold', 'silver']);
  });

  it('keep from, to, who, when and why of every change of every dimension, newest first', async () => {
    const { deps, clock } = setup();
    const { tenant, admin } = await makeTenant(database.db);
    const team = await makeTeam(database.db, admin.actor);
    const manager = await makeUser(database.db, tenant, 'sales_manager', { teamIds: [team.id] });
    const c = await customer(deps, admin.actor, { satisfactionTier: 'B', teamId: team.id });
    const steps = [
      [admin.actor, 'intent', 'B', 'comparing with a competitor'],
      [manager.actor, 'satisfaction', 'A', 'renewed early'],
      [admin.actor, 'value', 'vip', 'orders monthly'],
      [manager.actor, 'persona', 'researcher', 'reads every spec'],
      [admin.actor, 'intent', null, 'lost track of the need'],
    ] as const;
    for (const [actor, dimension, tier, reason] of steps) {
      clock.advanceDays(1);
      await changeCustomerTier(deps, actor, c.id, { dimension, tier, reason });
    }
    const { items } = await listTierHistory(deps, admin.actor, c.id, {});
    const rows = items.map((i) => [
      i.dimension,
      i.from,
      i.to,
      i.userId,
      i.at.slice(0, 10),
      i.reason,
      i.source,
    ]);
    expect(rows).toEqual([
      ['intent', 'B', null, admin.id, '2026-03-07', 'lost track of the need', 'manual'],
      ['persona', null, 'researcher', manager.id, '2026-03-06', 'reads every spec', 'manual'],
      ['value', null, 'vip', admin.id, '2026-03-05', 'orders monthly', 'manual'],
      ['satisfaction', 'B', 'A', manager.id, '2026-03-04', 'renewed early', 'manual'],
      ['intent', null, 'B', admin.id, '2026-03-03', 'comparing with a competitor', 'manual'],
      ['satisfaction', null, 'B', admin.id, '2026-03-02', 'set when the customer was created', 'manual'],
    ]);
    const intent = await listTierHistory(deps, admin.actor, c.id, { dimension: 'intent' });
    expect(intent.items.map((item) => item.to)).toEqual([null, 'B']);
  });

  it('record nothing when the tier does not change', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await customer(deps, admin.actor, { intentTier: 'C' });
    const same = { dimension: 'intent', tier: 'C', reason: 'again' } as const;
    expect((await changeCustomerTier(deps, admin.actor, c.id, same)).intent).toBe('C');
    // The default rules suggest C too: accepting it is also a no-op.
    await changeCustomerTier(deps, admin.actor, c.id, { dimension: 'intent', acceptSuggestion: true });
    await changeCustomerTier(deps, admin.actor, c.id, { dimension: 'value', tier: null, reason: 'none yet' });
    expect((await listTierHistory(deps, admin.actor, c.id, {})).items).toHaveLength(1);
  });

  it('stay within the data scope, leave pool customers alone until claimed, and need write permission', async () => {
    const { deps, clock } = setup();
    const { tenant, admin } = await makeTenant(database.db);
    const team = await makeTeam(database.db, admin.actor);
    const rep = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const colleague = await makeUser(database.db, tenant, 'sales_rep', { teamIds: [team.id] });
    const agent = await makeUser(database.db, tenant, 'service_agent');
    const theirs = await customer(deps, colleague.actor);
    const change = { dimension: 'intent', tier: 'A', reason: 'keen' } as const;
    const notFound = { code: 'crm.customer.not_found' };
    await expect(changeCustomerTier(deps, rep.actor, theirs.id, change)).rejects.toMatchObject(notFound);
    await expect(getCustomerTiers(deps, rep.actor, theirs.id)).rejects.toMatchObject(notFound);
    await expect(listTierHistory(deps, rep.actor, theirs.id, {})).rejects.toMatchObject(notFound);
    await expect(changeCustomerTier(deps, agent.actor, theirs.id, change)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });

    const pooled = await customer(deps, admin.actor, { poolId: await addPool(tenant.id) });
    expect((await getCustomerTiers(deps, rep.actor, pooled.id)).suggestion?.tier).toBe('C');
    await expect(changeCustomerTier(deps, rep.actor, pooled.id, change)).rejects.toMatchObject({
      code: 'crm.tier.in_pool',
      kind: 'forbidden',
    });
    clock.advanceDays(2);
    expect((await changeCustomerTier(deps, admin.actor, pooled.id, change)).intent).toBe('A');
    const [row] = await database.db.select().from(customers).where(eq(customers.id, pooled.id));
    expect(row?.updatedAt.toISOString()).toBe('2026-03-04T09:00:00.000Z');
  });
});
