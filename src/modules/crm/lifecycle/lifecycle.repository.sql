-- upsertLifecycle
insert into "customer_lifecycles" ("tenant_id", "customer_id", "stage", "changed_at") values ($1, $2, $3, $4) on conflict ("tenant_id","customer_id") do update set "stage" = $5, "changed_at" = $6;

-- listLifecycles
select "tenant_id", "customer_id", "stage", "changed_at" from "customer_lifecycles" where ("customer_lifecycles"."tenant_id" = $1 and "customer_lifecycles"."customer_id" in ($2, $3));

-- insertLifecycleChange
insert into "customer_lifecycle_changes" ("tenant_id", "id", "customer_id", "from_stage", "to_stage", "source", "deal_id", "actor_user_id", "note", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- listLifecycleChanges
select "tenant_id", "id", "customer_id", "from_stage", "to_stage", "source", "deal_id", "actor_user_id", "note", "at" from "customer_lifecycle_changes" where ("customer_lifecycle_changes"."tenant_id" = $1 and "customer_lifecycle_changes"."customer_id" = $2) order by "customer_lifecycle_changes"."at" desc, "customer_lifecycle_changes"."id" desc;

-- repointLifecycleChanges
update "customer_lifecycle_changes" set "customer_id" = $1 where ("customer_lifecycle_changes"."tenant_id" = $2 and "customer_lifecycle_changes"."customer_id" in ($3)) returning "id";

-- deleteLifecycles
delete from "customer_lifecycles" where ("customer_lifecycles"."tenant_id" = $1 and "customer_lifecycles"."customer_id" in ($2));
