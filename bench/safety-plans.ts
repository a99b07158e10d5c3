/**
 * The queries whose plans the maintenance measurement watches: a customer list page (tier A, latest
 * follow-up first), its count, and a funnel (distinct persons per step over the 90 days). Each is
 * run under EXPLAIN (ANALYZE) a few times; the medians of planning and execution time are kept, with
 * the first scan's row estimate against the rows it found, which is what stale statistics get wrong.
 */
import type pg from 'pg';
import { median } from './harness.js';
import { EVENTS_FROM, FUNNEL } from './safety-data.js';

const RUNS = 5;

/** What one query cost in one phase, and its first scan: the node, rows estimated and found (per loop). */
export type PlanTiming = {
  planningMs: number;
  executionMs: number;
  scan: string;
  estimatedRows: number;
  actualRows: number;
};

type PlanNode = { 'Node Type': string; 'Plan Rows': number; 'Actual Rows': number; Plans?: PlanNode[] };
type PlanJson = { 'Planning Time': number; 'Execution Time': number; Plan: PlanNode };

/** The scan the plan starts from: its first child, all the way down. */
function leafOf(node: PlanNode): PlanNode {
  return node.Plans?.[0] ? leafOf(node.Plans[0]) : node;
}

/** The watched statements for one tenant (ids are ours, so they are written in as literals). */
export function watchedQueries(tenantId: string): Record<string, string> {
  const until = new Date(EVENTS_FROM.getTime() + 100 * 24 * 3600 * 1000).toISOString();
  const steps = FUNNEL.map((step) => `'${step}'`).join(', ');
  return {
    list: `select id, name, intent_tier, last_follow_up_at from customers
      where tenant_id = '${tenantId}' and intent_tier = 'A'
      order by last_follow_up_at desc nulls last, id desc nulls first limit 50`,
    'list-count': `select count(*) from customers where tenant_id = '${tenantId}' and intent_tier = 'A'`,
    funnel: `select event, count(distinct person_id) from events
      where tenant_id = '${tenantId}' and "timestamp" >= '${EVENTS_FROM.toISOString()}'
        and "timestamp" < '${until}' and event in (${steps})
      group by event`,
  };
}

/** Runs `statement` under EXPLAIN (ANALYZE) `RUNS` times; answers the medians and the last estimate. */
export async function timePlan(pool: pg.Pool, statement: string): Promise<PlanTiming> {
  const plans: PlanJson[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { rows } = await pool.query<{ 'QUERY PLAN': PlanJson[] | string }>(
      `explain (analyze, format json) ${statement}`,
    );
    const raw = rows[0]!['QUERY PLAN'];
    plans.push((typeof raw === 'string' ? (JSON.parse(raw) as PlanJson[]) : raw)[0]!);
  }
  const leaf = leafOf(plans[plans.length - 1]!.Plan);
  return {
    planningMs: median(plans.map((plan) => plan['Planning Time'])),
    executionMs: median(plans.map((plan) => plan['Execution Time'])),
    scan: leaf['Node Type'],
    estimatedRows: leaf['Plan Rows'],
    actualRows: leaf['Actual Rows'],
  };
}
