/** The warehouse bench's ledger rebuild, documents, and the checks that the rules held. */
import { renderOrderDocument } from '../src/modules/warehouse/documents/document.service.js';
import { rebuildStock } from '../src/modules/warehouse/stock/rebuild.service.js';
import { median, now, type Measurement } from './harness.js';

import { perSecond, seconds } from './stats.js';
import { DOCUMENT_KINDS, DOCUMENT_RUNS, type Bench, type CreatedOrder } from './warehouse-world.js';

/** Replays the whole ledger; throws when the stock table or the reservations differ from it. */
export async function measureRebuild(bench: Bench): Promise<Measurement[]> {
  const started = now();
  const report = await rebuildStock(bench.deps, bench.admin, bench.warehouseId, { repair: false });
  const ms = now() - started;
  bench.context.log(
    `rebuild: ${report.moves} moves, ${report.stockRows} stock rows in ${seconds(ms)}; ` +
      `${report.differences.length} differences, ${report.reservationDifferences} reservation differences`,
  );
  if (report.differences.length > 0 || report.reservationDifferences > 0) {
    throw new Error(
      `rebuild found ${report.differences.length} differences (${JSON.stringify(report.differences.slice(0, 3))}) ` +
        `and ${report.reservationDifferences} reservation differences`,
    );
  }
  const note = `${report.moves} moves, ${report.stockRows} stock rows; no differences`;
  return [
    { metric: `rebuild (${report.moves} moves)`, value: ms, unit: 'ms', note },
    { metric: 'rebuild rate', value: perSecond(report.moves, ms), unit: 'moves/s', note },
  ];
}

/** Renders each document of one allocated 4-line order DOCUMENT_RUNS times: median ms and size. */
export async function measureDocuments(bench: Bench, pool: CreatedOrder[]): Promise<Measurement[]> {
  const { rows } = await bench.database.pool.query<{ id: string }>(
    `select id from outbound_orders where tenant_id = $1 and status = 'allocated' and id = any($2::uuid[])
     order by external_ref limit 1`,
    [bench.admin.tenantId, pool.filter((o) => o.lines === 4).map((o) => o.id)],
  );
  const orderId = rows[0]?.id;
  if (!orderId) throw new Error('no fully allocated 4-line order to render documents for');
  const measurements: Measurement[] = [];
  for (const kind of DOCUMENT_KINDS) {
    let started = now();
    const first = await renderOrderDocument(bench.deps, bench.admin, orderId, kind, 'zh-CN');
    const firstMs = now() - started;
    const times: number[] = [];
    for (let i = 0; i < DOCUMENT_RUNS; i++) {
      started = now();
      await renderOrderDocument(bench.deps, bench.admin, orderId, kind, 'zh-CN');
      times.push(now() - started);
    }
    const ms = median(times);
    bench.context.log(
      `${kind}: median ${ms.toFixed(1)} ms, ${first.body.length} bytes (first ${firstMs.toFixed(0)} ms)`,
    );
    measurements.push(
      {
        metric: `${kind} render`,
        value: ms,
        unit: 'ms',
        note: `median of ${DOCUMENT_RUNS} after a first render of ${firstMs.toFixed(0)} ms; 4-line order, zh-CN, load + render`,
      },
      { metric: `${kind} size`, value: first.body.length, unit: 'bytes', note: first.contentType },
    );
  }
  return measurements;
}

/**
 * Throws when an active reservation of an svip (vip) customer's order is on a lot produced more than
 * 3 (6) months ago or of unknown age; answers how many reservations were checked.
 */
export async function expectTierRules(bench: Bench): Promise<string> {
  const { rows } = await bench.database.pool.query<{ tier: string; held: number; too_old: number }>(
    `select c.value_tier as tier, count(*)::int as held,
       count(*) filter (where l.production_date is null or l.production_date <
         ($2::date - make_interval(months => case c.value_tier when 'svip' then 3 else 6 end))::date)::int as too_old
     from reservations r
     join outbound_orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
     join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
     join stock s on s.tenant_id = r.tenant_id and s.id = r.stock_id
     left join lots l on l.tenant_id = s.tenant_id and l.id = s.lot_id
     where r.tenant_id = $1 and r.status = 'active' and c.value_tier in ('svip', 'vip')
     group by c.value_tier order by c.value_tier`,
    [bench.admin.tenantId, bench.today.toISOString().slice(0, 10)],
  );
  const wrong = rows.filter((row) => row.too_old > 0);
  if (wrong.length > 0)
    throw new Error(`reservations on lots too old for the tier: ${JSON.stringify(wrong)}`);
  return `tier check: ${rows.map((row) => `${row.tier} ${row.held}`).join(', ')} reservations, none too old`;
}

/** The rules that rejected candidate lots in the allocation results so far, e.g. `too_old_for_tier 900`. */
export async function countRejections(bench: Bench): Promise<string> {
  const { rows } = await bench.database.pool.query<{ rule: string; candidates: number }>(
    `select c->>'rule' as rule, count(*)::int as candidates
     from allocation_runs a, jsonb_array_elements(a.result->'lines') l, jsonb_array_elements(l->'candidates') c
     where a.tenant_id = $1 and c->>'decision' = 'rejected' group by 1 order by 2 desc`,
    [bench.admin.tenantId],
  );
  return rows.length === 0 ? 'none' : rows.map((row) => `${row.rule} ${row.candidates}`).join(', ');
}

/** How many short lines the pool has, by reason, e.g. `too_old_for_tier 120, insufficient 40`. */
export async function countShortReasons(bench: Bench): Promise<string> {
  const { rows } = await bench.database.pool.query<{ reason: string; lines: number }>(
    `select short_reason as reason, count(*)::int as lines from outbound_order_lines
     where tenant_id = $1 and short_quantity > 0 group by short_reason order by count(*) desc`,
    [bench.admin.tenantId],
  );
  return rows.length === 0 ? 'none' : rows.map((row) => `${row.reason} ${row.lines}`).join(', ');
}

/** `allocated 1800, partially_allocated 150, backordered 50`. */
export function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => `${value} ${count}`)
    .join(', ');
}
