-- insertAuditEntries
insert into "audit_log" ("tenant_id", "id", "at", "actor_user_id", "actor_kind", "action", "address", "details") values ($1, $2, $3, $4, $5, $6, default, $7);

-- listAuditEntries
select "tenant_id", "id", "at", "actor_user_id", "actor_kind", "action", "address", "details" from "audit_log" where ("audit_log"."tenant_id" = $1 and "audit_log"."action" = $2 and "audit_log"."actor_user_id" = $3 and "audit_log"."at" >= $4 and "audit_log"."at" <= $5 and "audit_log"."id" < $6) order by "audit_log"."id" desc limit $7;

-- deleteAuditEntriesBefore (all tenants)
delete from "audit_log" where "audit_log"."at" < $1 returning "id";
