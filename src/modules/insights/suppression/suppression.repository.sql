-- insertSuppressions
insert into "suppressions" ("tenant_id", "kind", "value_hash", "person_id", "created_at", "dropped_count", "last_dropped_at") values ($1, $2, $3, $4, $5, default, default) on conflict do nothing;

-- findSuppressedHashes
select "value_hash" from "suppressions" where ("suppressions"."tenant_id" = $1 and "suppressions"."value_hash" in ($2, $3));

-- countDrops

    update suppressions s set dropped_count = s.dropped_count + d.count, last_dropped_at = $1::timestamptz
    from (values ($2::text, $3::int)) as d (value_hash, count)
    where s.tenant_id = $4 and s.value_hash = d.value_hash;

-- listSuppressionRows
select "tenant_id", "kind", "value_hash", "person_id", "created_at", "dropped_count", "last_dropped_at" from "suppressions" where "suppressions"."tenant_id" = $1 order by "suppressions"."created_at" desc, "suppressions"."value_hash" limit $2;
