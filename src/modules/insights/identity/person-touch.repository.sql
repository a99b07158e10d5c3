-- touchPersonsSeen (rows held elsewhere skipped)

    with x as materialized (
      select * from jsonb_to_recordset($1::jsonb) as x(t uuid, id uuid, f timestamptz, l timestamptz)
    ), present as materialized (
      select q.tenant_id, q.id, x.f, x.l,
        (q.last_seen_at < x.l or q.first_seen_at > x.f) as needed
      from x join persons q on q.tenant_id = x.t and q.id = x.id
      where q.id = any($2::uuid[])
    ), locked as (
      select q.tenant_id, q.id, present.f, present.l from persons q
      join present on q.tenant_id = present.tenant_id and q.id = present.id
      where present.needed
      order by q.id
      for update of q skip locked
    ), touched as (
      update persons p set first_seen_at = least(p.first_seen_at, locked.f),
        last_seen_at = greatest(p.last_seen_at, locked.l)
      from locked where p.tenant_id = locked.tenant_id and p.id = locked.id
      returning p.tenant_id, p.id
    )
    select
      (select json_agg(present.tenant_id || '|' || present.id) from present
        where present.needed and not exists (
          select 1 from touched where touched.tenant_id = present.tenant_id and touched.id = present.id)
      ) as skipped,
      (select count(*)::int from x) - (select count(*)::int from present) as missing;
