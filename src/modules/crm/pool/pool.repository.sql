-- listPoolsWithCounts
select "customer_pools"."tenant_id", "customer_pools"."id", "customer_pools"."name", "customer_pools"."region", "customer_pools"."is_default", "customer_pools"."created_at", "n" from "customer_pools" left join (select "pool_id", count(*) as "n" from "customers" where ("customers"."tenant_id" = $1 and "customers"."pool_id" is not null) group by "customers"."pool_id") "counts" on "counts"."pool_id" = "customer_pools"."id" where "customer_pools"."tenant_id" = $2 order by "customer_pools"."is_default" desc, "customer_pools"."name" asc;

-- insertPool
insert into "customer_pools" ("tenant_id", "id", "name", "region", "is_default", "created_at") values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning "tenant_id", "id", "name", "region", "is_default", "created_at";

-- updatePoolRow
update "customer_pools" set "name" = $1, "region" = $2 where ("customer_pools"."tenant_id" = $3 and "customer_pools"."id" = $4) returning "tenant_id", "id", "name", "region", "is_default", "created_at";

-- clearOtherDefaults
update "customer_pools" set "is_default" = $1 where ("customer_pools"."tenant_id" = $2 and "customer_pools"."is_default" = $3 and "customer_pools"."id" <> $4);

-- findPoolByName
select "tenant_id", "id", "name", "region", "is_default", "created_at" from "customer_pools" where ("customer_pools"."tenant_id" = $1 and "customer_pools"."name" = $2);

-- findDefaultPool
select "tenant_id", "id", "name", "region", "is_default", "created_at" from "customer_pools" where ("customer_pools"."tenant_id" = $1 and "customer_pools"."is_default" = $2) order by "customer_pools"."created_at" asc, "customer_pools"."id" asc limit $3;

-- listRegionPools
select "tenant_id", "id", "name", "region", "is_default", "created_at" from "customer_pools" where ("customer_pools"."tenant_id" = $1 and "customer_pools"."region" is not null) order by "customer_pools"."created_at" asc, "customer_pools"."id" asc;

-- lockOwnerCaps
begin;
select pg_advisory_xact_lock(hashtextextended($1, 0));
commit;

-- findPoolById
select "tenant_id", "id", "name", "region", "is_default", "created_at" from "customer_pools" where ("customer_pools"."tenant_id" = $1 and "customer_pools"."id" = $2);

-- listTenantIds
select "id" from "tenants" order by "tenants"."created_at" asc, "tenants"."id" asc;
