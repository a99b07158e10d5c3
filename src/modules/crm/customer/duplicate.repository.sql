-- findCustomersByKeys (every key, one id left out)
select "id", "name", "kind", "owner_user_id", "pool_id", "phone_key", "email_key", "name_key", "uscc" from "customers" where ("customers"."tenant_id" = $1 and ("customers"."phone_key" in ($2) or "customers"."email_key" in ($3) or "customers"."name_key" in ($4) or "customers"."uscc" in ($5)) and "customers"."id" <> $6);
