-- insertCustomers
insert into "customers" ("tenant_id", "id", "kind", "name", "phone", "email", "region", "industry", "uscc", "agency_level", "owner_user_id", "team_id", "source", "tags", "created_at", "updated_at") values ($1, $2, $3, $4, default, default, default, default, default, default, default, default, default, default, default, default) returning "tenant_id", "id", "kind", "name", "phone", "email", "region", "industry", "uscc", "agency_level", "owner_user_id", "team_id", "source", "tags", "created_at", "updated_at";

-- findVisibleCustomer (team scope)
select "tenant_id", "id", "kind", "name", "phone", "email", "region", "industry", "uscc", "agency_level", "owner_user_id", "team_id", "source", "tags", "created_at", "updated_at" from "customers" where (("customers"."tenant_id" = $1 and ("customers"."owner_user_id" = $2 or "customers"."team_id" in ($3))) and "customers"."id" = $4);

-- listVisibleCustomers (all scope, every filter)
select "tenant_id", "id", "kind", "name", "phone", "email", "region", "industry", "uscc", "agency_level", "owner_user_id", "team_id", "source", "tags", "created_at", "updated_at" from "customers" where ("customers"."tenant_id" = $1 and "customers"."kind" = $2 and "customers"."id" < $3 and ("customers"."name" ilike $4 or "customers"."phone" ilike $5 or "customers"."email" ilike $6)) order by "customers"."id" desc limit $7;

-- listVisibleCustomers (own scope, no filter)
select "tenant_id", "id", "kind", "name", "phone", "email", "region", "industry", "uscc", "agency_level", "owner_user_id", "team_id", "source", "tags", "created_at", "updated_at" from "customers" where ("customers"."tenant_id" = $1 and "customers"."owner_user_id" = $2) order by "customers"."id" desc limit $3;

-- countVisibleCustomersByKind (team scope, search)
select "kind", count(*) from "customers" where (("customers"."tenant_id" = $1 and ("customers"."owner_user_id" = $2 or "customers"."team_id" in ($3))) and ("customers"."name" ilike $4 or "customers"."phone" ilike $5 or "customers"."email" ilike $6)) group by "customers"."kind";
