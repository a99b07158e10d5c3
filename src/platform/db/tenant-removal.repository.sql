-- upsertTenantRemoval
insert into "tenant_removals" ("id", "requested_at", "requested_by", "due_at", "done_at", "final_export") values ($1, $2, $3, $4, $5, $6) on conflict ("id") do update set "requested_at" = $7, "requested_by" = $8, "due_at" = $9 where "tenant_removals"."done_at" is null returning "id", "requested_at", "requested_by", "due_at", "done_at", "final_export";

-- findTenantRemoval
select "id", "requested_at", "requested_by", "due_at", "done_at", "final_export" from "tenant_removals" where "tenant_removals"."id" = $1;

-- listDueTenantRemovals
select "id", "requested_at", "requested_by", "due_at", "done_at", "final_export" from "tenant_removals" where ("tenant_removals"."done_at" is null and "tenant_removals"."due_at" <= $1) order by "tenant_removals"."due_at";

-- markTenantRemovalDone
update "tenant_removals" set "done_at" = $1, "final_export" = $2 where "tenant_removals"."id" = $3;

-- deletePendingTenantRemoval
delete from "tenant_removals" where ("tenant_removals"."id" = $1 and "tenant_removals"."done_at" is null) returning "id";
