-- insertEventsSql (claimed rows only, under a claimed CTE)
with claimed as (select 'm-1'::text as message_id) insert into events (tenant_id, source_id, received_at, "id", "person_id", "customer_id", "type", "event", "channel", "message_id", "user_id", "anonymous_id", "group_id", "timestamp", "sent_at", "original_timestamp", "properties", "traits", "context")
    select $1::uuid, $2::uuid, $3::timestamptz,
      x.a, x.b, x.c, x.d, x.e, x.f, x.g, x.h, x.i, x.j, x.k, x.l, x.m, x.n, x.o, x.p
    from jsonb_to_recordset($4::jsonb) as x(a uuid, b uuid, c uuid, d text, e text, f text, g text, h text, i text, j text, k timestamptz, l timestamptz, m timestamptz, n jsonb, o jsonb, p jsonb) where x.g in (select message_id from claimed);

-- listSeenMessageIds
select "message_id" from "event_message_ids" where ("event_message_ids"."tenant_id" = $1 and "event_message_ids"."source_id" = $2 and "event_message_ids"."message_id" in ($3, $4));
