-- claimMessageIdsSql (ids sorted)
insert into event_message_ids (tenant_id, source_id, message_id, received_at)
    select $1::uuid, $2::uuid, m, $3::timestamptz
    from unnest($4::text[]) m
    on conflict do nothing
    returning message_id;
