/**
 * Sales reports over the deals an actor may see: the forecast (Σ amount × the stage's probability of
 * the open deals, per expected-close month and owner or team) and, from the stage history, the days
 * deals spend per stage, the sales cycle of won deals per owner and customer kind, and the win rate of
 * closed deals per stage they reached.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import { ensurePipelineRows, listStagesById } from '../pipeline/pipeline.service.js';
import type { CycleReport, Forecast, ForecastQuery, ReportFilter } from './deal-report.contract.js';
import * as repo from './deal-report.repository.js';

/** Every stage of the tenant's pipelines, by id. */
async function stagesOf(deps: CrmDeps, tenantId: string) {
  const pipelines = await ensurePipelineRows(deps.db, tenantId, deps.clock.now());
  return listStagesById(
    deps.db,
    tenantId,
    pipelines.map((pipeline) => pipeline.id),
  );
}

/** The forecast of the open deals per month and owner (or team). */
export async function forecastDeals(deps: CrmDeps, actor: Actor, query: ForecastQuery): Promise<Forecast> {
  requirePermission(actor, 'customers.read');
  const { by, ...filter } = query;
  const [sums, stages] = await Promise.all([
    repo.sumOpenDeals(deps.db, actor, filter),
    stagesOf(deps, actor.tenantId),
  ]);
  const rows = new Map<string, Forecast['items'][number]>();
  for (const sum of sums) {
    const groupId = by === 'owner' ? sum.ownerUserId : sum.teamId;
    const key = `${sum.month}|${groupId ?? ''}|${sum.currency}`;
    const row = rows.get(key) ?? {
      month: sum.month,
      groupId,
      currency: sum.currency,
      deals: 0,
      amount: 0,
      weighted: 0,
    };
    row.deals += sum.deals;
    row.amount += sum.amount;
    row.weighted += sum.amount * (stages.get(sum.stageId)?.probability ?? 0);
    rows.set(key, row);
  }
  const items = [...rows.values()]
    .map((row) => ({ ...row, weighted: Math.round(row.weighted) }))
    .sort((a, b) => a.month.localeCompare(b.month) || (a.groupId ?? '').localeCompare(b.groupId ?? ''));
  return { by, items };
}

/** Days per stage, win rate per stage, and the won deals' cycle per owner and kind and per kind. */
export async function cycleTimes(deps: CrmDeps, actor: Actor, filter: ReportFilter): Promise<CycleReport> {
  requirePermission(actor, 'customers.read');
  const [durations, rates, cycles, stages] = await Promise.all([
    repo.listStageDurations(deps.db, actor, filter),
    repo.listStageWinRates(deps.db, actor, filter),
    repo.listWonCycles(deps.db, actor, filter),
    stagesOf(deps, actor.tenantId),
  ]);
  const durationOf = new Map(durations.map((row) => [row.stageId, row]));
  const rateOf = new Map(rates.map((row) => [row.stageId, row]));
  const report: CycleReport['stages'] = [];
  for (const stage of [...stages.values()].sort((a, b) => a.position - b.position)) {
    if (stage.won || stage.lost) continue;
    const duration = durationOf.get(stage.id);
    const rate = rateOf.get(stage.id) ?? { won: 0, closed: 0 };
    report.push({
      stageId: stage.id,
      pipelineId: stage.pipelineId,
      name: stage.name,
      entries: duration?.entries ?? 0,
      meanDays: duration?.meanDays ?? null,
      medianDays: duration?.medianDays ?? null,
      closed: rate.closed,
      won: rate.won,
      winRate: rate.closed ? rate.won / rate.closed : null,
    });
  }
  const byKind = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);
  const owners = cycles
    .filter((row) => !row.perKind)
    .map(({ perKind: _, ...row }) => row)
    .sort((a, b) => byKind(a, b) || (a.ownerUserId ?? '').localeCompare(b.ownerUserId ?? ''));
  const kinds = cycles
    .filter((row) => row.perKind)
    .map(({ kind, deals, meanDays, medianDays }) => ({ kind, deals, meanDays, medianDays }))
    .sort(byKind);
  return { stages: report, owners, kinds };
}
