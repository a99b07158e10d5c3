-- listSavedViewRows (a user: own and shared)
select "tenant_id", "id", "user_id", "name", "filters", "shared", "created_at" from "saved_views" where ("saved_views"."tenant_id" = $1 and ("saved_views"."user_id" = $2 or "saved_views"."shared" = $3)) order by "saved_views"."name" asc, "saved_views"."id" asc;

-- listSavedViewRows (no user: shared only)
select "tenant_id", "id", "user_id", "name", "filters", "shared", "created_at" from "saved_views" where ("saved_views"."tenant_id" = $1 and "saved_views"."shared" = $2) order by "saved_views"."name" asc, "saved_views"."id" asc;

-- insertSavedView
insert into "saved_views" ("tenant_id", "id", "user_id", "name", "filters", "shared", "created_at") values ($1, $2, $3, $4, $5, $6, $7) returning "tenant_id", "id", "user_id", "name", "filters", "shared", "created_at";

-- deleteSavedViewRow
delete from "saved_views" where ("saved_views"."tenant_id" = $1 and "saved_views"."id" = $2 and "saved_views"."user_id" = $3) returning "id";
