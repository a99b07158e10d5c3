-- ensureZoneRow
insert into "zones" ("tenant_id", "id", "warehouse_id", "code", "name", "created_at") values ($1, $2, $3, $4, $5, $6) on conflict ("tenant_id","warehouse_id","code") do nothing;
select "id" from "zones" where ("zones"."tenant_id" = $1 and "zones"."warehouse_id" = $2 and "zones"."code" = $3) limit $4;

-- insertLocationRow (a taken code inserts nothing)
insert into "locations" ("tenant_id", "id", "warehouse_id", "zone_id", "code", "kind", "aisle", "block", "slot", "level", "path_rank", "disabled", "created_at") values ($1, $2, $3, default, $4, default, default, default, default, default, default, default, $5) on conflict ("tenant_id","warehouse_id","code") do nothing returning "id";

-- updateLocationRow
update "locations" set "aisle" = $1, "path_rank" = $2 where ("locations"."tenant_id" = $3 and "locations"."id" = $4);

-- listLocationRows (kind and q)
select "locations"."tenant_id", "locations"."id", "locations"."warehouse_id", "locations"."zone_id", "locations"."code", "locations"."kind", "locations"."aisle", "locations"."block", "locations"."slot", "locations"."level", "locations"."path_rank", "locations"."disabled", "locations"."created_at", "zones"."code" from "locations" left join "zones" on ("zones"."tenant_id" = "locations"."tenant_id" and "zones"."id" = "locations"."zone_id") where ("locations"."tenant_id" = $1 and "locations"."warehouse_id" = $2 and "locations"."kind" = $3 and ("locations"."code" ilike $4 or "zones"."code" ilike $5)) order by "locations"."code" asc;

-- findLocationRowByCode
select "locations"."tenant_id", "locations"."id", "locations"."warehouse_id", "locations"."zone_id", "locations"."code", "locations"."kind", "locations"."aisle", "locations"."block", "locations"."slot", "locations"."level", "locations"."path_rank", "locations"."disabled", "locations"."created_at", "zones"."code" from "locations" left join "zones" on ("zones"."tenant_id" = "locations"."tenant_id" and "zones"."id" = "locations"."zone_id") where ("locations"."tenant_id" = $1 and "locations"."warehouse_id" = $2 and "locations"."code" = $3) limit $4;

-- setPathRanks (one update per location)
update "locations" set "path_rank" = $1 where ("locations"."tenant_id" = $2 and "locations"."id" = $3);

-- findLocationRowsByCodes
select "locations"."tenant_id", "locations"."id", "locations"."warehouse_id", "locations"."zone_id", "locations"."code", "locations"."kind", "locations"."aisle", "locations"."block", "locations"."slot", "locations"."level", "locations"."path_rank", "locations"."disabled", "locations"."created_at", "zones"."code" from "locations" left join "zones" on ("zones"."tenant_id" = "locations"."tenant_id" and "zones"."id" = "locations"."zone_id") where ("locations"."tenant_id" = $1 and "locations"."warehouse_id" = $2 and "locations"."code" in ($3, $4));

-- ensureZoneRows (one insert, one select)
insert into "zones" ("tenant_id", "id", "warehouse_id", "code", "name", "created_at") values ($1, $2, $3, $4, $5, $6) on conflict ("tenant_id","warehouse_id","code") do nothing;
select "id", "code" from "zones" where ("zones"."tenant_id" = $1 and "zones"."warehouse_id" = $2 and "zones"."code" in ($3));

-- insertLocationRows (rows as one JSON parameter; taken codes insert nothing)
insert into "locations" (tenant_id, id, warehouse_id, zone_id, code, kind, aisle, block, slot, level, path_rank, created_at)
    select $1::uuid, x.id, $2::uuid, x.zone_id, x.code, x.kind, x.aisle, x.block, x.slot, x.level, x.path_rank, $3::timestamptz
    from json_to_recordset($4::json) as x(id uuid, code text, zone_id uuid, kind text, aisle int, block int, slot int, level int, path_rank int)
    on conflict (tenant_id, warehouse_id, code) do nothing
    returning code;

-- updateLocationRows (rows as one JSON parameter; a dock keeps its kind)
update "locations" as l
    set zone_id = x.zone_id, kind = x.kind, aisle = x.aisle, block = x.block, slot = x.slot,
      level = x.level, path_rank = x.path_rank
    from json_to_recordset($1::json) as x(id uuid, code text, zone_id uuid, kind text, aisle int, block int, slot int, level int, path_rank int)
    where l.tenant_id = $2::uuid and l.id = x.id and (l.kind = 'storage' or l.kind = x.kind)
    returning l.id;
