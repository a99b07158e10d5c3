-- forEachFunnelPage (persons)
begin read only;
declare funnel_rows no scroll cursor for with recursive chain (id, root, depth) as (
      select p.id, p.merged_into, 1 from persons p where p.tenant_id = $1 and p.merged_into is not null
      union all
      select chain.id, p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = $2 and p.id = chain.root
      where p.merged_into is not null and chain.depth < $3
    ), survivor as (
      select distinct on (id) id, root from chain order by id, depth desc
    )
    select coalesce(s.root, e.person_id) as unit, (extract(epoch from e."timestamp") * 1000)::float8 as at,
      (case when e.type = 'track' and e.event = $4 and e.properties @> $5::jsonb then 1 else 0 end + case when e.type = 'track' and e.event = $6 then 2 else 0 end) as steps, (case when e.type = 'track' and e.event = $7 then 1 else 0 end) as exclusions, e.properties ->> $8 as value
    from events e left join survivor s on s.id = e.person_id
    where e.tenant_id = $9 and e."timestamp" >= $10 and e."timestamp" <= $11
      and e.person_id is not null and e.type = 'track' and e.event = any($12::text[])
    order by 1, e."timestamp", e.id;
fetch forward 100 from funnel_rows;
close funnel_rows;
commit;

-- forEachFunnelPage (accounts, strict, after a unit)
begin read only;
declare funnel_rows no scroll cursor for with recursive chain (id, root, depth) as (
      select p.id, p.merged_into, 1 from persons p where p.tenant_id = $1 and p.merged_into is not null
      union all
      select chain.id, p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = $2 and p.id = chain.root
      where p.merged_into is not null and chain.depth < $3
    ), survivor as (
      select distinct on (id) id, root from chain order by id, depth desc
    )
    select u.customer_id as unit, (extract(epoch from e."timestamp") * 1000)::float8 as at,
      (case when e.type = 'track' and e.event = $4 and e.properties @> $5::jsonb then 1 else 0 end + case when e.type = 'track' and e.event = $6 then 2 else 0 end) as steps, (case when e.type = 'track' and e.event = $7 then 1 else 0 end) as exclusions, e.properties ->> $8 as value
    from events e left join survivor s on s.id = e.person_id join (
            select distinct coalesce(s2.root, a.person_id) as person_id, a.customer_id from person_accounts a
            left join survivor s2 on s2.id = a.person_id where a.tenant_id = $9
          ) u on u.person_id = coalesce(s.root, e.person_id)
    where e.tenant_id = $10 and e."timestamp" >= $11 and e."timestamp" <= $12
      and e.person_id is not null and e.type in ('track', 'page', 'screen') and u.customer_id > $13::uuid
    order by 1, e."timestamp", e.id;
fetch forward 100 from funnel_rows;
close funnel_rows;
commit;
