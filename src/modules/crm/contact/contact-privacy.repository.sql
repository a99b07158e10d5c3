-- findContactRecord
select "tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at" from "people" where ("people"."tenant_id" = $1 and "people"."id" = $2);

-- listSeatsOfContact
select "tenant_id", "customer_id", "person_id", "role", "department", "stance", "influence", "is_primary", "created_at", "updated_at" from "account_members" where ("account_members"."tenant_id" = $1 and "account_members"."person_id" = $2) order by "account_members"."customer_id";

-- eraseContactFields
update "people" set "name" = $1, "title" = $2, "phone" = $3, "email" = $4, "wechat_id" = $5, "external_id" = $6, "notes" = $7, "phone_key" = $8, "email_key" = $9, "updated_at" = $10 where ("people"."tenant_id" = $11 and "people"."id" = $12) returning "id";
