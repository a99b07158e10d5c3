-- findWarehouseRef (by code)
select "id", "code", "allocation_strategy", "allocation_policy" from "warehouses" where ("warehouses"."tenant_id" = $1 and "warehouses"."code" = $2);

-- findWarehouseRef (by id)
select "id", "code", "allocation_strategy", "allocation_policy" from "warehouses" where ("warehouses"."tenant_id" = $1 and "warehouses"."id" = $2);

-- listWarehousesByCode
select "id", "code" from "warehouses" where ("warehouses"."tenant_id" = $1 and "warehouses"."code" in ($2, $3));

-- listWarehouseCodes
select "id", "code" from "warehouses" where ("warehouses"."tenant_id" = $1 and "warehouses"."id" in ($2));

-- listItemsBySku
select "tenant_id", "id", "sku", "name", "unit", "weight_kg", "barcode", "catch_weight", "allocation_strategy", "supplier_id", "created_at", "updated_at" from "items" where ("items"."tenant_id" = $1 and "items"."sku" in ($2));

-- listLotsOfItems
select "tenant_id", "id", "item_id", "lot_number", "production_date", "expiry_date", "supplier_id", "created_at" from "lots" where ("lots"."tenant_id" = $1 and "lots"."item_id" in ($2));

-- listSuppliersByCode
select "id", "code" from "suppliers" where ("suppliers"."tenant_id" = $1 and "suppliers"."code" in ($2));

-- findCustomerLotRule
select "single_lot_per_line" from "customer_lot_rules" where ("customer_lot_rules"."tenant_id" = $1 and "customer_lot_rules"."customer_id" = $2);

-- saveCustomerLotRule
insert into "customer_lot_rules" ("tenant_id", "customer_id", "single_lot_per_line", "updated_at") values ($1, $2, $3, $4) on conflict ("tenant_id","customer_id") do update set "single_lot_per_line" = $5, "updated_at" = $6;
