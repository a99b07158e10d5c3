-- touchPersonsSeen (one tenant, rows held elsewhere skipped)

    with x as materialized (
      select * from jsonb_to_recordset($1::jsonb) as x(id uuid, f timestamptz, l timestamptz)
    ), present as materialized (
      select q.id, x.f, x.l,
        (q.last_seen_at < x.l or q.first_seen_at > x.f) as needed
      from x join persons q on q.tenant_id = $2 and q.id = x.id
      where q.id = any($3::uuid[])
    ), locked as (
      select q.id, present.f, present.l from persons q
      join present on q.id = present.id
      where q.tenant_id = $4 and present.needed
      order by q.id
      for update of q skip locked
    ), touched as (
      update persons p set first_seen_at = least(p.first_seen_at, locked.f),
        last_seen_at = greatest(p.last_seen_at, locked.l)
      from locked where p.tenant_id = $5 and p.id = locked.id
      returning p.id
    )
    select
      (select json_agg(present.id) from present
        where present.needed and not exists (select 1 from touched where touched.id = present.id)
      ) as skipped,
      (select count(*)::int from x) - (select count(*)::int from present) as missing;
