-- insertPolicy
insert into "sla_policies" ("tenant_id", "id", "name", "calendar_id", "targets", "is_default", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8) returning "tenant_id", "id", "name", "calendar_id", "targets", "is_default", "created_at", "updated_at";

-- findPolicy
select "tenant_id", "id", "name", "calendar_id", "targets", "is_default", "created_at", "updated_at" from "sla_policies" where ("sla_policies"."tenant_id" = $1 and "sla_policies"."id" = $2);

-- findDefaultPolicy
select "tenant_id", "id", "name", "calendar_id", "targets", "is_default", "created_at", "updated_at" from "sla_policies" where ("sla_policies"."tenant_id" = $1 and "sla_policies"."is_default" = $2);

-- listPolicies
select "tenant_id", "id", "name", "calendar_id", "targets", "is_default", "created_at", "updated_at" from "sla_policies" where "sla_policies"."tenant_id" = $1 order by "sla_policies"."name" asc, "sla_policies"."id" asc limit $2;

-- listPolicyIdsOfCalendar
select "id" from "sla_policies" where ("sla_policies"."tenant_id" = $1 and "sla_policies"."calendar_id" = $2);

-- clearDefaultPolicy
update "sla_policies" set "is_default" = $1 where ("sla_policies"."tenant_id" = $2 and "sla_policies"."is_default" = $3 and "sla_policies"."id" <> $4);

-- updatePolicy
update "sla_policies" set "name" = $1, "updated_at" = $2 where ("sla_policies"."tenant_id" = $3 and "sla_policies"."id" = $4) returning "tenant_id", "id", "name", "calendar_id", "targets", "is_default", "created_at", "updated_at";
