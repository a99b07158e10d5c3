-- insertItemRow (a taken SKU inserts nothing)
insert into "items" ("tenant_id", "id", "sku", "name", "unit", "weight_kg", "barcode", "catch_weight", "allocation_strategy", "supplier_id", "created_at", "updated_at") values ($1, $2, $3, $4, default, default, default, default, default, default, $5, $6) on conflict ("tenant_id","sku") do nothing returning "id";

-- updateItemRow (fields left out stay)
update "items" set "unit" = $1, "updated_at" = $2 where ("items"."tenant_id" = $3 and "items"."id" = $4) returning "id";

-- findItemRow
select "tenant_id", "id", "sku", "name", "unit", "weight_kg", "barcode", "catch_weight", "allocation_strategy", "supplier_id", "created_at", "updated_at" from "items" where ("items"."tenant_id" = $1 and "items"."id" = $2) limit $3;

-- findItemRowsBySku
select "tenant_id", "id", "sku", "name", "unit", "weight_kg", "barcode", "catch_weight", "allocation_strategy", "supplier_id", "created_at", "updated_at" from "items" where ("items"."tenant_id" = $1 and "items"."sku" in ($2, $3));

-- listItemRows (q and keyset)
select "tenant_id", "id", "sku", "name", "unit", "weight_kg", "barcode", "catch_weight", "allocation_strategy", "supplier_id", "created_at", "updated_at" from "items" where ("items"."tenant_id" = $1 and ("items"."sku" ilike $2 or "items"."name" ilike $3 or "items"."barcode" ilike $4) and "items"."sku" > $5) order by "items"."sku" asc limit $6;

-- listLotRows
select "tenant_id", "id", "item_id", "lot_number", "production_date", "expiry_date", "supplier_id", "created_at" from "lots" where ("lots"."tenant_id" = $1 and "lots"."item_id" = $2) order by "lots"."lot_number" asc;

-- findLotRow
select "tenant_id", "id", "item_id", "lot_number", "production_date", "expiry_date", "supplier_id", "created_at" from "lots" where ("lots"."tenant_id" = $1 and "lots"."item_id" = $2 and "lots"."lot_number" = $3) limit $4;

-- insertLotRow (a known number inserts nothing)
insert into "lots" ("tenant_id", "id", "item_id", "lot_number", "production_date", "expiry_date", "supplier_id", "created_at") values ($1, $2, $3, $4, default, default, default, $5) on conflict ("tenant_id","item_id","lot_number") do nothing;

-- insertSupplierRow
insert into "suppliers" ("tenant_id", "id", "code", "name", "created_at") values ($1, $2, $3, $4, $5) on conflict ("tenant_id","code") do nothing returning "id";

-- listSupplierRows
select "tenant_id", "id", "code", "name", "created_at" from "suppliers" where "suppliers"."tenant_id" = $1 order by "suppliers"."code" asc;

-- findSupplierRowByCode
select "tenant_id", "id", "code", "name", "created_at" from "suppliers" where ("suppliers"."tenant_id" = $1 and "suppliers"."code" = $2) limit $3;

-- insertItemRows (rows as one JSON parameter; taken SKUs insert nothing)
insert into "items" (tenant_id, id, sku, name, unit, weight_kg, barcode, catch_weight, allocation_strategy, supplier_id, created_at, updated_at)
    select $1::uuid, x.id, x.sku, x.name, coalesce(x.unit, $2), x.weight_kg, x.barcode,
      coalesce(x.catch_weight, $3), x.allocation_strategy, x.supplier_id, $4::timestamptz, $5::timestamptz
    from json_to_recordset($6::json) as x(id uuid, sku text, name text, unit text, weight_kg numeric, barcode text, catch_weight boolean, allocation_strategy text, supplier_id uuid)
    on conflict (tenant_id, sku) do nothing
    returning sku;

-- updateItemRowsGiven (rows as one JSON parameter; fields left out stay)
update "items" as i
    set name = coalesce(x.name, i.name), unit = coalesce(x.unit, i.unit),
      weight_kg = coalesce(x.weight_kg, i.weight_kg), barcode = coalesce(x.barcode, i.barcode),
      catch_weight = coalesce(x.catch_weight, i.catch_weight),
      allocation_strategy = coalesce(x.allocation_strategy, i.allocation_strategy),
      supplier_id = coalesce(x.supplier_id, i.supplier_id), updated_at = $1::timestamptz
    from json_to_recordset($2::json) as x(id uuid, sku text, name text, unit text, weight_kg numeric, barcode text, catch_weight boolean, allocation_strategy text, supplier_id uuid)
    where i.tenant_id = $3::uuid and i.id = x.id
    returning i.id;

-- findLotRowsByNumbers
select "tenant_id", "id", "item_id", "lot_number", "production_date", "expiry_date", "supplier_id", "created_at" from "lots" where ("lots"."tenant_id" = $1 and ("lots"."item_id", "lots"."lot_number") in (select x.item_id, x.lot_number from json_to_recordset($2::json) as x(item_id uuid, lot_number text)));

-- insertLotRows (rows as one JSON parameter; known numbers insert nothing)
insert into "lots" (tenant_id, id, item_id, lot_number, production_date, expiry_date, supplier_id, created_at)
    select $1::uuid, x.id, x.item_id, x.lot_number, x.production_date, x.expiry_date, x.supplier_id, $2::timestamptz
    from json_to_recordset($3::json)
      as x(id uuid, item_id uuid, lot_number text, production_date date, expiry_date date, supplier_id uuid)
    on conflict (tenant_id, item_id, lot_number) do nothing
    returning id;

-- findSupplierRowsByCodes
select "tenant_id", "id", "code", "name", "created_at" from "suppliers" where ("suppliers"."tenant_id" = $1 and "suppliers"."code" in ($2, $3));
