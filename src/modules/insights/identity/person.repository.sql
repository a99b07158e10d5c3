-- findIdentitiesAndPersons (keys and seed persons)

    with found as materialized (
      select k.kind, k.value, i.person_id
      from unnest($1::text[], $2::text[]) k(kind, value)
      cross join lateral (
        select i.person_id from person_identities i
        where i.tenant_id = $3 and i.kind = k.kind and i.value = k.value
        limit 1
      ) i
    )
    select
      (select coalesce(json_agg(json_build_array(kind, value, person_id)), '[]') from found) as identities,
      (select coalesce(json_agg(json_build_array(p.id, p.merged_into, p.user_id, p.crm_person_id, p.created_at,
  p.first_seen_at, p.last_seen_at,
  array(select a.customer_id from person_accounts a where a.tenant_id = $4 and a.person_id = p.id))), '[]') from persons p
        where p.tenant_id = $5
          and p.id = any(array(select person_id from found union select unnest($6::uuid[])))
      ) as heads;

-- findPersonChains

    with recursive chain (id, depth) as (
      select unnest($1::uuid[]), 0
      union
      select p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = $2 and p.id = chain.id
      where p.merged_into is not null and chain.depth < $3
    )
    select json_build_array(p.id, p.merged_into, p.user_id, p.crm_person_id, p.created_at,
  p.first_seen_at, p.last_seen_at,
  array(select a.customer_id from person_accounts a where a.tenant_id = $4 and a.person_id = p.id)) as head from persons p
    where p.tenant_id = $5 and p.id = any(array(select id from chain));

-- lockPersons

    select json_build_array(p.id, p.merged_into, p.user_id, p.crm_person_id, p.created_at,
  p.first_seen_at, p.last_seen_at,
  array(select a.customer_id from person_accounts a where a.tenant_id = $1 and a.person_id = p.id)) as head, p.traits, p.email_key as "emailKey", p.phone_key as "phoneKey",
      (select json_agg(json_build_array(s.trait, s.changed_at, s.message_id)) from (
        select distinct on (c.trait) c.trait, c.changed_at, c.message_id from person_trait_changes c
        where c.tenant_id = $2 and c.person_id = p.id
        order by c.trait, c.changed_at desc
      ) s) as stamps
    from persons p
    where p.tenant_id = $3 and p.id = any($4::uuid[])
    order by p.id
    for update of p;

-- lockCrmContacts (keys in order)

    select pg_advisory_xact_lock(k) from unnest($1::bigint[]) with ordinality as t(k, n) order by n;

-- findPersonsOfContacts

    select distinct on (crm_person_id) crm_person_id as "crmPersonId", id
    from persons
    where tenant_id = $1 and crm_person_id = any($2::uuid[])
    order by crm_person_id, merged_into is not null, created_at, id;
