-- deleteEventsBefore (one chunk)

    delete from events
    where tenant_id = $1 and source_id = $2 and "timestamp" < $3
      and "timestamp" <= coalesce((
        select "timestamp" from events
        where tenant_id = $4 and source_id = $5 and "timestamp" < $6
        order by "timestamp" offset $7 limit 1
      ), $8);

-- purgeMessageIdsBefore (offline sources kept)

    delete from event_message_ids m
    where m.received_at < $1 and not exists (
    select 1 from sources s where s.tenant_id = m.tenant_id and s.id = m.source_id and s.kind = 'offline')
      and m.received_at <= coalesce((
        select m.received_at from event_message_ids m
        where m.received_at < $2 and not exists (
    select 1 from sources s where s.tenant_id = m.tenant_id and s.id = m.source_id and s.kind = 'offline')
        order by m.received_at offset $3 limit 1
      ), $4);

-- purgeSourceMessageIdsBefore
delete from "event_message_ids" where ("event_message_ids"."tenant_id" = $1 and "event_message_ids"."source_id" = $2 and "event_message_ids"."message_id" in (select "message_id" from "event_message_ids" where ("event_message_ids"."tenant_id" = $3 and "event_message_ids"."source_id" = $4 and "event_message_ids"."received_at" < $5) limit $6)) returning "message_id";
