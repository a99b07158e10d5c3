-- insertNextQuote
select coalesce(max("version"), 0)::int from "deal_quotes" where ("deal_quotes"."tenant_id" = $1 and "deal_quotes"."deal_id" = $2);
insert into "deal_quotes" ("tenant_id", "id", "deal_id", "version", "language", "currency", "lines", "totals", "total", "customer_name", "seller_name", "valid_until", "note", "status", "created_by", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning "tenant_id", "id", "deal_id", "version", "language", "currency", "lines", "totals", "total", "customer_name", "seller_name", "valid_until", "note", "status", "created_by", "created_at";

-- listQuoteRows
select "tenant_id", "id", "deal_id", "version", "language", "currency", "lines", "totals", "total", "customer_name", "seller_name", "valid_until", "note", "status", "created_by", "created_at" from "deal_quotes" where ("deal_quotes"."tenant_id" = $1 and "deal_quotes"."deal_id" = $2) order by "deal_quotes"."version" desc;

-- findQuoteRow
select "tenant_id", "id", "deal_id", "version", "language", "currency", "lines", "totals", "total", "customer_name", "seller_name", "valid_until", "note", "status", "created_by", "created_at" from "deal_quotes" where ("deal_quotes"."tenant_id" = $1 and "deal_quotes"."deal_id" = $2 and "deal_quotes"."version" = $3);
