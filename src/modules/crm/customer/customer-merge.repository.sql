-- findVisibleCustomers (own scope)
select "tenant_id", "id", "kind", "name", "name_initials", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at" from "customers" where (("customers"."tenant_id" = $1 and (("customers"."tenant_id" = $2 and "customers"."owner_user_id" = $3) or "customers"."pool_id" is not null)) and "customers"."id" in ($4, $5));

-- findMergedInto
select "from_id", "into_id" from "customer_merges" where ("customer_merges"."tenant_id" = $1 and "customer_merges"."from_id" in ($2));

-- lockCustomers
select "tenant_id", "id", "kind", "name", "name_initials", "phone", "email", "wechat_id", "region", "industry", "size", "parent_id", "uscc", "agency_level", "procurement_mode", "motive", "intent_tier", "satisfaction_tier", "value_tier", "persona", "budget", "need", "objection", "refused", "owner_user_id", "team_id", "pool_id", "received_at", "last_follow_up_at", "recall_warned_at", "locked", "deal_state", "source", "tags", "external_id", "custom_fields", "phone_key", "email_key", "name_key", "created_at", "updated_at" from "customers" where ("customers"."tenant_id" = $1 and "customers"."id" in ($2, $3, $4)) order by "customers"."id" for update;

-- repointChildren
update "customers" set "parent_id" = $1 where ("customers"."tenant_id" = $2 and "customers"."parent_id" in ($3, $4) and "customers"."id" <> $5 and "customers"."id" not in ($6, $7)) returning "id";

-- recordMerges
update "customer_merges" set "into_id" = $1 where ("customer_merges"."tenant_id" = $2 and "customer_merges"."into_id" in ($3));
insert into "customer_merges" ("tenant_id", "from_id", "into_id", "snapshot", "merged_by_user_id", "merged_at") values ($1, $2, $3, $4, $5, $6);

-- deleteCustomers
delete from "customers" where ("customers"."tenant_id" = $1 and "customers"."id" in ($2, $3));
