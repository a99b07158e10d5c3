-- findCustomersByRef (own scope, ids and external ids)
select m.* from unnest($1::uuid[]) as k(v) cross join lateral (select "customers".*, (("customers"."tenant_id" = $2 and (("customers"."tenant_id" = $3 and "customers"."owner_user_id" = $4) or "customers"."pool_id" is not null))) as visible from "customers" where "customers"."tenant_id" = $5 and "customers"."id" = k.v offset 0) as m union all select m.* from unnest($6::text[]) as k(v) cross join lateral (select "customers".*, (("customers"."tenant_id" = $7 and (("customers"."tenant_id" = $8 and "customers"."owner_user_id" = $9) or "customers"."pool_id" is not null))) as visible from "customers" where "customers"."tenant_id" = $10 and "customers"."external_id" = k.v offset 0) as m;

-- findImportMatches (every key)
select m.* from unnest($1::text[]) as k(v) cross join lateral (select id, name, kind, owner_user_id as "ownerUserId", pool_id as "poolId", phone_key as "phoneKey", email_key as "emailKey", name_key as "nameKey", uscc from "customers" where "customers"."tenant_id" = $2 and "customers"."phone_key" = k.v offset 0) as m union select m.* from unnest($3::text[]) as k(v) cross join lateral (select id, name, kind, owner_user_id as "ownerUserId", pool_id as "poolId", phone_key as "phoneKey", email_key as "emailKey", name_key as "nameKey", uscc from "customers" where "customers"."tenant_id" = $4 and "customers"."email_key" = k.v offset 0) as m union select m.* from unnest($5::text[]) as k(v) cross join lateral (select id, name, kind, owner_user_id as "ownerUserId", pool_id as "poolId", phone_key as "phoneKey", email_key as "emailKey", name_key as "nameKey", uscc from "customers" where "customers"."tenant_id" = $6 and "customers"."name_key" = k.v offset 0) as m union select m.* from unnest($7::text[]) as k(v) cross join lateral (select id, name, kind, owner_user_id as "ownerUserId", pool_id as "poolId", phone_key as "phoneKey", email_key as "emailKey", name_key as "nameKey", uscc from "customers" where "customers"."tenant_id" = $8 and "customers"."uscc" = k.v offset 0) as m;

-- findExistingIds
select m.* from unnest($1::uuid[]) as k(v) cross join lateral (select id from "customers" where "customers"."tenant_id" = $2 and "customers"."id" = k.v offset 0) as m;

-- findMerges
select "from_id", "into_id" from "customer_merges" where ("customer_merges"."tenant_id" = $1 and "customer_merges"."from_id" = any($2::uuid[]));

-- insertImportedCustomers (the columns the rows set)
insert into "customers" ("tenant_id", "id", "kind", "name", "tags", "created_at") select $1::uuid, x."id", x."kind", x."name", coalesce(x."tags", '{}'::text[]), coalesce(x."createdAt", now()) from json_to_recordset($2::json) as x("id" uuid, "kind" text, "name" text, "tags" text[], "createdAt" timestamp with time zone);
