-- listStockRows (first page, empty rows left out)
select "stock"."id", "stock"."warehouse_id", "warehouses"."code", "stock"."location_id", "locations"."code", "locations"."kind", "stock"."item_id", "items"."sku", "items"."name", "items"."unit", "stock"."lot_id", "lots"."lot_number", "lots"."production_date", "lots"."expiry_date", "stock"."on_hand", coalesce((select sum(r.quantity) from reservations r where r.tenant_id = "stock"."tenant_id" and r.stock_id = "stock"."id" and r.status = 'active'), 0)::int, "stock"."weight_kg", "stock"."putaway_at" from "stock" inner join "warehouses" on ("warehouses"."tenant_id" = "stock"."tenant_id" and "warehouses"."id" = "stock"."warehouse_id") inner join "locations" on ("locations"."tenant_id" = "stock"."tenant_id" and "locations"."id" = "stock"."location_id") inner join "items" on ("items"."tenant_id" = "stock"."tenant_id" and "items"."id" = "stock"."item_id") left join "lots" on ("lots"."tenant_id" = "stock"."tenant_id" and "lots"."id" = "stock"."lot_id") where ("stock"."tenant_id" = $1 and "stock"."on_hand" > 0) order by "warehouses"."code" asc, "locations"."code" asc, "items"."sku" asc, coalesce("lots"."lot_number", '') asc, "stock"."id" asc limit $2;

-- listStockRows (every filter and a cursor)
select "stock"."id", "stock"."warehouse_id", "warehouses"."code", "stock"."location_id", "locations"."code", "locations"."kind", "stock"."item_id", "items"."sku", "items"."name", "items"."unit", "stock"."lot_id", "lots"."lot_number", "lots"."production_date", "lots"."expiry_date", "stock"."on_hand", coalesce((select sum(r.quantity) from reservations r where r.tenant_id = "stock"."tenant_id" and r.stock_id = "stock"."id" and r.status = 'active'), 0)::int, "stock"."weight_kg", "stock"."putaway_at" from "stock" inner join "warehouses" on ("warehouses"."tenant_id" = "stock"."tenant_id" and "warehouses"."id" = "stock"."warehouse_id") inner join "locations" on ("locations"."tenant_id" = "stock"."tenant_id" and "locations"."id" = "stock"."location_id") inner join "items" on ("items"."tenant_id" = "stock"."tenant_id" and "items"."id" = "stock"."item_id") left join "lots" on ("lots"."tenant_id" = "stock"."tenant_id" and "lots"."id" = "stock"."lot_id") where ("stock"."tenant_id" = $1 and "stock"."warehouse_id" = $2 and "stock"."item_id" = $3 and "locations"."code" ilike $4 and "lots"."lot_number" = $5 and ("items"."sku" ilike $6 or "items"."name" ilike $7 or "locations"."code" ilike $8 or "lots"."lot_number" ilike $9) and ("warehouses"."code", "locations"."code", "items"."sku", coalesce("lots"."lot_number", ''), "stock"."id") > ($10, $11, $12, $13, $14::uuid)) order by "warehouses"."code" asc, "locations"."code" asc, "items"."sku" asc, coalesce("lots"."lot_number", '') asc, "stock"."id" asc limit $15;

-- lockStockRow (no lot)
begin;
select "id", "on_hand", "weight_kg" from "stock" where ("stock"."tenant_id" = $1 and "stock"."location_id" = $2 and "stock"."item_id" = $3 and "stock"."lot_id" is null) limit $4 for update;
commit;

-- listStockAtLocation
select "lot_id", "on_hand" from "stock" where ("stock"."tenant_id" = $1 and "stock"."location_id" = $2 and "stock"."item_id" = $3 and "stock"."on_hand" > 0);

-- insertReceiptRow
insert into "receipts" ("tenant_id", "id", "warehouse_id", "supplier_id", "reference", "received_at", "created_by_user_id") values ($1, $2, $3, default, default, $4, default);

-- deleteReceiptRow
delete from "receipts" where ("receipts"."tenant_id" = $1 and "receipts"."id" = $2);

-- listStockWithReservations
select "id", "location_id", "item_id", "lot_id", "on_hand", coalesce((select sum(r.quantity) from reservations r where r.tenant_id = "stock"."tenant_id" and r.stock_id = "stock"."id" and r.status = 'active'), 0)::int from "stock" where ("stock"."tenant_id" = $1 and "stock"."warehouse_id" = $2);
