-- insertCustomers
insert into "customers" ("tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at") values ($1, $2, $3, $4, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default) returning "tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at";

-- insertCustomerRows (seed rows as they are)
insert into "customers" ("tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at") values ($1, $2, $3, $4, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default, default);

-- updateCustomerRow
update "customers" set "name" = $1, "updated_at" = $2 where ("customers"."tenant_id" = $3 and "customers"."id" = $4) returning "tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at";

-- findVisibleCustomer (team scope)
select "tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at" from "customers" where (("customers"."tenant_id" = $1 and (("customers"."tenant_id" = $2 and ("customers"."owner_user_id" = $3 or "customers"."team_id" in ($4))) or "customers"."pool_id" is not null)) and "customers"."id" = $5);

-- findTenantCustomer
select "tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at" from "customers" where ("customers"."tenant_id" = $1 and "customers"."id" = $2);

-- listVisibleCustomers (all scope, filters, newest first)
select "tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at" from "customers" where ("customers"."tenant_id" = $1 and "customers"."id" < $2 and "customers"."kind" = $3 and ("customers"."intent_tier" = $4 or "customers"."intent_tier" is null) and "customers"."tags" @> array[$5]::text[] and ("customers"."name" ilike $6 or "customers"."phone" ilike $7 or "customers"."email" ilike $8)) order by "customers"."id" desc limit $9;

-- listVisibleCustomers (owner and tier, by last follow-up, after a cursor)
select "tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at" from "customers" where ("customers"."tenant_id" = $1 and ("customers"."last_follow_up_at" < $2 or ("customers"."last_follow_up_at" = $3 and "customers"."id" < $4) or "customers"."last_follow_up_at" is null) and "customers"."intent_tier" = $5 and "customers"."owner_user_id" = $6) order by "customers"."last_follow_up_at" desc nulls last, "customers"."id" desc limit $7;

-- listVisibleCustomers (own scope: own and pool customers)
select "tenant_id", "id", "kind", "name", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at" from "customers" where ("customers"."tenant_id" = $1 and (("customers"."tenant_id" = $2 and "customers"."owner_user_id" = $3) or "customers"."pool_id" is not null)) order by "customers"."id" desc limit $4;

-- countVisibleByKind (team scope, search)
select "kind", count(*) from "customers" where (("customers"."tenant_id" = $1 and (("customers"."tenant_id" = $2 and ("customers"."owner_user_id" = $3 or "customers"."team_id" in ($4))) or "customers"."pool_id" is not null)) and "customers"."intent_tier" = $5 and ("customers"."name" ilike $6 or "customers"."phone" ilike $7 or "customers"."email" ilike $8)) group by "customers"."kind";

-- countVisibleByIntentTier (team scope, the tier filter left out)
select "intent_tier", count(*) from "customers" where (("customers"."tenant_id" = $1 and (("customers"."tenant_id" = $2 and ("customers"."owner_user_id" = $3 or "customers"."team_id" in ($4))) or "customers"."pool_id" is not null)) and ("customers"."name" ilike $5 or "customers"."phone" ilike $6 or "customers"."email" ilike $7)) group by "customers"."intent_tier";

-- findMergeOf
select "into_id" from "customer_merges" where ("customer_merges"."tenant_id" = $1 and "customer_merges"."from_id" = $2);

-- markCustomerContacted (with facts)
update "customers" set "budget" = $1, "objection" = $2, "last_follow_up_at" = greatest("customers"."last_follow_up_at", $3::timestamptz), "recall_warned_at" = $4, "updated_at" = $5 where ("customers"."tenant_id" = $6 and "customers"."id" = $7);

-- findCustomersByExternalKeys (external ids and USCCs)
select "id", "external_id", "uscc" from "customers" where ("customers"."tenant_id" = $1 and ("customers"."external_id" in ($2) or "customers"."uscc" in ($3))) order by "customers"."id" asc;

-- countCustomersByPool
select "pool_id", count(*) from "customers" where ("customers"."tenant_id" = $1 and "customers"."pool_id" is not null) group by "customers"."pool_id";

-- listMergesFrom
select "from_id", "into_id" from "customer_merges" where ("customer_merges"."tenant_id" = $1 and "customer_merges"."from_id" in ($2));

-- listCustomerFacts
select "id", "name", "kind", "value_tier", "intent_tier", "industry", "region" from "customers" where ("customers"."tenant_id" = $1 and "customers"."id" in ($2));
