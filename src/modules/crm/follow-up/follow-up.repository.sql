-- insertFollowUp
insert into "follow_ups" ("tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at") values ($1, $2, $3, default, default, $4, $5, $6, $7) returning "tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at";

-- insertFollowUpRows (seed rows as they are)
insert into "follow_ups" ("tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at") values ($1, $2, $3, default, default, $4, $5, $6, $7);

-- listFollowUpsAfter (first page)
select "tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at" from "follow_ups" where ("follow_ups"."tenant_id" = $1 and "follow_ups"."customer_id" = $2) order by "follow_ups"."at" desc, "follow_ups"."id" desc limit $3;

-- listFollowUpsAfter (after a cursor)
select "tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at" from "follow_ups" where ("follow_ups"."tenant_id" = $1 and "follow_ups"."customer_id" = $2 and ("follow_ups"."at", "follow_ups"."id") < ($3::timestamptz, $4::uuid)) order by "follow_ups"."at" desc, "follow_ups"."id" desc limit $5;

-- listFollowUpsOfContact
select "tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at" from "follow_ups" where ("follow_ups"."tenant_id" = $1 and "follow_ups"."person_id" = $2) order by "follow_ups"."at", "follow_ups"."id";

-- repointFollowUps
update "follow_ups" set "customer_id" = $1 where ("follow_ups"."tenant_id" = $2 and "follow_ups"."customer_id" in ($3, $4)) returning "id";
