-- insertTask
insert into "tasks" ("tenant_id", "id", "title", "kind", "due_at", "assignee_user_id", "created_by_user_id", "customer_id", "deal_id", "note", "status", "outcome", "completed_at", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, default, default, default, default, $7, default, default, $8, $9) returning "tenant_id", "id", "title", "kind", "due_at", "assignee_user_id", "created_by_user_id", "customer_id", "deal_id", "note", "status", "outcome", "completed_at", "created_at", "updated_at";

-- findTask
select "tenant_id", "id", "title", "kind", "due_at", "assignee_user_id", "created_by_user_id", "customer_id", "deal_id", "note", "status", "outcome", "completed_at", "created_at", "updated_at" from "tasks" where ("tasks"."tenant_id" = $1 and "tasks"."id" = $2);

-- updateTask
update "tasks" set "status" = $1, "completed_at" = $2 where ("tasks"."tenant_id" = $3 and "tasks"."id" = $4) returning "tenant_id", "id", "title", "kind", "due_at", "assignee_user_id", "created_by_user_id", "customer_id", "deal_id", "note", "status", "outcome", "completed_at", "created_at", "updated_at";

-- listTasks (first page, every filter)
select "tenant_id", "id", "title", "kind", "due_at", "assignee_user_id", "created_by_user_id", "customer_id", "deal_id", "note", "status", "outcome", "completed_at", "created_at", "updated_at" from "tasks" where ("tasks"."tenant_id" = $1 and "tasks"."assignee_user_id" in ($2) and "tasks"."customer_id" = $3 and "tasks"."deal_id" = $4 and "tasks"."status" = $5 and "tasks"."due_at" >= $6 and "tasks"."due_at" < $7) order by "tasks"."due_at" asc, "tasks"."id" asc limit $8;

-- listTasks (after a cursor, no filter)
select "tenant_id", "id", "title", "kind", "due_at", "assignee_user_id", "created_by_user_id", "customer_id", "deal_id", "note", "status", "outcome", "completed_at", "created_at", "updated_at" from "tasks" where ("tasks"."tenant_id" = $1 and ("tasks"."due_at", "tasks"."id") > ($2::timestamptz, $3::uuid)) order by "tasks"."due_at" asc, "tasks"."id" asc limit $4;

-- repointTasks
update "tasks" set "customer_id" = $1 where ("tasks"."tenant_id" = $2 and "tasks"."customer_id" in ($3, $4)) returning "id";

-- findCalendarFeed
select "token" from "calendar_feeds" where ("calendar_feeds"."tenant_id" = $1 and "calendar_feeds"."user_id" = $2);

-- upsertCalendarFeed (first address)
insert into "calendar_feeds" ("tenant_id", "user_id", "token", "created_at") values ($1, $2, $3, $4) on conflict do nothing returning "token";

-- upsertCalendarFeed (rotate)
insert into "calendar_feeds" ("tenant_id", "user_id", "token", "created_at") values ($1, $2, $3, $4) on conflict ("tenant_id","user_id") do update set "token" = $5, "created_at" = $6 returning "token";

-- findCalendarOwner
select "tenant_id", "user_id" from "calendar_feeds" where ("calendar_feeds"."tenant_id" = $1 and "calendar_feeds"."token" = $2);
