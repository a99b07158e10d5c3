-- listVisibleTierFacts (own scope: own and pool customers)
select "id", "intent_tier", "budget", "need", "objection", "refused", "last_follow_up_at", "created_at" from "customers" where (("customers"."tenant_id" = $1 and (("customers"."tenant_id" = $2 and "customers"."owner_user_id" = $3) or "customers"."pool_id" is not null)) and "customers"."id" in ($4, $5));

-- lockCustomerTiers
select "intent_tier", "satisfaction_tier", "value_tier", "persona" from "customers" where ("customers"."tenant_id" = $1 and "customers"."id" = $2) for update;

-- updateCustomerTier (value)
update "customers" set "value_tier" = $1, "updated_at" = $2 where ("customers"."tenant_id" = $3 and "customers"."id" = $4);
