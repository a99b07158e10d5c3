-- findWarehouseSettings
select "settings" from "warehouse_settings" where "warehouse_settings"."tenant_id" = $1;

-- saveWarehouseSettings
insert into "warehouse_settings" ("tenant_id", "settings", "updated_at") values ($1, $2, $3) on conflict ("tenant_id") do update set "settings" = $4, "updated_at" = $5;
