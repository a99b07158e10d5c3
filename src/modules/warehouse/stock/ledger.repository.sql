-- insertMoves
insert into "stock_moves" ("tenant_id", "id", "warehouse_id", "kind", "item_id", "lot_id", "from_location_id", "to_location_id", "quantity", "weight_kg", "receipt_id", "order_id", "order_line_no", "reason", "note", "actor_user_id", "occurred_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17);

-- putIntoRows
insert into "stock" (tenant_id, id, warehouse_id, location_id, item_id, lot_id, on_hand, weight_kg,
          putaway_at, updated_at)
        values ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid, $7::integer, $8::numeric, $9::timestamptz, $10::timestamptz)
        on conflict (tenant_id, location_id, item_id, lot_id) do update set
          on_hand = "stock"."on_hand" + excluded.on_hand,
          weight_kg = case when "stock"."on_hand" = 0 then excluded.weight_kg
            when excluded.weight_kg is null then "stock"."weight_kg"
            else coalesce("stock"."weight_kg", 0) + excluded.weight_kg end,
          putaway_at = case when "stock"."on_hand" = 0 then excluded.putaway_at
            else least("stock"."putaway_at", excluded.putaway_at) end,
          updated_at = excluded.updated_at
        returning id, location_id, item_id, lot_id;

-- takeFromRows
update "stock" set
          on_hand = "stock"."on_hand" - t.quantity,
          weight_kg = case when "stock"."on_hand" = t.quantity then null
            when t.weight_kg is null then "stock"."weight_kg"
            else greatest(coalesce("stock"."weight_kg", 0) - t.weight_kg, 0) end,
          updated_at = t.updated_at
        from (values ($1::uuid, $2::uuid, $3::uuid, $4::integer, $5::numeric, $6::timestamptz)) as t(location_id, item_id, lot_id, quantity, weight_kg, updated_at)
        where "stock"."tenant_id" = $7 and "stock"."location_id" = t.location_id
          and "stock"."item_id" = t.item_id and "stock"."lot_id" is not distinct from t.lot_id
          and "stock"."on_hand" >= t.quantity
        returning "stock"."id" as id, "stock"."location_id" as location_id, "stock"."item_id" as item_id,
          "stock"."lot_id" as lot_id;

-- listOnHandOfRows
select "stock"."location_id" as location_id, "stock"."item_id" as item_id, "stock"."lot_id" as lot_id,
        "stock"."on_hand" as on_hand
      from "stock" join (values ($1::uuid, $2::uuid, $3::uuid)) as k(location_id, item_id, lot_id)
        on "stock"."location_id" = k.location_id and "stock"."item_id" = k.item_id
          and "stock"."lot_id" is not distinct from k.lot_id
      where "stock"."tenant_id" = $4;

-- setOnHandFromLedger
insert into "stock" ("tenant_id", "id", "warehouse_id", "location_id", "item_id", "lot_id", "on_hand", "weight_kg", "putaway_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, default, $8, $9) on conflict ("tenant_id","location_id","item_id","lot_id") do update set "on_hand" = excluded.on_hand;
