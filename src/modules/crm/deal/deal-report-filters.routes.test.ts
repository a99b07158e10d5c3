import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTeam, makeUser } from '../../../../test/helpers/factories.js';
import { useTestApp } from '../../../../test/helpers/server.js';
import type { Deal } from './deal.contract.js';
import type { CycleReport, Forecast } from './deal-report.contract.js';
import { salesWorld, type Problem } from './deal-world.test-helper.js';

const t = useTestApp();
const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString();

/** Sets a closed deal's creation and close instants, so its cycle is `days` long. */
async function setCycle(dealId: string, days: number) {
  await t.database.db.execute(
    sql`update deals set created_at = ${day(0)}, closed_at = ${day(days)} where id = ${dealId}`,
  );
}

describe('sales report filters and the cycle per kind over HTTP', () => {
  it('narrows the forecast to a customer kind, an owner and a team', async () => {
    const w = await salesWorld(t);
    const rep = await makeUser(t.database.db, w.tenant, 'sales_rep');
    const team = await makeTeam(t.database.db, w.admin.actor, [rep.id]);
    const business = await w.customer('business');
    const government = await w.customer('government');
    const deal = (customerId: string, amount: number, extra: object = {}) =>
      w.json<Deal>('POST', '/api/deals', {
        customerId,
        name: `D ${amount}`,
        amount,
        expectedCloseDate: '2027-02-10',
        ...extra,
      });
    await deal(business, 1_000);
    await deal(business, 2_000, { ownerUserId: rep.id, teamId: team.id });
    await deal(government, 4_000);
    const sum = async (query: string) => {
      const forecast = await w.json<Forecast>('GET', `/api/deals/forecast${query}`);
      return forecast.items.reduce((total, row) => total + row.amount, 0);
    };
    expect(await sum('')).toBe(7_000);
    expect(await sum('?kind=business')).toBe(3_000);
    expect(await sum('?kind=government')).toBe(4_000);
    expect(await sum('?kind=consumer')).toBe(0);
    expect(await sum(`?ownerUserId=${rep.id}`)).toBe(2_000);
    expect(await sum(`?ownerUserId=${w.admin.id}&kind=business`)).toBe(1_000);
    const byTeam = await w.json<Forecast>('GET', `/api/deals/forecast?by=team&teamId=${team.id}`);
    expect(byTeam.items).toEqual([
      { month: '2027-02', groupId: team.id, currency: 'CNY', deals: 1, amount: 2_000, weighted: 100 },
    ]);
  });

  it('gives the won deals’ cycle per kind over all owners, and filters the cycle report', async () => {
    const w = await salesWorld(t);
    const rep = await makeUser(t.database.db, w.tenant, 'sales_rep');
    const business = await w.customer('business');
    const consumer = await w.customer('consumer');
    const won = async (customerId: string, days: number, ownerUserId?: string) => {
      const deal = await w.json<Deal>('POST', '/api/deals', {
        customerId,
        name: `W ${days}`,
        amount: 1,
        ...(ownerUserId ? { ownerUserId } : {}),
      });
      await w.json('POST', `/api/deals/${deal.id}/win`);
      await setCycle(deal.id, days);
      return deal;
    };
    // Business: the admin's 10 and 20 days, the rep's 60; consumer: the admin's 4 days.
    await won(business, 10);
    await won(business, 20);
    await won(business, 60, rep.id);
    await won(consumer, 4);
    const report = await w.json<CycleReport>('GET', '/api/deals/cycle-times');
    expect(report.kinds).toEqual([
      { kind: 'business', deals: 3, meanDays: 30, medianDays: 20 },
      { kind: 'consumer', deals: 1, meanDays: 4, medianDays: 4 },
    ]);
    expect(report.owners).toHaveLength(3);
    expect(report.owners).toContainEqual({
      ownerUserId: w.admin.id,
      kind: 'business',
      deals: 2,
      meanDays: 15,
      medianDays: 15,
    });
    const ofRep = await w.json<CycleReport>('GET', `/api/deals/cycle-times?ownerUserId=${rep.id}`);
    expect(ofRep.kinds).toEqual([{ kind: 'business', deals: 1, meanDays: 60, medianDays: 60 }]);
    expect(ofRep.owners).toEqual([
      { ownerUserId: rep.id, kind: 'business', deals: 1, meanDays: 60, medianDays: 60 },
    ]);
    const consumers = await w.json<CycleReport>('GET', '/api/deals/cycle-times?kind=consumer');
    expect(consumers.kinds.map((k) => k.kind)).toEqual(['consumer']);
    const totalWon = (r: CycleReport) => r.stages.reduce((n, s) => n + s.won, 0);
    expect(totalWon(consumers)).toBe(1);
    expect(totalWon(report)).toBe(4);
  });

  it('answers a bad filter with a 400 naming the field', async () => {
    const w = await salesWorld(t);
    for (const [url, field] of [
      ['/api/deals/forecast?kind=alien', 'kind'],
      ['/api/deals/forecast?teamId=nope', 'teamId'],
      ['/api/deals/cycle-times?ownerUserId=nope', 'ownerUserId'],
      ['/api/deals/cycle-times?pipelineId=1', 'pipelineId'],
    ] as const) {
      const response = await w.call('GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(
        response
          .json<Problem>()
          .errors?.map((e) => e.path)
          .join(' '),
        url,
      ).toContain(field);
    }
  });
});
