/**
 * Funnels: reads each unit's candidate events once, in unit and time order through a cursor, and
 * counts unit by unit with the pure attempt logic (funnel-attempts.ts), so memory holds one unit's
 * events plus the tallies. Permission `insights.read`.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { InsightsDeps } from '../insights-deps.js';
import { findBestAttempt, type FunnelEvent, type FunnelPlan } from './funnel-attempts.js';
import { attemptsByValue, FunnelCounter, type BreakdownRule } from './funnel-tally.js';
import { windowEnd } from './funnel-window.js';
import type { FunnelRequest, FunnelResult, FunnelUnitPage, FunnelUnitsRequest } from './funnel.contract.js';
import { segmentUnknown } from './funnel.errors.js';
import { forEachFunnelPage, type FunnelRead } from './funnel.repository.js';

/** Rows fetched from the cursor at a time. */
export const FUNNEL_FETCH_ROWS = 5_000;

/** Computes a funnel: per step counts, conversions and times to convert, and per breakdown value. */
export async function computeFunnel(
  deps: Pick<InsightsDeps, 'db'>,
  actor: Actor,
  request: FunnelRequest,
): Promise<FunnelResult> {
  requirePermission(actor, 'insights.read');
  if (request.segmentId) throw segmentUnknown(request.segmentId);
  const plan = planOf(request);
  const breakdown = ruleOf(request);
  const counter = new FunnelCounter(plan, breakdown);
  await forEachUnit(deps, readOf(actor.tenantId, request, plan), (_unit, events) => {
    counter.addUnit(events);
    return false;
  });
  const names = request.steps.map((step) => step.event);
  const result: FunnelResult = { steps: counter.overall.results(names) };
  if (breakdown) result.breakdowns = counter.breakdowns(names);
  return result;
}

/**
 * Hands `visit` each unit's candidate events in time order, one unit at a time, as the cursor reads
 * them; `visit` answers true to stop reading.
 */
async function forEachUnit(
  deps: Pick<InsightsDeps, 'db'>,
  read: FunnelRead,
  visit: (unit: string, events: FunnelEvent[]) => boolean,
): Promise<void> {
  let unit: string | undefined;
  let events: FunnelEvent[] = [];
  let stopped = false;
  await forEachFunnelPage(deps.db, read, FUNNEL_FETCH_ROWS, (rows) => {
    for (const row of rows) {
      if (row.unit !== unit) {
        if (unit !== undefined && visit(unit, events)) return (stopped = true);
        unit = row.unit;
        events = [];
      }
      events.push({ at: row.at, steps: row.steps, exclusions: row.exclusions, value: row.value });
    }
    return false;
  });
  if (!stopped && unit !== undefined) visit(unit, events);
}

function ruleOf(request: FunnelRequest): BreakdownRule | undefined {
  const breakdown = request.breakdown;
  return breakdown ? { attribution: breakdown.attribution, step: breakdown.step ?? null } : undefined;
}

function planOf(request: FunnelRequest): FunnelPlan {
  return {
    stepCount: request.steps.length,
    order: request.order,
    from: Date.parse(request.from),
    to: Date.parse(request.to),
    windowEnd: (start) => windowEnd(start, request.window),
    exclusions: request.exclusions.map(({ fromStep, toStep }) => ({ fromStep, toStep })),
  };
}

function readOf(tenantId: string, request: FunnelRequest, plan: FunnelPlan): FunnelRead {
  return {
    tenantId,
    from: new Date(plan.from),
    until: new Date(plan.windowEnd(plan.to)),
    steps: request.steps,
    exclusions: request.exclusions,
    allEvents: request.order === 'strict',
    breakdownProperty: request.breakdown?.property ?? null,
    aggregateBy: request.aggregateBy,
  };
}

/**
 * The units of one step (or those that dropped off before it), a page at a time in id order. Reads
 * from just after the cursor and stops once the page is full.
 */
export async function listFunnelUnits(
  deps: Pick<InsightsDeps, 'db'>,
  actor: Actor,
  request: FunnelUnitsRequest,
): Promise<FunnelUnitPage> {
  requirePermission(actor, 'insights.read');
  if (request.segmentId) throw segmentUnknown(request.segmentId);
  const plan = planOf(request);
  const rule = ruleOf(request);
  const wanted = (reached: number) => (request.dropOff ? reached === request.step : reached > request.step);
  const items: FunnelUnitPage['items'] = [];
  const consider = (id: string, events: FunnelEvent[]) => {
    const attempt = findBestAttempt(plan, events);
    const attempts =
      rule && request.breakdownValue !== undefined
        ? attemptsByValue(plan, rule, events, attempt).filter(([value]) => value === request.breakdownValue)
        : attempt
          ? [[null, events, attempt] as const]
          : [];
    const reached = Math.max(0, ...attempts.map(([, , a]) => a.reached));
    if (attempts.length > 0 && wanted(reached)) items.push({ id, stepsReached: reached });
  };
  const read = { ...readOf(actor.tenantId, request, plan), afterUnit: request.after };
  await forEachUnit(deps, read, (unit, events) => {
    consider(unit, events);
    return items.length > request.limit;
  });
  const page = items.slice(0, request.limit);
  return { items: page, nextCursor: items.length > request.limit ? page[page.length - 1]!.id : null };
}
