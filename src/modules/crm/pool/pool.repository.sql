-- listPools
select "tenant_id", "id", "name", "region", "is_default", "created_at" from "customer_pools" where "customer_pools"."tenant_id" = $1 order by "customer_pools"."is_default" desc, "customer_pools"."name" asc;

-- listPoolRefs
select "id", "name", "is_default" from "customer_pools" where "customer_pools"."tenant_id" = $1 order by "customer_pools"."created_at" asc, "customer_pools"."id" asc;

-- insertPool
insert into "customer_pools" ("tenant_id", "id", "name", "region", "is_default", "created_at") values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning "tenant_id", "id", "name", "region", "is_default", "created_at";

-- insertPoolRows (seed rows as they are)
insert into "customer_pools" ("tenant_id", "id", "name", "region", "is_default", "created_at") values ($1, $2, $3, $4, $5, $6);

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
