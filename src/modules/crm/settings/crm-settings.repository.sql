-- findCrmSettings
select "settings" from "crm_settings" where "crm_settings"."tenant_id" = $1;

-- saveCrmSettings (insert or replace)
insert into "crm_settings" ("tenant_id", "settings", "updated_at") values ($1, $2, $3) on conflict ("tenant_id") do update set "settings" = $4, "updated_at" = $5;
