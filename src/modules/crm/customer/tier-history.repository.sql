-- insertTierChanges
insert into "customer_tier_changes" ("tenant_id", "id", "customer_id", "dimension", "from_tier", "to_tier", "source", "reason", "changed_by_user_id", "changed_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- insertTierChangesInBulk (one JSON parameter)
insert into "customer_tier_changes" ("tenant_id", "id", "customer_id", "dimension", "from_tier", "to_tier", "source", "reason", "changed_by_user_id", "changed_at") select $1::uuid, x."id", x."customerId", x."dimension", x."fromTier", x."toTier", x."source", x."reason", x."changedByUserId", x."changedAt" from json_to_recordset($2::json) as x("id" uuid, "customerId" uuid, "dimension" text, "fromTier" text, "toTier" text, "source" text, "reason" text, "changedByUserId" uuid, "changedAt" timestamp with time zone);

-- listTierChanges
select "tenant_id", "id", "customer_id", "dimension", "from_tier", "to_tier", "source", "reason", "changed_by_user_id", "changed_at" from "customer_tier_changes" where ("customer_tier_changes"."tenant_id" = $1 and "customer_tier_changes"."customer_id" = $2) order by "customer_tier_changes"."changed_at" asc, "customer_tier_changes"."id" asc;

-- listTierChangesAfter (after a cursor)
select "tenant_id", "id", "customer_id", "dimension", "from_tier", "to_tier", "source", "reason", "changed_by_user_id", "changed_at" from "customer_tier_changes" where ("customer_tier_changes"."tenant_id" = $1 and "customer_tier_changes"."customer_id" = $2 and ("customer_tier_changes"."changed_at", "customer_tier_changes"."id") < ($3::timestamptz, $4::uuid)) order by "customer_tier_changes"."changed_at" desc, "customer_tier_changes"."id" desc limit $5;

-- repointTierChanges
update "customer_tier_changes" set "customer_id" = $1 where ("customer_tier_changes"."tenant_id" = $2 and "customer_tier_changes"."customer_id" in ($3, $4)) returning "id";
