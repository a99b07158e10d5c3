/**
 * Deals for the sales bench, generated in SQL over the customers the customers bench generator made:
 * the first `closed` deals are won (one in three) or lost, the rest open, spread over the business
 * pipeline's open stages; each deal's stage history walks the open stages up to where it stands (five
 * days apart), and a closed deal's ends with its outcome.
 */
import type pg from 'pg';

/** What to generate: `deals` deals of one tenant in one pipeline. */
export type DealSpec = {
  tenantId: string;
  pipelineId: string;
  /** The pipeline's open stages in order, and its won and lost stages. */
  openStageIds: string[];
  wonStageId: string;
  lostStageId: string;
  deals: number;
  closed: number;
  at: Date;
};

const DEALS_SQL = `
insert into deals (tenant_id, id, customer_id, name, pipeline_id, stage_id, outcome, amount, currency,
  expected_close_date, owner_user_id, team_id, lost_reason, closed_at, lead_id, source, created_at, updated_at)
select $1, gen_random_uuid(), c.id, 'Deal ' || c.rn, $2,
  case when c.rn <= $4 then (case when c.rn % 3 = 0 then $5::uuid else $6::uuid end)
       else ($3::uuid[])[1 + (c.rn % cardinality($3::uuid[]))] end,
  case when c.rn <= $4 then (case when c.rn % 3 = 0 then 'won' else 'lost' end) else 'open' end,
  ((c.rn * 7919) % 500000 + 1000) * 100, 'CNY', date '2027-01-01' + (c.rn % 180)::int,
  c.owner_user_id, c.team_id, case when c.rn <= $4 and c.rn % 3 <> 0 then 'Price' end,
  case when c.rn <= $4 then $7::timestamptz - make_interval(days => (c.rn % 60)::int) end,
  null, (array['web_form', 'referral', 'trade_show', 'cold_call'])[1 + c.rn % 4],
  $7::timestamptz - interval '120 days', $7::timestamptz
from (select id, owner_user_id, team_id, row_number() over (order by id) as rn
      from customers where tenant_id = $1 and owner_user_id is not null limit $8) c`;

const HISTORY_SQL = `
insert into deal_stage_changes (tenant_id, id, deal_id, from_stage_id, to_stage_id, from_outcome, to_outcome,
  user_id, note, at)
select d.tenant_id, gen_random_uuid(), d.id, null, ($2::uuid[])[1 + j], 'open', 'open', null, null,
  d.created_at + make_interval(days => j * 5)
from (select id, tenant_id, created_at, substr(name, 6)::int % cardinality($2::uuid[]) as k
      from deals where tenant_id = $1) d
cross join lateral generate_series(0, d.k) as j`;

const CLOSES_SQL = `
insert into deal_stage_changes (tenant_id, id, deal_id, from_stage_id, to_stage_id, from_outcome, to_outcome,
  user_id, note, at)
select tenant_id, gen_random_uuid(), id, null, stage_id, 'open', outcome, null, null, closed_at
from deals where tenant_id = $1 and outcome <> 'open'`;

/** Generates the deals and their stage history; answers the rows written. */
export async function loadDeals(pool: pg.Pool, spec: DealSpec): Promise<{ deals: number; changes: number }> {
  const inserted = await pool.query(DEALS_SQL, [
    spec.tenantId,
    spec.pipelineId,
    spec.openStageIds,
    spec.closed,
    spec.wonStageId,
    spec.lostStageId,
    spec.at,
    spec.deals,
  ]);
  const history = await pool.query(HISTORY_SQL, [spec.tenantId, spec.openStageIds]);
  const closes = await pool.query(CLOSES_SQL, [spec.tenantId]);
  return { deals: inserted.rowCount ?? 0, changes: (history.rowCount ?? 0) + (closes.rowCount ?? 0) };
}
