-- executeWrites (ids of the returnsIds writes)
with w0 as (select '0190c9a8-0000-7000-8000-0000000000cc'::uuid as id) select coalesce((select json_agg(id) from (select id from w0) r), '[]') as ids;

-- claimAndInsert (a claim and the insert reading it)

    with claimed as (insert into event_message_ids (tenant_id, source_id, message_id, received_at)
    select $1::uuid, $2::uuid, m, $3::timestamptz
    from unnest($4::text[]) m
    on conflict do nothing
    returning message_id), stored as (select '0190c9a8-0000-7000-8000-0000000000cc'::uuid as id)
    select coalesce((select json_agg(message_id) from claimed), '[]') as ids;
