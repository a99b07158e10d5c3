-- insertDeal
insert into "deals" ("tenant_id", "id", "customer_id", "name", "pipeline_id", "stage_id", "outcome", "amount", "currency", "expected_close_date", "owner_user_id", "team_id", "lost_reason", "closed_at", "lead_id", "source", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18);
insert into "deal_lines" ("tenant_id", "deal_id", "line_no", "product_id", "quantity", "unit_price", "discount_percent", "tax_rate", "net", "tax") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- findVisibleDeal (scope all)
select "deals"."tenant_id", "deals"."id", "deals"."customer_id", "deals"."name", "deals"."pipeline_id", "deals"."stage_id", "deals"."outcome", "deals"."amount", "deals"."currency", "deals"."expected_close_date", "deals"."owner_user_id", "deals"."team_id", "deals"."lost_reason", "deals"."closed_at", "deals"."lead_id", "deals"."source", "deals"."created_at", "deals"."updated_at" from "deals" inner join "customers" on ("customers"."tenant_id" = "deals"."tenant_id" and "customers"."id" = "deals"."customer_id") where ("deals"."tenant_id" = $1 and "deals"."id" = $2 and "deals"."tenant_id" = $3);

-- findVisibleDeal (scope own)
select "deals"."tenant_id", "deals"."id", "deals"."customer_id", "deals"."name", "deals"."pipeline_id", "deals"."stage_id", "deals"."outcome", "deals"."amount", "deals"."currency", "deals"."expected_close_date", "deals"."owner_user_id", "deals"."team_id", "deals"."lost_reason", "deals"."closed_at", "deals"."lead_id", "deals"."source", "deals"."created_at", "deals"."updated_at" from "deals" inner join "customers" on ("customers"."tenant_id" = "deals"."tenant_id" and "customers"."id" = "deals"."customer_id") where ("deals"."tenant_id" = $1 and "deals"."id" = $2 and (("deals"."tenant_id" = $3 and "deals"."owner_user_id" = $4) or ("customers"."tenant_id" = $5 and (("customers"."tenant_id" = $6 and "customers"."owner_user_id" = $7) or "customers"."pool_id" is not null))));

-- lockDeal
begin;
select "tenant_id", "id", "customer_id", "name", "pipeline_id", "stage_id", "outcome", "amount", "currency", "expected_close_date", "owner_user_id", "team_id", "lost_reason", "closed_at", "lead_id", "source", "created_at", "updated_at" from "deals" where ("deals"."tenant_id" = $1 and "deals"."id" = $2) for update;
commit;

-- listVisibleDeals (first page, scope all)
select "deals"."tenant_id", "deals"."id", "deals"."customer_id", "deals"."name", "deals"."pipeline_id", "deals"."stage_id", "deals"."outcome", "deals"."amount", "deals"."currency", "deals"."expected_close_date", "deals"."owner_user_id", "deals"."team_id", "deals"."lost_reason", "deals"."closed_at", "deals"."lead_id", "deals"."source", "deals"."created_at", "deals"."updated_at" from "deals" inner join "customers" on ("customers"."tenant_id" = "deals"."tenant_id" and "customers"."id" = "deals"."customer_id") where ("deals"."tenant_id" = $1 and "deals"."tenant_id" = $2) order by "deals"."id" desc limit $3;

-- listVisibleDeals (every filter and a cursor, scope own)
select "deals"."tenant_id", "deals"."id", "deals"."customer_id", "deals"."name", "deals"."pipeline_id", "deals"."stage_id", "deals"."outcome", "deals"."amount", "deals"."currency", "deals"."expected_close_date", "deals"."owner_user_id", "deals"."team_id", "deals"."lost_reason", "deals"."closed_at", "deals"."lead_id", "deals"."source", "deals"."created_at", "deals"."updated_at" from "deals" inner join "customers" on ("customers"."tenant_id" = "deals"."tenant_id" and "customers"."id" = "deals"."customer_id") where ("deals"."tenant_id" = $1 and (("deals"."tenant_id" = $2 and "deals"."owner_user_id" = $3) or ("customers"."tenant_id" = $4 and (("customers"."tenant_id" = $5 and "customers"."owner_user_id" = $6) or "customers"."pool_id" is not null))) and "deals"."owner_user_id" = $7 and "deals"."customer_id" = $8 and "deals"."pipeline_id" = $9 and "deals"."stage_id" = $10 and "deals"."outcome" = $11 and "deals"."id" < $12) order by "deals"."id" desc limit $13;

-- listDealLines
select "tenant_id", "deal_id", "line_no", "product_id", "quantity", "unit_price", "discount_percent", "tax_rate", "net", "tax" from "deal_lines" where ("deal_lines"."tenant_id" = $1 and "deal_lines"."deal_id" in ($2)) order by "deal_lines"."deal_id" asc, "deal_lines"."line_no" asc;

-- replaceDealLines
delete from "deal_lines" where ("deal_lines"."tenant_id" = $1 and "deal_lines"."deal_id" = $2);
insert into "deal_lines" ("tenant_id", "deal_id", "line_no", "product_id", "quantity", "unit_price", "discount_percent", "tax_rate", "net", "tax") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- updateDealRow
update "deals" set "outcome" = $1, "updated_at" = $2 where ("deals"."tenant_id" = $3 and "deals"."id" = $4) returning "tenant_id", "id", "customer_id", "name", "pipeline_id", "stage_id", "outcome", "amount", "currency", "expected_close_date", "owner_user_id", "team_id", "lost_reason", "closed_at", "lead_id", "source", "created_at", "updated_at";

-- insertStageChange
insert into "deal_stage_changes" ("tenant_id", "id", "deal_id", "from_stage_id", "to_stage_id", "from_outcome", "to_outcome", "user_id", "note", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- listStageChanges
select "tenant_id", "id", "deal_id", "from_stage_id", "to_stage_id", "from_outcome", "to_outcome", "user_id", "note", "at" from "deal_stage_changes" where ("deal_stage_changes"."tenant_id" = $1 and "deal_stage_changes"."deal_id" = $2) order by "deal_stage_changes"."at" asc, "deal_stage_changes"."id" asc;

-- listCustomerOutcomes
select "outcome" from "deals" where ("deals"."tenant_id" = $1 and "deals"."customer_id" = $2);

-- repointDeals
update "deals" set "customer_id" = $1 where ("deals"."tenant_id" = $2 and "deals"."customer_id" in ($3, $4)) returning "id";
