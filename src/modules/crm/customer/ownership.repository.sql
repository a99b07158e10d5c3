-- insertPoolMoves
insert into "customer_pool_moves" ("tenant_id", "id", "customer_id", "action", "from_user_id", "to_user_id", "from_pool_id", "to_pool_id", "actor_user_id", "cause", "at") values ($1, $2, $3, $4, default, default, default, default, default, $5, $6);

-- insertPoolMovesInBulk
insert into "customer_pool_moves" ("tenant_id", "id", "customer_id", "action", "cause", "at") select $1::uuid, x."id", x."customerId", x."action", x."cause", x."at" from json_to_recordset($2::json) as x("id" uuid, "customerId" uuid, "action" text, "cause" text, "at" timestamp with time zone);

-- listPoolMoves
select "tenant_id", "id", "customer_id", "action", "from_user_id", "to_user_id", "from_pool_id", "to_pool_id", "actor_user_id", "cause", "at" from "customer_pool_moves" where ("customer_pool_moves"."tenant_id" = $1 and "customer_pool_moves"."customer_id" = $2) order by "customer_pool_moves"."at" asc, "customer_pool_moves"."id" asc;

-- listPoolMovesAfter (after a cursor)
select "tenant_id", "id", "customer_id", "action", "from_user_id", "to_user_id", "from_pool_id", "to_pool_id", "actor_user_id", "cause", "at" from "customer_pool_moves" where ("customer_pool_moves"."tenant_id" = $1 and "customer_pool_moves"."customer_id" = $2 and ("customer_pool_moves"."at", "customer_pool_moves"."id") < ($3::timestamptz, $4::uuid)) order by "customer_pool_moves"."at" desc, "customer_pool_moves"."id" desc limit $5;

-- moveCustomerRow (claim: only while still in the pool)
update "customers" set "owner_user_id" = $1, "team_id" = $2, "pool_id" = $3, "received_at" = $4, "recall_warned_at" = $5, "updated_at" = $6 where ("customers"."tenant_id" = $7 and "customers"."id" = $8 and ("customers"."owner_user_id" is null and "customers"."pool_id" = $9)) returning "tenant_id", "id", "kind", "name", "name_initials", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at";

-- returnToPool
update "customers" set "owner_user_id" = $1, "team_id" = $2, "pool_id" = $3, "received_at" = $4, "recall_warned_at" = $5, "updated_at" = $6 where ("customers"."tenant_id" = $7 and "customers"."id" in ($8, $9) and "customers"."owner_user_id" is not null) returning "id";

-- countOwnedBy
select count(*) from "customers" where ("customers"."tenant_id" = $1 and "customers"."owner_user_id" = $2);

-- listClaimTimesSince
select "at" from "customer_pool_moves" where ("customer_pool_moves"."tenant_id" = $1 and "customer_pool_moves"."to_user_id" = $2 and "customer_pool_moves"."action" = $3 and "customer_pool_moves"."at" > $4) order by "customer_pool_moves"."at" asc;

-- findLastDepartureAt
select max("at") from "customer_pool_moves" where ("customer_pool_moves"."tenant_id" = $1 and "customer_pool_moves"."from_user_id" = $2 and "customer_pool_moves"."customer_id" = $3 and "customer_pool_moves"."action" in ($4, $5, $6));

-- repointPoolMoves
update "customer_pool_moves" set "customer_id" = $1 where ("customer_pool_moves"."tenant_id" = $2 and "customer_pool_moves"."customer_id" in ($3, $4)) returning "id";
