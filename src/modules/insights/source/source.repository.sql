-- listSourceRows (system source left out)
select "sources"."tenant_id", "sources"."id", "sources"."name", "sources"."kind", "sources"."rate_limit_per_second", "sources"."retention_days", "sources"."disabled", "sources"."created_at", "sources"."updated_at", "source_write_keys"."write_key" from "sources" left join "source_write_keys" on ("source_write_keys"."tenant_id" = "sources"."tenant_id" and "source_write_keys"."source_id" = "sources"."id") where ("sources"."tenant_id" = $1 and "sources"."kind" <> $2) order by "sources"."name" asc, "sources"."id" asc;

-- findSourceRow
select "sources"."tenant_id", "sources"."id", "sources"."name", "sources"."kind", "sources"."rate_limit_per_second", "sources"."retention_days", "sources"."disabled", "sources"."created_at", "sources"."updated_at", "source_write_keys"."write_key" from "sources" left join "source_write_keys" on ("source_write_keys"."tenant_id" = "sources"."tenant_id" and "source_write_keys"."source_id" = "sources"."id") where ("sources"."tenant_id" = $1 and "sources"."id" = $2) limit $3;

-- findSourceRowByName
select "sources"."tenant_id", "sources"."id", "sources"."name", "sources"."kind", "sources"."rate_limit_per_second", "sources"."retention_days", "sources"."disabled", "sources"."created_at", "sources"."updated_at", "source_write_keys"."write_key" from "sources" left join "source_write_keys" on ("source_write_keys"."tenant_id" = "sources"."tenant_id" and "source_write_keys"."source_id" = "sources"."id") where ("sources"."tenant_id" = $1 and "sources"."name" = $2) limit $3;

-- insertSourceRow (a taken name inserts nothing)
insert into "sources" ("tenant_id", "id", "name", "kind", "rate_limit_per_second", "retention_days", "disabled", "created_at", "updated_at") values ($1, $2, $3, $4, default, default, default, $5, $6) on conflict ("tenant_id","name") do nothing returning "id";

-- updateSourceRow (fields left out stay)
update "sources" set "name" = $1, "retention_days" = $2, "updated_at" = $3 where ("sources"."tenant_id" = $4 and "sources"."id" = $5 and "sources"."kind" <> $6) returning "id";

-- replaceWriteKey
delete from "source_write_keys" where ("source_write_keys"."tenant_id" = $1 and "source_write_keys"."source_id" = $2);
insert into "source_write_keys" ("write_key", "tenant_id", "source_id", "created_at") values ($1, $2, $3, $4);

-- findEnabledSourceByWriteKey (a known key)
select "tenant_id", "source_id" from "source_write_keys" where "source_write_keys"."write_key" = $1;
select "tenant_id", "id", "kind", "rate_limit_per_second" from "sources" where ("sources"."tenant_id" = $1 and "sources"."id" = $2 and "sources"."disabled" = $3);

-- listSourcesWithRetention (all tenants)
select "tenant_id", "id", "kind", "retention_days" from "sources" where "sources"."retention_days" is not null order by "sources"."tenant_id", "sources"."id";

-- bumpSourceVersion
insert into "source_changes" ("id", "version") values ($1, $2) on conflict ("id") do update set "version" = "source_changes"."version" + 1;

-- readSourceVersion
select "version" from "source_changes" where "source_changes"."id" = $1;
