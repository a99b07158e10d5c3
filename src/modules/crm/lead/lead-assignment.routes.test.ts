import { describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import type { Lead, LeadPage } from './lead.contract.js';
import { leadWorld } from './lead-test-world.test-helper.js';

const ctx = useTestApp();

describe('lead assignment', () => {
  it('hands leads without an owner round-robin to the team, at most dailyCap each', async () => {
    const world = await leadWorld(ctx);
    const a = await makeUser(ctx.database.db, world.tenant, 'sales_rep');
    const b = await makeUser(ctx.database.db, world.tenant, 'sales_rep');
    const saved = await world.call('PUT', '/api/lead-settings', {
      disqualifyReasons: ['other'],
      assignment: { mode: 'round_robin', userIds: [a.id, b.id], dailyCap: 2, rules: [] },
    });
    expect(saved.statusCode).toBe(200);
    const owners: (string | null)[] = [];
    for (let i = 0; i < 5; i++) owners.push((await world.lead()).ownerUserId);
    expect(owners).toEqual([a.id, b.id, a.id, b.id, null]);
  });

  it('routes by rule (kind, region) before the default list, and keeps a named owner', async () => {
    const world = await leadWorld(ctx);
    const gov = await makeUser(ctx.database.db, world.tenant, 'sales_rep');
    const other = await makeUser(ctx.database.db, world.tenant, 'sales_rep');
    await world.call('PUT', '/api/lead-settings', {
      disqualifyReasons: ['other'],
      assignment: {
        mode: 'rules',
        userIds: [other.id],
        dailyCap: null,
        rules: [{ kind: 'government', region: '北京', userIds: [gov.id] }],
      },
    });
    expect((await world.lead({ kind: 'government', region: '北京' })).ownerUserId).toBe(gov.id);
    expect((await world.lead({ kind: 'government', region: '上海' })).ownerUserId).toBe(other.id);
    const named = await world.call('POST', '/api/leads', {
      kind: 'consumer',
      name: 'x',
      source: 'manual',
      ownerUserId: gov.id,
    });
    expect(named.json<Lead>().ownerUserId).toBe(gov.id);
    // A sales rep sees only the leads they own.
    const cookie = await signInCookie(ctx.app, gov.email, TEST_PASSWORD);
    const mine = await ctx.app.inject({ method: 'GET', url: '/api/leads', headers: { cookie } });
    expect(mine.json<LeadPage>().items.map((l) => l.ownerUserId)).toEqual([gov.id, gov.id]);
  });
});
