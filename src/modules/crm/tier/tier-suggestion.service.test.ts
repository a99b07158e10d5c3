import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import type { Database } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { createFollowUp } from '../follow-up/follow-up.service.js';
import { updateCrmSettings } from '../settings/crm-settings.service.js';
import { getCustomerTiers, suggestTiers } from './tier.service.js';

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

describe('tier suggestions', () => {
  it('suggest C for a customer nobody has qualified, saying why', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await customer(deps, admin.actor);
    const tiers = await getCustomerTiers(deps, admin.actor, c.id);
    expect(tiers).toMatchObject({ intent: null, satisfaction: null, value: null, persona: null });
    expect(tiers.suggestion).toEqual({
      tier: 'C',
      reasons: [{ fact: 'need', value: 'unknown', text: 'no need recorded' }],
      differsFromCurrent: true,
    });
    expect(tiers.valueTiers.map((tier) => tier.code)).toEqual(['svip', 'vip', 'standard']);
  });

  it('suggest A once the budget is confirmed and a decision maker is known', async () => {
    const { deps } = setup();
    const { tenant, admin } = await makeTenant(database.db);
    const c = await customer(deps, admin.actor, { budget: 'confirmed', need: 'recorded' });
    expect((await getCustomerTiers(deps, admin.actor, c.id)).suggestion?.tier).toBe('B');
    await addDecisionMaker(tenant.id, c.id, new Date(START));
    const { suggestion } = await getCustomerTiers(deps, admin.actor, c.id);
    expect(suggestion?.tier).toBe('A');
    expect(suggestion?.reasons.map((reason) => reason.text)).toEqual([
      'budget confirmed',
      'decision maker known',
    ]);
  });

  it('count days since contact on the clock: D after 90 silent days, back after a follow-up', async () => {
    const { deps, clock } = setup();
    const { admin } = await makeTenant(database.db);
    const c = await customer(deps, admin.actor, { need: 'latent' });
    clock.advanceDays(89);
    expect((await getCustomerTiers(deps, admin.actor, c.id)).suggestion?.tier).toBe('C');
    clock.advanceDays(1);
    const silent = (await getCustomerTiers(deps, admin.actor, c.id)).suggestion;
    expect(silent?.tier).toBe('D');
    expect(silent?.reasons).toEqual([
      { fact: 'daysSinceContact', value: 90, atLeast: 90, text: 'no contact for 90 days (≥ 90)' },
    ]);
    await createFollowUp(deps, admin.actor, c.id, { channel: 'call', note: 'caught up' });
    expect((await getCustomerTiers(deps, admin.actor, c.id)).suggestion?.tier).toBe('C');
  });

  it('follow the tenant rules', async () => {
    const { deps } = setup();
    const { admin } = await makeTenant(database.db);
    await updateCrmSettings(deps, admin.actor, {
      tierRules: [{ tier: 'A', when: [{ fact: 'need', is: 'latent' }] }],
    });
    const latent = await customer(deps, admin.actor, { need: 'latent' });
    const other = await customer(deps, admin.actor);
    expect((await getCustomerTiers(deps, admin.actor, latent.id)).suggestion?.tier).toBe('A');
    expect((await getCustomerTiers(deps, admin.actor, other.id)).suggestion).toBeNull();
  });

  it('come in bulk for the visible customers, the others listed as not found', async () => {
    const { deps } = setup();
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const mine = await customer(deps, rep.actor, { budget: 'confirmed', intentTier: 'A' });
    await addDecisionMaker(tenant.id, mine.id, new Date(START));
    const refused = await customer(deps, rep.actor, { refused: true });
    const foreign = await customer(deps, admin.actor);
    const unknown = newId();
    const batch = await suggestTiers(deps, rep.actor, [mine.id, refused.id, foreign.id, unknown, mine.id]);
    expect(batch.items.map((item) => [item.customerId, item.intent, item.suggestion?.tier])).toEqual([
      [mine.id, 'A', 'A'],
      [refused.id, null, 'D'],
    ]);
    expect(batch.items[0]?.suggestion?.differsFromCurrent).toBe(false);
    expect(batch.notFound).toEqual([foreign.id, unknown]);
  });
});
