-- countKeptCustomers (all scope)
(select "kind", "intent_tier", sum("n")::int as "n", count(*)::int as "rows", false as "pending" from "customer_counts" where "customer_counts"."tenant_id" = $1 group by "customer_counts"."kind", "customer_counts"."intent_tier") union all (select "kind", "intent_tier", sum("n")::int as "n", count(*)::int as "rows", true as "pending" from "customer_count_deltas" where "customer_count_deltas"."tenant_id" = $2 group by "customer_count_deltas"."kind", "customer_count_deltas"."intent_tier");

-- countKeptCustomers (team scope, owner and pool filters)
(select "kind", "intent_tier", sum("n")::int as "n", count(*)::int as "rows", false as "pending" from "customer_counts" where (("customer_counts"."tenant_id" = $1 and (("customer_counts"."tenant_id" = $2 and ("customer_counts"."owner_user_id" = $3 or "customer_counts"."team_id" in ($4))) or "customer_counts"."pool_id" <> $5)) and "customer_counts"."owner_user_id" = $6 and "customer_counts"."pool_id" = $7 and "customer_counts"."pool_id" <> $8) group by "customer_counts"."kind", "customer_counts"."intent_tier") union all (select "kind", "intent_tier", sum("n")::int as "n", count(*)::int as "rows", true as "pending" from "customer_count_deltas" where (("customer_count_deltas"."tenant_id" = $9 and (("customer_count_deltas"."tenant_id" = $10 and ("customer_count_deltas"."owner_user_id" = $11 or "customer_count_deltas"."team_id" in ($12))) or "customer_count_deltas"."pool_id" <> $13)) and "customer_count_deltas"."owner_user_id" = $14 and "customer_count_deltas"."pool_id" = $15 and "customer_count_deltas"."pool_id" <> $16) group by "customer_count_deltas"."kind", "customer_count_deltas"."intent_tier");

-- countKeptCustomers (own scope, owned only)
(select "kind", "intent_tier", sum("n")::int as "n", count(*)::int as "rows", false as "pending" from "customer_counts" where (("customer_counts"."tenant_id" = $1 and (("customer_counts"."tenant_id" = $2 and "customer_counts"."owner_user_id" = $3) or "customer_counts"."pool_id" <> $4)) and "customer_counts"."owner_user_id" <> $5) group by "customer_counts"."kind", "customer_counts"."intent_tier") union all (select "kind", "intent_tier", sum("n")::int as "n", count(*)::int as "rows", true as "pending" from "customer_count_deltas" where (("customer_count_deltas"."tenant_id" = $6 and (("customer_count_deltas"."tenant_id" = $7 and "customer_count_deltas"."owner_user_id" = $8) or "customer_count_deltas"."pool_id" <> $9)) and "customer_count_deltas"."owner_user_id" <> $10) group by "customer_count_deltas"."kind", "customer_count_deltas"."intent_tier");

-- foldCustomerCountDeltas
begin;

      with moved as (
        delete from "customer_count_deltas" where "customer_count_deltas"."tenant_id" = $1
        returning kind, intent_tier, owner_user_id, team_id, pool_id, n
      )
      insert into "customer_counts" (tenant_id, kind, intent_tier, owner_user_id, team_id, pool_id, n)
      select $2::uuid, kind, intent_tier, owner_user_id, team_id, pool_id, sum(n)::int
        from moved group by kind, intent_tier, owner_user_id, team_id, pool_id
       order by kind, intent_tier, owner_user_id, team_id, pool_id
      on conflict (tenant_id, kind, intent_tier, owner_user_id, team_id, pool_id)
      do update set n = "customer_counts".n + excluded.n;
delete from "customer_counts" where ("customer_counts"."tenant_id" = $1 and "customer_counts"."n" = $2);
commit;

-- listTenantsWithCountDeltas (all tenants)
select distinct "tenant_id" from "customer_count_deltas";
