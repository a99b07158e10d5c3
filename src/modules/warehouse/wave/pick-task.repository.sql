-- insertBatchesAndTasks
insert into "wave_batches" ("tenant_id", "wave_id", "number", "order_ids", "units", "oversize", "length", "optimal", "status", "stops", "sort_plan") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
insert into "pick_tasks" ("tenant_id", "id", "warehouse_id", "wave_id", "wave_number", "batch_number", "number", "zone", "status", "assignee_user_id", "urgent", "units", "route_length", "stops", "created_at", "assigned_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17);

-- listWaveBatches
select "tenant_id", "wave_id", "number", "order_ids", "units", "oversize", "length", "optimal", "status", "stops", "sort_plan" from "wave_batches" where ("wave_batches"."tenant_id" = $1 and "wave_batches"."wave_id" = $2) order by "wave_batches"."number" asc;

-- findPickTask
select "tenant_id", "id", "warehouse_id", "wave_id", "wave_number", "batch_number", "number", "zone", "status", "assignee_user_id", "urgent", "units", "route_length", "stops", "created_at", "assigned_at", "updated_at" from "pick_tasks" where ("pick_tasks"."tenant_id" = $1 and "pick_tasks"."id" = $2);

-- listPickTasks (first page, every filter)
select "tenant_id", "id", "warehouse_id", "wave_id", "wave_number", "batch_number", "number", "zone", "status", "assignee_user_id", "urgent", "units", "route_length", "stops", "created_at", "assigned_at", "updated_at" from "pick_tasks" where ("pick_tasks"."tenant_id" = $1 and "pick_tasks"."warehouse_id" = $2 and "pick_tasks"."wave_id" = $3 and "pick_tasks"."zone" = $4 and "pick_tasks"."status" = $5 and "pick_tasks"."assignee_user_id" = $6) order by "pick_tasks"."created_at" asc, "pick_tasks"."id" asc limit $7;

-- listPickTasks (after a cursor)
select "tenant_id", "id", "warehouse_id", "wave_id", "wave_number", "batch_number", "number", "zone", "status", "assignee_user_id", "urgent", "units", "route_length", "stops", "created_at", "assigned_at", "updated_at" from "pick_tasks" where ("pick_tasks"."tenant_id" = $1 and ("pick_tasks"."created_at", "pick_tasks"."id") > ($2::timestamptz, $3::uuid)) order by "pick_tasks"."created_at" asc, "pick_tasks"."id" asc limit $4;

-- nextOpenTask
select "tenant_id", "id", "warehouse_id", "wave_id", "wave_number", "batch_number", "number", "zone", "status", "assignee_user_id", "urgent", "units", "route_length", "stops", "created_at", "assigned_at", "updated_at" from "pick_tasks" where ("pick_tasks"."tenant_id" = $1 and "pick_tasks"."warehouse_id" = $2 and "pick_tasks"."status" = $3 and "pick_tasks"."zone" in ($4, $5)) order by "pick_tasks"."urgent" desc, "pick_tasks"."created_at" asc, "pick_tasks"."wave_number" asc, "pick_tasks"."number" asc limit $6;

-- nextOpenTask (skipping)
select "tenant_id", "id", "warehouse_id", "wave_id", "wave_number", "batch_number", "number", "zone", "status", "assignee_user_id", "urgent", "units", "route_length", "stops", "created_at", "assigned_at", "updated_at" from "pick_tasks" where ("pick_tasks"."tenant_id" = $1 and "pick_tasks"."warehouse_id" = $2 and "pick_tasks"."status" = $3 and "pick_tasks"."zone" in ($4) and "pick_tasks"."id" not in ($5)) order by "pick_tasks"."urgent" desc, "pick_tasks"."created_at" asc, "pick_tasks"."wave_number" asc, "pick_tasks"."number" asc limit $6;

-- assignPickTask
update "pick_tasks" set "status" = $1, "assignee_user_id" = $2, "assigned_at" = $3, "updated_at" = $4 where ("pick_tasks"."tenant_id" = $5 and "pick_tasks"."id" = $6 and "pick_tasks"."status" in ($7, $8)) returning "tenant_id", "id", "warehouse_id", "wave_id", "wave_number", "batch_number", "number", "zone", "status", "assignee_user_id", "urgent", "units", "route_length", "stops", "created_at", "assigned_at", "updated_at";

-- replacePickerZones
delete from "picker_zones" where ("picker_zones"."tenant_id" = $1 and "picker_zones"."warehouse_id" = $2);
insert into "picker_zones" ("tenant_id", "warehouse_id", "user_id", "zone") values ($1, $2, $3, $4);

-- listPickerZones
select "user_id", "zone" from "picker_zones" where ("picker_zones"."tenant_id" = $1 and "picker_zones"."warehouse_id" = $2) order by "picker_zones"."user_id" asc, "picker_zones"."zone" asc;

-- listPickerZones (one user)
select "user_id", "zone" from "picker_zones" where ("picker_zones"."tenant_id" = $1 and "picker_zones"."warehouse_id" = $2 and "picker_zones"."user_id" = $3) order by "picker_zones"."user_id" asc, "picker_zones"."zone" asc;

-- cancelWaveBatches
update "wave_batches" set "status" = $1 where ("wave_batches"."tenant_id" = $2 and "wave_batches"."wave_id" = $3);
update "pick_tasks" set "status" = $1, "updated_at" = $2 where ("pick_tasks"."tenant_id" = $3 and "pick_tasks"."wave_id" = $4 and "pick_tasks"."status" not in ($5));
