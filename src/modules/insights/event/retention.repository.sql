-- deleteEventsBefore (one chunk)

    delete from events
    where tenant_id = $1 and source_id = $2 and "timestamp" < $3
      and "timestamp" <= coalesce((
        select "timestamp" from events
        where tenant_id = $4 and source_id = $5 and "timestamp" < $6
        order by "timestamp" offset $7 limit 1
      ), $8);

-- listTenantsWithMessageIdsBefore (all tenants)
select distinct "tenant_id" from "event_message_ids" where "event_message_ids"."received_at" < $1 order by "event_message_ids"."tenant_id";

-- purgeMessageIdsBefore (one tenant, offline sources kept)

    delete from event_message_ids m
    where m.tenant_id = $1 and m.received_at < $2 and not exists (
    select 1 from sources s
    where s.tenant_id = $3 and s.id = m.source_id and s.kind = 'offline')
      and m.received_at <= coalesce((
        select o.received_at from event_message_ids o
        where o.tenant_id = $4 and o.received_at < $5 and not exists (
    select 1 from sources s
    where s.tenant_id = $6 and s.id = o.source_id and s.kind = 'offline')
        order by o.received_at offset $7 limit 1
      ), $8);

-- purgeSourceMessageIdsBefore
delete from "event_message_ids" where ("event_message_ids"."tenant_id" = $1 and "event_message_ids"."source_id" = $2 and "event_message_ids"."message_id" in (select "message_id" from "event_message_ids" where ("event_message_ids"."tenant_id" = $3 and "event_message_ids"."source_id" = $4 and "event_message_ids"."received_at" < $5) limit $6)) returning "message_id";
