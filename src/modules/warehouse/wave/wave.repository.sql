-- findStrategy
select "tenant_id", "warehouse_id", "rules", "release_partially_allocated", "picking", "updated_by_user_id", "updated_at" from "wave_strategies" where ("wave_strategies"."tenant_id" = $1 and "wave_strategies"."warehouse_id" = $2);

-- findStrategy (lock)
select "tenant_id", "warehouse_id", "rules", "release_partially_allocated", "picking", "updated_by_user_id", "updated_at" from "wave_strategies" where ("wave_strategies"."tenant_id" = $1 and "wave_strategies"."warehouse_id" = $2) for update;

-- saveStrategy
insert into "wave_strategies" ("tenant_id", "warehouse_id", "rules", "release_partially_allocated", "picking", "updated_by_user_id", "updated_at") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("tenant_id","warehouse_id") do update set "rules" = $8, "release_partially_allocated" = $9, "picking" = $10, "updated_by_user_id" = $11, "updated_at" = $12;

-- deleteStrategy
delete from "wave_strategies" where ("wave_strategies"."tenant_id" = $1 and "wave_strategies"."warehouse_id" = $2) returning "warehouse_id";

-- listOrdersInWaves
select "wave_orders"."order_id", "waves"."number" from "wave_orders" inner join "waves" on ("waves"."tenant_id" = "wave_orders"."tenant_id" and "waves"."id" = "wave_orders"."wave_id") where ("wave_orders"."tenant_id" = $1 and "waves"."tenant_id" = $2 and "waves"."warehouse_id" = $3 and "wave_orders"."active" = $4);

-- nextWaveNumber
select coalesce(max("number"), 0)::int + 1 from "waves" where ("waves"."tenant_id" = $1 and "waves"."warehouse_id" = $2);

-- insertWaves
insert into "waves" ("tenant_id", "id", "warehouse_id", "number", "rule", "status", "order_count", "line_count", "unit_count", "weight_kg", "picking", "batched_length", "single_order_length", "saving", "released_by_user_id", "released_at", "cancelled_by_user_id", "cancelled_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, default, default, default, default, $11, $12, $13, $14, $15);
insert into "wave_orders" ("tenant_id", "wave_id", "order_id", "position", "external_ref", "priority", "pushed_at", "active") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- findWave
select "tenant_id", "id", "warehouse_id", "number", "rule", "status", "order_count", "line_count", "unit_count", "weight_kg", "picking", "batched_length", "single_order_length", "saving", "released_by_user_id", "released_at", "cancelled_by_user_id", "cancelled_at", "updated_at" from "waves" where ("waves"."tenant_id" = $1 and "waves"."id" = $2);

-- findWave (lock)
select "tenant_id", "id", "warehouse_id", "number", "rule", "status", "order_count", "line_count", "unit_count", "weight_kg", "picking", "batched_length", "single_order_length", "saving", "released_by_user_id", "released_at", "cancelled_by_user_id", "cancelled_at", "updated_at" from "waves" where ("waves"."tenant_id" = $1 and "waves"."id" = $2) for update;

-- listWaveOrders
select "tenant_id", "wave_id", "order_id", "position", "external_ref", "priority", "pushed_at", "active" from "wave_orders" where ("wave_orders"."tenant_id" = $1 and "wave_orders"."wave_id" = $2) order by "wave_orders"."position" asc;

-- listWaves (first page, every filter)
select "tenant_id", "id", "warehouse_id", "number", "rule", "status", "order_count", "line_count", "unit_count", "weight_kg", "picking", "batched_length", "single_order_length", "saving", "released_by_user_id", "released_at", "cancelled_by_user_id", "cancelled_at", "updated_at" from "waves" where ("waves"."tenant_id" = $1 and "waves"."warehouse_id" in ($2) and "waves"."status" = $3) order by "waves"."released_at" desc, "waves"."id" desc limit $4;

-- listWaves (after a cursor)
select "tenant_id", "id", "warehouse_id", "number", "rule", "status", "order_count", "line_count", "unit_count", "weight_kg", "picking", "batched_length", "single_order_length", "saving", "released_by_user_id", "released_at", "cancelled_by_user_id", "cancelled_at", "updated_at" from "waves" where ("waves"."tenant_id" = $1 and ("waves"."released_at", "waves"."id") < ($2::timestamptz, $3::uuid)) order by "waves"."released_at" desc, "waves"."id" desc limit $4;

-- cancelWaveRows
update "waves" set "status" = $1, "cancelled_by_user_id" = $2, "cancelled_at" = $3, "updated_at" = $4 where ("waves"."tenant_id" = $5 and "waves"."id" = $6);
update "wave_orders" set "active" = $1 where ("wave_orders"."tenant_id" = $2 and "wave_orders"."wave_id" = $3);

-- updateWaveStatus
update "waves" set "status" = $1, "updated_at" = $2 where ("waves"."tenant_id" = $3 and "waves"."id" = $4);
