-- listPoolsWithCounts
select "customer_pools"."tenant_id", "customer_pools"."id", "customer_pools"."name", "customer_pools"."region", "customer_pools"."is_default", "customer_pools"."created_at", "n" from "customer_pools" left join (select "pool_id", count(*) as "n" from "customers" where ("customers"."tenant_id" = $1 and "customers"."pool_id" is not null) group by "customers"."pool_id") "counts" on "counts"."pool_id" = "customer_pools"."id" where "customer_pools"."tenant_id" = $2 order by "customer_pools"."is_default" desc, "customer_pools"."name" asc;

-- insertPool
insert into "customer_pools" ("tenant_id", "id", "name", "region", "is_default", "created_at") values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning "tenant_id", "id", "name", "region", "is_default", "created_at";

-- findDefaultPool
select "tenant_id", "id", "name", "region", "is_default", "created_at" from "customer_pools" where ("customer_pools"."tenant_id" = $1 and "customer_pools"."is_default" = $2) order by "customer_pools"."created_at" asc, "customer_pools"."id" asc limit $3;

-- listRegionPools
select "tenant_id", "id", "name", "region", "is_default", "created_at" from "customer_pools" where ("customer_pools"."tenant_id" = $1 and "customer_pools"."region" is not null) order by "customer_pools"."created_at" asc, "customer_pools"."id" asc;

-- moveCustomerRow (claim: only while still in the pool)
update "customers" set "owner_user_id" = $1, "team_id" = $2, "pool_id" = $3, "received_at" = $4, "recall_warned_at" = $5, "updated_at" = $6 where ("customers"."tenant_id" = $7 and "customers"."id" = $8 and ("customers"."owner_user_id" is null and "customers"."pool_id" = $9)) returning "tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at";

-- lockOwnerCaps
begin;
select pg_advisory_xact_lock(hashtextextended($1, 0));
commit;

-- countOwnedBy
select count(*) from "customers" where ("customers"."tenant_id" = $1 and "customers"."owner_user_id" = $2);

-- listClaimTimesSince
select "at" from "customer_pool_moves" where ("customer_pool_moves"."tenant_id" = $1 and "customer_pool_moves"."to_user_id" = $2 and "customer_pool_moves"."action" = $3 and "customer_pool_moves"."at" > $4) order by "customer_pool_moves"."at" asc;

-- findLastDepartureAt
select max("at") from "customer_pool_moves" where ("customer_pool_moves"."tenant_id" = $1 and "customer_pool_moves"."from_user_id" = $2 and "customer_pool_moves"."customer_id" = $3 and "customer_pool_moves"."action" in ($4, $5, $6));

-- listTenantIds
select "id" from "tenants" order by "tenants"."created_at" asc, "tenants"."id" asc;
