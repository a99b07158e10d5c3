import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import { systemClock } from '../../../platform/clock.js';
import type { PipelineList } from '../pipeline/pipeline.contract.js';
import type { Deal, WinModelStatus } from './deal.contract.js';
import { salesWorld } from './deal-world.test-helper.js';
import { listTenantsToRetrain } from './win-model.repository.js';
import { winModelJob } from './win-model.service.js';

const t = useTestApp();

/**
 * One customer, so every fact but the stage is the same for all deals (same kind, tiers, region, no
 * source, amount band `<10k`, under a week in each stage) and cancels out of the estimate.
 */
async function world() {
  const w = await salesWorld(t);
  const customerId = await w.customer('business');
  const first = await w.json<Deal>('POST', '/api/deals', { customerId, name: 'probe', amount: 1000 });
  const stages = (await w.json<PipelineList>('GET', '/api/pipelines')).items.find(
    (p) => p.id === first.pipelineId,
  )!.stages;
  const deal = (name: string) => w.json<Deal>('POST', '/api/deals', { customerId, name, amount: 1000 });
  return { ...w, customerId, first, reach: stages[0]!, decision: stages[1]!, deal };
}

describe('the learned win probability over HTTP', () => {
  it('says it has too little history below 20 closed deals', async () => {
    const w = await world();
    for (let i = 0; i < 3; i++) await w.json('POST', `/api/deals/${(await w.deal(`w${i}`)).id}/win`);
    const status = await w.json<WinModelStatus>('POST', '/api/deals/win-model/retrain');
    expect(status).toMatchObject({ closedDeals: 3, needed: 20, ready: false });
    const open = await w.json<Deal>('GET', `/api/deals/${w.first.id}`);
    expect(open.probability).toMatchObject({
      automated: null,
      reasons: [],
      explanation: { status: 'too_little_history', closedDeals: 3, needed: 20 },
    });
  });

  it('learns from closed deals and explains the estimate (hand-computed)', async () => {
    const w = await world();
    // 15 deals went reach → decision maker → won; 9 were lost in reach.
    for (let i = 0; i < 15; i++) {
      const deal = await w.deal(`won ${i}`);
      await w.json('POST', `/api/deals/${deal.id}/stage`, { stageId: w.decision.id });
      await w.json('POST', `/api/deals/${deal.id}/win`);
    }
    for (let i = 0; i < 9; i++) {
      await w.json('POST', `/api/deals/${(await w.deal(`lost ${i}`)).id}/lose`, { reason: 'Price' });
    }
    // The job retrains tenants whose deals closed since; afterwards it has nothing to do for this one.
    expect(await listTenantsToRetrain(t.database.db)).toContain(w.tenant.id);
    await winModelJob({ db: t.database.db, clock: systemClock }).run();
    expect(await listTenantsToRetrain(t.database.db)).not.toContain(w.tenant.id);
    const status = await w.json<WinModelStatus>('GET', '/api/deals/win-model');
    expect(status).toMatchObject({ closedDeals: 24, examples: 39, ready: true });

    // Examples: won 30 (15 in reach, 15 in decision maker), lost 9 (all in reach). Prior odds 31/10.
    // In decision maker: P(dm | won) = 16/32, P(dm | lost) = 1/11 → odds 3.1 × 5.5 = 17.05.
    const atDecision = await w.json<Deal>('POST', `/api/deals/${w.first.id}/stage`, {
      stageId: w.decision.id,
    });
    expect(atDecision.probability.automated).toBe(Math.round((1000 * 17.05) / 18.05) / 1000);
    expect(
      atDecision.probability.explanation.raised.map((r) => [r.feature, r.label, r.won, r.closed]),
    ).toEqual([['stage', w.decision.name, 15, 15]]);
    expect(atDecision.probability.explanation.lowered).toEqual([]);
    expect(atDecision.probability.reasons).toEqual([
      `stage = ${w.decision.name} raises the chance: closed deals with it won 15 of 15 (100%)`,
    ]);
    // In reach: P(reach | won) = 16/32, P(reach | lost) = 10/11 → odds 3.1 × 0.55 = 1.705.
    const atReach = await w.json<Deal>('GET', `/api/deals/${(await w.deal('fresh')).id}`);
    expect(atReach.probability.automated).toBe(Math.round((1000 * 1.705) / 2.705) / 1000);
    expect(atReach.probability.explanation.lowered.map((r) => [r.feature, r.label, r.won, r.closed])).toEqual(
      [['stage', w.reach.name, 15, 24]],
    );
    // A closed deal has an outcome, not an estimate.
    const won = await w.json<Deal>('POST', `/api/deals/${w.first.id}/win`);
    expect(won.probability).toMatchObject({ manual: 1, automated: null, explanation: { status: 'closed' } });
  });

  it('retraining needs the CRM settings permission', async () => {
    const w = await world();
    const { makeUser } = await import('../../../../test/helpers/factories.js');
    const { signInCookie } = await import('../../../../test/helpers/server.js');
    const rep = await makeUser(t.database.db, w.tenant, 'sales_rep');
    const cookie = await signInCookie(t.app, rep.email, 'correct-horse-battery');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/deals/win-model/retrain',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(403);
  });
});
