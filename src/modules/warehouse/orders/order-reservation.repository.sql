-- listReservations (all)
select "reservations"."id", "reservations"."line_no", "reservations"."stock_id", "reservations"."quantity", "reservations"."status", "stock"."location_id", "locations"."code", "stock"."item_id", "stock"."lot_id", "lots"."lot_number" from "reservations" inner join "stock" on ("stock"."tenant_id" = "reservations"."tenant_id" and "stock"."id" = "reservations"."stock_id") inner join "locations" on ("locations"."tenant_id" = "stock"."tenant_id" and "locations"."id" = "stock"."location_id") left join "lots" on ("lots"."tenant_id" = "stock"."tenant_id" and "lots"."id" = "stock"."lot_id") where ("reservations"."tenant_id" = $1 and "reservations"."order_id" = $2) order by "reservations"."line_no" asc, "reservations"."created_at" asc, "locations"."code" asc, "reservations"."id" asc;

-- listReservations (active)
select "reservations"."id", "reservations"."line_no", "reservations"."stock_id", "reservations"."quantity", "reservations"."status", "stock"."location_id", "locations"."code", "stock"."item_id", "stock"."lot_id", "lots"."lot_number" from "reservations" inner join "stock" on ("stock"."tenant_id" = "reservations"."tenant_id" and "stock"."id" = "reservations"."stock_id") inner join "locations" on ("locations"."tenant_id" = "stock"."tenant_id" and "locations"."id" = "stock"."location_id") left join "lots" on ("lots"."tenant_id" = "stock"."tenant_id" and "lots"."id" = "stock"."lot_id") where ("reservations"."tenant_id" = $1 and "reservations"."order_id" = $2 and "reservations"."status" in ($3)) order by "reservations"."line_no" asc, "reservations"."created_at" asc, "locations"."code" asc, "reservations"."id" asc;

-- listAllocationRuns
select "result" from "allocation_runs" where ("allocation_runs"."tenant_id" = $1 and "allocation_runs"."order_id" = $2) order by "allocation_runs"."created_at" desc, "allocation_runs"."id" desc limit $3;

-- findLatestAllocationRun
select "result" from "allocation_runs" where ("allocation_runs"."tenant_id" = $1 and "allocation_runs"."order_id" = $2) order by "allocation_runs"."created_at" desc, "allocation_runs"."id" desc limit $3;

-- listActiveReservations
select "reservations"."order_id", "outbound_orders"."external_ref", "reservations"."quantity" from "reservations" left join "outbound_orders" on ("outbound_orders"."tenant_id" = "reservations"."tenant_id" and "outbound_orders"."id" = "reservations"."order_id") where ("reservations"."tenant_id" = $1 and "reservations"."stock_id" = $2 and "reservations"."status" = $3) order by "reservations"."created_at" asc;
