-- insertWarehouseRow (a taken code inserts nothing)
insert into "warehouses" ("tenant_id", "id", "code", "name", "layout", "allocation_strategy", "allocation_policy", "time_zone", "created_at", "updated_at") values ($1, $2, $3, $4, $5, default, default, default, $6, $7) on conflict ("tenant_id","code") do nothing returning "id";

-- listWarehouseRows
select "tenant_id", "id", "code", "name", "layout", "allocation_strategy", "allocation_policy", "time_zone", "created_at", "updated_at" from "warehouses" where "warehouses"."tenant_id" = $1 order by "warehouses"."code" asc;

-- findWarehouseRow
select "tenant_id", "id", "code", "name", "layout", "allocation_strategy", "allocation_policy", "time_zone", "created_at", "updated_at" from "warehouses" where ("warehouses"."tenant_id" = $1 and "warehouses"."id" = $2) limit $3;

-- findWarehouseRowByCode
select "tenant_id", "id", "code", "name", "layout", "allocation_strategy", "allocation_policy", "time_zone", "created_at", "updated_at" from "warehouses" where ("warehouses"."tenant_id" = $1 and "warehouses"."code" = $2) limit $3;

-- updateWarehouseRow (fields left out stay)
update "warehouses" set "name" = $1, "updated_at" = $2 where ("warehouses"."tenant_id" = $3 and "warehouses"."id" = $4) returning "id";
