-- lockStockRows
begin;
select "id" from "stock" where ("stock"."tenant_id" = $1 and "stock"."warehouse_id" = $2 and "stock"."item_id" in ($3)) order by "stock"."id" asc for update;
commit;

-- lockStockRowsById
begin;
select "id" from "stock" where ("stock"."tenant_id" = $1 and "stock"."id" in ($2)) order by "stock"."id" asc for update;
commit;

-- listCandidates
select "stock"."id", "stock"."item_id", "stock"."location_id", "locations"."code", "locations"."path_rank", "stock"."lot_id", "lots"."lot_number", "lots"."production_date", "lots"."expiry_date", "stock"."putaway_at", "stock"."on_hand", coalesce((select sum("reservations"."quantity") from "reservations"
    where "reservations"."tenant_id" = "stock"."tenant_id" and "reservations"."stock_id" = "stock"."id"
      and "reservations"."status" = 'active'), 0)::int from "stock" inner join "locations" on ("locations"."tenant_id" = "stock"."tenant_id" and "locations"."id" = "stock"."location_id") left join "lots" on ("lots"."tenant_id" = "stock"."tenant_id" and "lots"."id" = "stock"."lot_id") where ("stock"."tenant_id" = $1 and "stock"."warehouse_id" = $2 and "stock"."item_id" in ($3) and "locations"."kind" = $4 and "locations"."disabled" = $5) order by "stock"."id" asc;

-- closeReservations
update "reservations" set "status" = $1, "closed_at" = $2 where ("reservations"."tenant_id" = $3 and "reservations"."id" in ($4));

-- storeAllocationOutcome (reservations, short lines and a run)
with new_reservations as (
        insert into "reservations" (tenant_id, id, order_id, line_no, stock_id, quantity, status, created_at)
        values ($1::uuid, $2::uuid, $3::uuid, $4::integer, $5::uuid, $6::integer, 'active', $7::timestamptz)), short_lines as (
          update "outbound_order_lines" set short_quantity = v.quantity, short_reason = v.reason
          from (values ($8::integer, $9::integer, $10::text)) as v(line_no, quantity, reason)
          where "outbound_order_lines"."tenant_id" = $11 and "outbound_order_lines"."order_id" = $12
            and "outbound_order_lines"."line_no" = v.line_no), run as (
        insert into "allocation_runs" (tenant_id, id, order_id, result, actor_user_id, created_at)
        values ($13::uuid, $14::uuid, $15::uuid,
          $16::jsonb, $17::uuid, $18::timestamptz)) update "outbound_orders" set status = $19, updated_at = $20::timestamptz
    where "outbound_orders"."tenant_id" = $21 and "outbound_orders"."id" = $22;

-- storeAllocationOutcome (status only)
update "outbound_orders" set status = $1, updated_at = $2::timestamptz
    where "outbound_orders"."tenant_id" = $3 and "outbound_orders"."id" = $4;

-- releaseActiveReservations
with released as (
      update "reservations" set status = 'released', closed_at = $1::timestamptz
      where "reservations"."tenant_id" = $2 and "reservations"."order_id" = $3
        and "reservations"."status" = 'active'
      returning id, line_no, stock_id, quantity, created_at)
    select r.id, r.line_no, r.quantity, s.location_id, s.item_id, s.lot_id
    from released r
      join "stock" s on s.tenant_id = $4 and s.id = r.stock_id
      join "locations" l on l.tenant_id = $5 and l.id = s.location_id
    order by r.line_no, r.created_at, l.code, r.id;

-- findDock (shipping)
select "id" from "locations" where ("locations"."tenant_id" = $1 and "locations"."warehouse_id" = $2 and "locations"."kind" = $3) order by "locations"."code" <> $4, "locations"."code" asc limit $5;

-- findDock (receiving)
select "id" from "locations" where ("locations"."tenant_id" = $1 and "locations"."warehouse_id" = $2 and "locations"."kind" = $3) order by "locations"."code" <> $4, "locations"."code" asc limit $5;
