-- insertOrder
insert into "outbound_orders" ("tenant_id", "id", "warehouse_id", "source", "external_ref", "type", "origin", "priority", "priority_rank", "pushed_at", "status", "carrier", "destination", "customer_id", "return_reason", "supplier_id", "target_warehouse_id", "allocation_policy", "single_lot_per_line", "note", "created_by_user_id", "created_at", "updated_at", "shipped_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, default, $12, default, default, default, default, default, default, default, default, $13, $14, default);
insert into "outbound_order_lines" ("tenant_id", "order_id", "line_no", "item_id", "quantity", "lot_id", "short_quantity", "short_reason") values ($1, $2, $3, $4, $5, default, default, default);

-- insertNewOrders
insert into "outbound_orders" ("tenant_id", "id", "warehouse_id", "source", "external_ref", "type", "origin", "priority", "priority_rank", "pushed_at", "status", "carrier", "destination", "customer_id", "return_reason", "supplier_id", "target_warehouse_id", "allocation_policy", "single_lot_per_line", "note", "created_by_user_id", "created_at", "updated_at", "shipped_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, default, $12, default, default, default, default, default, default, default, default, $13, $14, default), ($15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, default, $26, default, default, default, default, default, default, default, default, $27, $28, default) on conflict ("tenant_id","source","external_ref") do nothing returning "id";

-- insertOrderLines
insert into "outbound_order_lines" ("tenant_id", "order_id", "line_no", "item_id", "quantity", "lot_id", "short_quantity", "short_reason") values ($1, $2, $3, $4, $5, $6, default, default), ($7, $8, $9, $10, $11, $12, default, default);

-- findOrderRow
select "tenant_id", "id", "warehouse_id", "source", "external_ref", "type", "origin", "priority", "priority_rank", "pushed_at", "status", "carrier", "destination", "customer_id", "return_reason", "supplier_id", "target_warehouse_id", "allocation_policy", "single_lot_per_line", "note", "created_by_user_id", "created_at", "updated_at", "shipped_at" from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and "outbound_orders"."id" = $2);

-- findOrderRow (locked)
begin;
select "tenant_id", "id", "warehouse_id", "source", "external_ref", "type", "origin", "priority", "priority_rank", "pushed_at", "status", "carrier", "destination", "customer_id", "return_reason", "supplier_id", "target_warehouse_id", "allocation_policy", "single_lot_per_line", "note", "created_by_user_id", "created_at", "updated_at", "shipped_at" from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and "outbound_orders"."id" = $2) for update;
commit;

-- findOrderByRef
select "id" from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and "outbound_orders"."source" = $2 and "outbound_orders"."external_ref" = $3);

-- findOrdersByRefs
select "id", "external_ref", "status" from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and "outbound_orders"."source" = $2 and "outbound_orders"."external_ref" in ($3, $4));

-- listOrderRefs
select "id", "external_ref" from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and "outbound_orders"."id" in ($2));

-- findOrdersByKeys
select "id", "source", "external_ref" from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and ("outbound_orders"."source", "outbound_orders"."external_ref") in (select * from unnest($2::text[], $3::text[])));

-- listOrderLines
select "outbound_order_lines"."line_no", "outbound_order_lines"."item_id", "items"."sku", "items"."name", "items"."unit", "items"."catch_weight", "items"."allocation_strategy", "outbound_order_lines"."quantity", "outbound_order_lines"."lot_id", "lots"."lot_number", "outbound_order_lines"."short_quantity", "outbound_order_lines"."short_reason", coalesce((select sum("reservations"."quantity")
    from "reservations" where "reservations"."tenant_id" = "outbound_order_lines"."tenant_id"
      and "reservations"."order_id" = "outbound_order_lines"."order_id" and "reservations"."line_no" = "outbound_order_lines"."line_no"
      and "reservations"."status" = 'active'), 0)::int, coalesce((select sum("reservations"."quantity")
    from "reservations" where "reservations"."tenant_id" = "outbound_order_lines"."tenant_id"
      and "reservations"."order_id" = "outbound_order_lines"."order_id" and "reservations"."line_no" = "outbound_order_lines"."line_no"
      and "reservations"."status" = 'picked'), 0)::int from "outbound_order_lines" inner join "items" on ("items"."tenant_id" = "outbound_order_lines"."tenant_id" and "items"."id" = "outbound_order_lines"."item_id") left join "lots" on ("lots"."tenant_id" = "outbound_order_lines"."tenant_id" and "lots"."id" = "outbound_order_lines"."lot_id") where ("outbound_order_lines"."tenant_id" = $1 and "outbound_order_lines"."order_id" = $2) order by "outbound_order_lines"."line_no" asc;

-- listOrderRows (first page)
select "tenant_id", "id", "warehouse_id", "source", "external_ref", "type", "origin", "priority", "priority_rank", "pushed_at", "status", "carrier", "destination", "customer_id", "return_reason", "supplier_id", "target_warehouse_id", "allocation_policy", "single_lot_per_line", "note", "created_by_user_id", "created_at", "updated_at", "shipped_at", (select count(*) from "outbound_order_lines" where "outbound_order_lines"."tenant_id" = "outbound_orders"."tenant_id" and "outbound_order_lines"."order_id" = "outbound_orders"."id")::int, (select coalesce(sum("quantity"), 0) from "outbound_order_lines" where "outbound_order_lines"."tenant_id" = "outbound_orders"."tenant_id" and "outbound_order_lines"."order_id" = "outbound_orders"."id")::int from "outbound_orders" where "outbound_orders"."tenant_id" = $1 order by "outbound_orders"."priority_rank" asc, "outbound_orders"."pushed_at" asc, "outbound_orders"."id" asc limit $2;

-- listOrderRows (every filter and a cursor)
select "tenant_id", "id", "warehouse_id", "source", "external_ref", "type", "origin", "priority", "priority_rank", "pushed_at", "status", "carrier", "destination", "customer_id", "return_reason", "supplier_id", "target_warehouse_id", "allocation_policy", "single_lot_per_line", "note", "created_by_user_id", "created_at", "updated_at", "shipped_at", (select count(*) from "outbound_order_lines" where "outbound_order_lines"."tenant_id" = "outbound_orders"."tenant_id" and "outbound_order_lines"."order_id" = "outbound_orders"."id")::int, (select coalesce(sum("quantity"), 0) from "outbound_order_lines" where "outbound_order_lines"."tenant_id" = "outbound_orders"."tenant_id" and "outbound_order_lines"."order_id" = "outbound_orders"."id")::int from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and "outbound_orders"."warehouse_id" = $2 and "outbound_orders"."status" = $3 and "outbound_orders"."type" = $4 and "outbound_orders"."origin" = $5 and "outbound_orders"."priority" = $6 and "outbound_orders"."carrier" = $7 and "outbound_orders"."destination"->>'province' = $8 and "outbound_orders"."customer_id" = $9 and "outbound_orders"."external_ref" ilike $10 and ("outbound_orders"."priority_rank", "outbound_orders"."pushed_at", "outbound_orders"."id") > ($11, $12::timestamptz, $13::uuid)) order by "outbound_orders"."priority_rank" asc, "outbound_orders"."pushed_at" asc, "outbound_orders"."id" asc limit $14;

-- updateOrderStatus
update "outbound_orders" set "status" = $1, "updated_at" = $2, "shipped_at" = $3 where ("outbound_orders"."tenant_id" = $4 and "outbound_orders"."id" = $5);

-- listPoolOrders (all warehouses)
select "id", "external_ref" from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and "outbound_orders"."status" in ($2, $3, $4)) order by "outbound_orders"."priority_rank" asc, "outbound_orders"."pushed_at" asc, "outbound_orders"."id" asc limit $5;

-- listPoolOrders (one warehouse)
select "id", "external_ref" from "outbound_orders" where ("outbound_orders"."tenant_id" = $1 and "outbound_orders"."status" in ($2, $3, $4) and "outbound_orders"."warehouse_id" = $5) order by "outbound_orders"."priority_rank" asc, "outbound_orders"."pushed_at" asc, "outbound_orders"."id" asc limit $6;
