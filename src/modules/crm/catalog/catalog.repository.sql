-- insertProduct
insert into "products" ("tenant_id", "id", "name", "kind", "sku", "price_amount", "currency", "tax_rate", "active", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning "tenant_id", "id", "name", "kind", "sku", "price_amount", "currency", "tax_rate", "active", "created_at", "updated_at";

-- findProductRows
select "tenant_id", "id", "name", "kind", "sku", "price_amount", "currency", "tax_rate", "active", "created_at", "updated_at" from "products" where ("products"."tenant_id" = $1 and "products"."id" in ($2, $3));

-- listProductRows (no filter)
select "tenant_id", "id", "name", "kind", "sku", "price_amount", "currency", "tax_rate", "active", "created_at", "updated_at" from "products" where "products"."tenant_id" = $1 order by "products"."name" asc, "products"."id" asc limit $2;

-- listProductRows (every filter)
select "tenant_id", "id", "name", "kind", "sku", "price_amount", "currency", "tax_rate", "active", "created_at", "updated_at" from "products" where ("products"."tenant_id" = $1 and "products"."kind" = $2 and "products"."active" = $3 and "products"."name" ilike $4) order by "products"."name" asc, "products"."id" asc limit $5;

-- updateProductRow
update "products" set "name" = $1, "updated_at" = $2 where ("products"."tenant_id" = $3 and "products"."id" = $4) returning "tenant_id", "id", "name", "kind", "sku", "price_amount", "currency", "tax_rate", "active", "created_at", "updated_at";

-- upsertPriceRows
insert into "product_prices" ("tenant_id", "product_id", "customer_kind", "value_tier", "amount", "currency", "updated_at") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("tenant_id","product_id","customer_kind","value_tier") do update set "amount" = excluded.amount, "currency" = excluded.currency, "updated_at" = excluded.updated_at;

-- listPriceRows
select "tenant_id", "product_id", "customer_kind", "value_tier", "amount", "currency", "updated_at" from "product_prices" where ("product_prices"."tenant_id" = $1 and "product_prices"."product_id" in ($2)) order by "product_prices"."customer_kind" asc, "product_prices"."value_tier" asc;
