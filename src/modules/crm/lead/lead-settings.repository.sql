-- saveLeadSettings
insert into "lead_settings" ("tenant_id", "settings", "rotation", "updated_at") values ($1, $2, $3, $4) on conflict ("tenant_id") do update set "settings" = $5, "updated_at" = $6;

-- findLeadSettings
select "tenant_id", "settings", "rotation", "updated_at" from "lead_settings" where "lead_settings"."tenant_id" = $1;

-- findLeadSettings (locked)
select "tenant_id", "settings", "rotation", "updated_at" from "lead_settings" where "lead_settings"."tenant_id" = $1 for update;

-- setRotation
update "lead_settings" set "rotation" = $1 where "lead_settings"."tenant_id" = $2;

-- countAssignedSince
select "owner_user_id", count(*) from "leads" where ("leads"."tenant_id" = $1 and "leads"."owner_user_id" in ($2) and "leads"."assigned_at" >= $3) group by "leads"."owner_user_id";
