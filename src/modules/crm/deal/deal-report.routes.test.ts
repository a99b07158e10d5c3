import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import type { PipelineList } from '../pipeline/pipeline.contract.js';
import type { Deal } from './deal.contract.js';
import type { CycleReport, Forecast } from './deal-report.contract.js';
import { salesWorld } from './deal-world.test-helper.js';

const t = useTestApp();
const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString();

describe('sales reports over HTTP', () => {
  it('forecasts open deals per month and owner, weighted by the stage probability', async () => {
    const w = await salesWorld(t);
    const customerId = await w.customer('business');
    const c = await w.json<Deal>('POST', '/api/deals', {
      customerId,
      name: 'C',
      amount: 10_000,
      expectedCloseDate: '2027-01-15',
    });
    const stages = (await w.json<PipelineList>('GET', '/api/pipelines')).items.find(
      (p) => p.id === c.pipelineId,
    )!.stages;
    const d = await w.json<Deal>('POST', '/api/deals', {
      customerId,
      name: 'D',
      amount: 20_000,
      expectedCloseDate: '2027-01-31',
    });
    await w.json('POST', `/api/deals/${d.id}/stage`, { stageId: stages[1]!.id });
    const lost = await w.json<Deal>('POST', '/api/deals', { customerId, name: 'gone', amount: 99_999 });
    await w.json('POST', `/api/deals/${lost.id}/lose`, { reason: 'Price' });
    const forecast = await w.json<Forecast>('GET', `/api/deals/forecast?pipelineId=${c.pipelineId}`);
    // 10,000 × 5 % (reach) + 20,000 × 10 % (decision maker); the lost deal is not forecast.
    expect(forecast.items).toEqual([
      {
        month: '2027-01',
        groupId: c.ownerUserId,
        currency: 'CNY',
        deals: 2,
        amount: 30_000,
        weighted: 2_500,
      },
    ]);
    const byTeam = await w.json<Forecast>('GET', '/api/deals/forecast?by=team');
    expect(byTeam).toMatchObject({ by: 'team', items: [{ groupId: null, deals: 2 }] });
  });

  it('measures days per stage, win rate per stage and the won deals’ cycle', async () => {
    const w = await salesWorld(t);
    const customerId = await w.customer('government');
    const a = await w.json<Deal>('POST', '/api/deals', { customerId, name: 'A', amount: 1 });
    const stages = (await w.json<PipelineList>('GET', '/api/pipelines')).items.find(
      (p) => p.id === a.pipelineId,
    )!.stages;
    await w.json('POST', `/api/deals/${a.id}/stage`, { stageId: stages[1]!.id });
    await w.json('POST', `/api/deals/${a.id}/win`);
    const b = await w.json<Deal>('POST', '/api/deals', { customerId, name: 'B', amount: 1 });
    await w.json('POST', `/api/deals/${b.id}/lose`, { reason: 'Price' });
    // A: reach on day 0, decision maker on day 10, won on day 14. B: reach on day 0, lost on day 4.
    const db = t.database.db;
    const setHistory = async (dealId: string, days: number[]) => {
      const rows = await db.execute<{ id: string }>(
        sql`select id from deal_stage_changes where deal_id = ${dealId} order by at, id`,
      );
      for (const [i, row] of rows.rows.entries()) {
        await db.execute(sql`update deal_stage_changes set at = ${day(days[i]!)} where id = ${row.id}`);
      }
      await db.execute(
        sql`update deals set created_at = ${day(days[0]!)}, closed_at = ${day(days.at(-1)!)} where id = ${dealId}`,
      );
    };
    await setHistory(a.id, [0, 10, 14]);
    await setHistory(b.id, [0, 4]);
    const report = await w.json<CycleReport>('GET', '/api/deals/cycle-times');
    const ofStage = (i: number) => report.stages.find((s) => s.stageId === stages[i]!.id);
    expect(ofStage(0)).toMatchObject({
      entries: 2,
      meanDays: 7,
      medianDays: 7,
      closed: 2,
      won: 1,
      winRate: 0.5,
    });
    expect(ofStage(1)).toMatchObject({
      entries: 1,
      meanDays: 4,
      medianDays: 4,
      closed: 1,
      won: 1,
      winRate: 1,
    });
    expect(ofStage(2)).toMatchObject({ entries: 0, meanDays: null, closed: 0, winRate: null });
    expect(report.stages.some((s) => stages.find((x) => x.id === s.stageId)?.won)).toBe(false);
    expect(report.owners).toEqual([
      { ownerUserId: a.ownerUserId, kind: 'government', deals: 1, meanDays: 14, medianDays: 14 },
    ]);
  });
});
