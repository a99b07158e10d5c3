-- listClosedStageEntries
select "deal_stage_changes"."deal_id", "deals"."outcome", "deals"."source", "deals"."amount", "deals"."customer_id", "deals"."pipeline_id", "deal_stage_changes"."to_stage_id", "deal_stage_changes"."at", lead("deal_stage_changes"."at") over (partition by "deal_stage_changes"."deal_id" order by "deal_stage_changes"."at", "deal_stage_changes"."id"), "deals"."closed_at" from "deal_stage_changes" inner join "deals" on ("deals"."tenant_id" = "deal_stage_changes"."tenant_id" and "deals"."id" = "deal_stage_changes"."deal_id") where ("deal_stage_changes"."tenant_id" = $1 and "deals"."outcome" in ($2, $3));

-- saveWinModel
insert into "deal_win_models" ("tenant_id", "model", "closed_deals", "examples", "last_closed_at", "trained_at", "training_ms") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("tenant_id") do update set "model" = $8, "closed_deals" = $9, "examples" = $10, "last_closed_at" = $11, "trained_at" = $12, "training_ms" = $13;

-- findWinModel
select "tenant_id", "model", "closed_deals", "examples", "last_closed_at", "trained_at", "training_ms" from "deal_win_models" where "deal_win_models"."tenant_id" = $1;

-- listTenantsToRetrain (all tenants)
select "closed"."tenant_id" from (select "tenant_id", count(*)::int as "count", max("closed_at") as "last" from "deals" where "deals"."outcome" in ($1, $2) group by "deals"."tenant_id") "closed" left join "deal_win_models" on "deal_win_models"."tenant_id" = "closed"."tenant_id" where "deal_win_models"."tenant_id" is null or "deal_win_models"."closed_deals" <> "count" or "last" > "deal_win_models"."last_closed_at";

-- listStageEntryTimes
select "deal_id", max("at") from "deal_stage_changes" where ("deal_stage_changes"."tenant_id" = $1 and "deal_stage_changes"."deal_id" in ($2, $3)) group by "deal_stage_changes"."deal_id";
