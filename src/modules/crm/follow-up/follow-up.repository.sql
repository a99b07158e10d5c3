-- insertFollowUp
insert into "follow_ups" ("tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at") values ($1, $2, $3, default, default, $4, $5, $6, $7) returning "tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at";

-- markCustomerContacted (with facts)
update "customers" set "budget" = $1, "objection" = $2, "last_follow_up_at" = greatest("customers"."last_follow_up_at", $3::timestamptz), "recall_warned_at" = $4, "updated_at" = $5 where ("customers"."tenant_id" = $6 and "customers"."id" = $7);

-- hasContact
select "id" from "people" where ("people"."tenant_id" = $1 and "people"."id" = $2);

-- listFollowUpsAfter (first page)
select "tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at" from "follow_ups" where ("follow_ups"."tenant_id" = $1 and "follow_ups"."customer_id" = $2) order by "follow_ups"."at" desc, "follow_ups"."id" desc limit $3;

-- listFollowUpsAfter (after a cursor)
select "tenant_id", "id", "customer_id", "person_id", "user_id", "channel", "note", "at", "created_at" from "follow_ups" where ("follow_ups"."tenant_id" = $1 and "follow_ups"."customer_id" = $2 and ("follow_ups"."at", "follow_ups"."id") < ($3::timestamptz, $4::uuid)) order by "follow_ups"."at" desc, "follow_ups"."id" desc limit $5;

-- listTierChangesAfter (after a cursor)
select "tenant_id", "id", "customer_id", "dimension", "from_tier", "to_tier", "source", "reason", "changed_by_user_id", "changed_at" from "customer_tier_changes" where ("customer_tier_changes"."tenant_id" = $1 and "customer_tier_changes"."customer_id" = $2 and ("customer_tier_changes"."changed_at", "customer_tier_changes"."id") < ($3::timestamptz, $4::uuid)) order by "customer_tier_changes"."changed_at" desc, "customer_tier_changes"."id" desc limit $5;

-- listPoolMovesAfter (after a cursor)
select "tenant_id", "id", "customer_id", "action", "from_user_id", "to_user_id", "from_pool_id", "to_pool_id", "actor_user_id", "cause", "at" from "customer_pool_moves" where ("customer_pool_moves"."tenant_id" = $1 and "customer_pool_moves"."customer_id" = $2 and ("customer_pool_moves"."at", "customer_pool_moves"."id") < ($3::timestamptz, $4::uuid)) order by "customer_pool_moves"."at" desc, "customer_pool_moves"."id" desc limit $5;
