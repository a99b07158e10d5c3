-- insertLeads
insert into "leads" ("tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30) returning "tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at";

-- findVisibleLead (scope all)
select "tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at" from "leads" where ("leads"."tenant_id" = $1 and "leads"."id" = $2);

-- findVisibleLead (scope own)
select "tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at" from "leads" where (("leads"."tenant_id" = $1 and "leads"."owner_user_id" = $2) and "leads"."id" = $3);

-- lockLead
select "tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at" from "leads" where ("leads"."tenant_id" = $1 and "leads"."id" = $2) for update;

-- listVisibleLeads (first page)
select "tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at" from "leads" where "leads"."tenant_id" = $1 order by "leads"."id" desc limit $2;

-- listVisibleLeads (filtered, after a cursor)
select "tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at" from "leads" where ("leads"."tenant_id" = $1 and "leads"."status" = $2 and "leads"."kind" = $3 and "leads"."source" = $4 and ("leads"."name" ilike $5 or "leads"."contact_name" ilike $6 or "leads"."phone" ilike $7 or "leads"."email" ilike $8) and "leads"."id" < $9) order by "leads"."id" desc limit $10;

-- updateLead
update "leads" set "status" = $1, "updated_at" = $2 where ("leads"."tenant_id" = $3 and "leads"."id" = $4) returning "tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at";

-- findLeadByShareToken
select "tenant_id", "id", "kind", "name", "contact_name", "phone", "email", "region", "source", "source_ref", "product_id", "form_id", "form_version", "answers", "people", "language", "status", "disqualify_reason", "note", "owner_user_id", "team_id", "assigned_at", "customer_id", "deal_id", "share_token_hash", "share_expires_at", "qualified_at", "converted_at", "created_at", "updated_at" from "leads" where ("leads"."tenant_id" = $1 and "leads"."share_token_hash" = $2);

-- listFormAnswers
select "id", "name", "status", "form_version", "answers", "created_at" from "leads" where ("leads"."tenant_id" = $1 and "leads"."form_id" = $2 and "leads"."id" < $3) order by "leads"."id" desc limit $4;
