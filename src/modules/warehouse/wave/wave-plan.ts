/**
 * Planning a release (pure): the warehouse's rules, in order, take the allocated orders that are in no
 * wave — urgent first, then by push time — each rule into one wave up to its caps (first fit: an order
 * over a cap is passed over and a smaller later one may still fit). Every order of the pool that no
 * rule took gets a reason.
 */
import { localDateIn, zonedInstant } from '../../../platform/time-zone.js';
import type { LeftOutReason, WaveLimits, WaveRule, WaveTotals } from './wave.contract.js';

/** An open order of the warehouse as the planner sees it. */
export type PoolOrder = {
  id: string;
  externalRef: string;
  status: string;
  priority: string;
  /** 0 urgent … 3 low. */
  rank: number;
  pushedAt: Date;
  carrier: string | null;
  destination: { province?: string; city?: string; store?: string };
  type: string;
  valueTier: string | null;
  lines: number;
  units: number;
  /** Total weight; null when an item has none; undefined when not read (no rule caps weight). */
  weightKg?: number | null;
  /** The wave the order is in, if any. */
  inWave?: number;
};

export type PlanInput = {
  rules: WaveRule[];
  releasePartiallyAllocated: boolean;
  orders: PoolOrder[];
  now: Date;
  /** The warehouse's time zone: cut-off times are times of its day. */
  timeZone: string;
};

export type RuleReason = { rule: string; code: LeftOutReason; message: string };
export type PlanWave = { ruleIndex: number; rule: WaveRule; orders: PoolOrder[]; totals: WaveTotals };
export type PlanLeftOut = {
  order: PoolOrder;
  code: LeftOutReason;
  message: string;
  rule: string | null;
  rules: RuleReason[];
};
export type WavePlan = { waves: PlanWave[]; leftOut: PlanLeftOut[] };

/** `HH:MM` of the warehouse's day: the day `now` falls in, in the warehouse's time zone. */
export function cutOffMoment(now: Date, hhmm: string, timeZone: string): Date {
  return zonedInstant(localDateIn(now, timeZone), hhmm, timeZone);
}

/** Pool order: priority rank, push time, id. */
export function comparePoolOrder(a: PoolOrder, b: PoolOrder): number {
  return (
    a.rank - b.rank || a.pushedAt.getTime() - b.pushedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Which orders each rule takes, and why every other order was left out. */
export function planWaves(input: PlanInput): WavePlan {
  const ordered = [...input.orders].sort(comparePoolOrder);
  const leftOut = new Map<string, PlanLeftOut>();
  const eligible: PoolOrder[] = [];
  for (const order of ordered) {
    const reason = poolReason(order, input);
    if (reason) leftOut.set(order.id, { order, ...reason, rule: null, rules: [] });
    else eligible.push(order);
  }
  const taken = new Set<string>();
  const reasons = new Map<string, RuleReason[]>(eligible.map((order) => [order.id, []]));
  const waves: PlanWave[] = [];
  input.rules.forEach((rule, ruleIndex) => {
    const wave: PlanWave = { ruleIndex, rule, orders: [], totals: emptyTotals(rule) };
    for (const order of eligible) {
      if (taken.has(order.id)) continue;
      const failed = filterFailure(rule, order, input) ?? capFailure(rule.limits, wave.totals, order);
      if (failed) {
        reasons.get(order.id)!.push({ rule: rule.name, ...failed });
        continue;
      }
      taken.add(order.id);
      wave.orders.push(order);
      addTo(wave.totals, order);
    }
    if (wave.orders.length > 0) waves.push(wave);
  });
  for (const order of eligible) {
    if (taken.has(order.id)) continue;
    const rules = reasons.get(order.id)!;
    const main = rules.find((r) => r.code === 'over_limit' || r.code === 'weight_unknown') ?? rules[0];
    leftOut.set(
      order.id,
      main
        ? { order, code: main.code, message: main.message, rule: main.rule, rules }
        : { order, code: 'no_rule', message: 'The warehouse has no wave rules.', rule: null, rules },
    );
  }
  return { waves, leftOut: ordered.flatMap((order) => leftOut.get(order.id) ?? []) };
}

type Failure = { code: LeftOutReason; message: string };

function poolReason(order: PoolOrder, input: PlanInput): Failure | undefined {
  if (order.inWave !== undefined) return { code: 'in_wave', message: `Already in wave ${order.inWave}.` };
  if (order.status === 'partially_allocated' && !input.releasePartiallyAllocated)
    return {
      code: 'partially_allocated',
      message: 'Partially allocated; the strategy releases fully allocated orders only.',
    };
  if (order.status !== 'allocated' && order.status !== 'partially_allocated')
    return { code: 'not_allocated', message: `Not allocated (${order.status}).` };
  return undefined;
}

const listed = (values: readonly string[]) => values.join(', ');

/** The first filter of the rule the order fails. */
export function filterFailure(
  rule: WaveRule,
  order: PoolOrder,
  { now, timeZone }: Pick<PlanInput, 'now' | 'timeZone'>,
): Failure | undefined {
  if (rule.carriers && !(order.carrier !== null && rule.carriers.includes(order.carrier)))
    return {
      code: 'carrier',
      message: `Carrier ${order.carrier ?? 'none'} is not ${listed(rule.carriers)}.`,
    };
  if (rule.items && (rule.items === 'single') !== (order.lines === 1))
    return {
      code: 'item_count',
      message: `${order.lines} line(s); the rule takes ${rule.items}-item orders.`,
    };
  const place = destinationFailure(rule, order.destination);
  if (place) return { code: 'destination', message: place };
  const cutOff = [
    rule.pushedBefore ? new Date(rule.pushedBefore) : undefined,
    rule.cutOffTime ? cutOffMoment(now, rule.cutOffTime, timeZone) : undefined,
  ].find((moment) => moment !== undefined && order.pushedAt.getTime() >= moment.getTime());
  if (cutOff)
    return {
      code: 'cut_off',
      message: `Pushed ${order.pushedAt.toISOString()}, not before the cut-off ${cutOff.toISOString()}.`,
    };
  if (rule.types && !rule.types.includes(order.type as (typeof rule.types)[number]))
    return { code: 'type', message: `Type ${order.type} is not ${listed(rule.types)}.` };
  if (rule.valueTiers && !(order.valueTier !== null && rule.valueTiers.includes(order.valueTier)))
    return {
      code: 'value_tier',
      message: `Value tier ${order.valueTier ?? 'none'} is not ${listed(rule.valueTiers)}.`,
    };
  return undefined;
}

function destinationFailure(rule: WaveRule, destination: PoolOrder['destination']): string | undefined {
  const parts = [
    ['Province', rule.provinces, destination.province],
    ['City', rule.cities, destination.city],
    ['Store', rule.stores, destination.store],
  ] as const;
  for (const [label, allowed, value] of parts)
    if (allowed && !(value !== undefined && allowed.includes(value)))
      return `${label} ${value ?? 'none'} is not ${listed(allowed)}.`;
  return undefined;
}

const CAPS = ['orders', 'lines', 'units', 'weightKg'] as const;

/** The first cap the order would break in a wave holding `totals`. */
export function capFailure(limits: WaveLimits, totals: WaveTotals, order: PoolOrder): Failure | undefined {
  if (limits.weightKg !== undefined && (order.weightKg === null || order.weightKg === undefined))
    return { code: 'weight_unknown', message: 'An item of the order has no weight; the rule caps weight.' };
  const adds = { orders: 1, lines: order.lines, units: order.units, weightKg: order.weightKg ?? 0 };
  for (const cap of CAPS) {
    const limit = limits[cap];
    if (limit === undefined || roundKg((totals[cap] ?? 0) + adds[cap]) <= limit) continue;
    const what = cap === 'weightKg' ? 'kg' : cap;
    return {
      code: 'over_limit',
      message:
        adds[cap] > limit
          ? `The order alone has ${adds[cap]} ${what}, over the wave's limit of ${limit}.`
          : `The wave is full: ${totals[cap] ?? 0} + ${adds[cap]} ${what} is over the limit of ${limit}.`,
    };
  }
  return undefined;
}

function emptyTotals(rule: WaveRule): WaveTotals {
  return { orders: 0, lines: 0, units: 0, weightKg: rule.limits.weightKg === undefined ? null : 0 };
}

function addTo(totals: WaveTotals, order: PoolOrder): void {
  totals.orders += 1;
  totals.lines += order.lines;
  totals.units += order.units;
  if (totals.weightKg !== null) totals.weightKg = roundKg(totals.weightKg + (order.weightKg ?? 0));
}

/** Grams precision, so sums of three-decimal weights stay exact. */
export function roundKg(kg: number): number {
  return Math.round(kg * 1000) / 1000;
}
