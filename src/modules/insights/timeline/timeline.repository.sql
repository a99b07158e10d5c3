-- findSurvivorId (a UUID: the person with that id first, then by identity)

    with recursive start as (
      select person_id from (
        select id as person_id, 0 as rank from persons where tenant_id = $1 and id = $2 union all select person_id, case kind when 'user_id' then 1 when 'anonymous_id' then 2 else 3 end as rank
        from person_identities
        where tenant_id = $3
          and ((kind = 'user_id' and value = $4) or (kind = 'anonymous_id' and value = $5))
      ) named order by rank limit 1
    ), chain (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p join start on p.tenant_id = $6 and p.id = start.person_id
      union all
      select p.id, p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = $7 and p.id = chain.merged_into
      where chain.depth < $8
    )
    select id from chain where merged_into is null limit 1;

-- findSurvivorId (userId, then anonymousId, then email key)

    with recursive start as (
      select person_id from (
        select person_id, case kind when 'user_id' then 1 when 'anonymous_id' then 2 else 3 end as rank
        from person_identities
        where tenant_id = $1
          and ((kind = 'user_id' and value = $2) or (kind = 'anonymous_id' and value = $3) or (kind = 'email' and value = $4))
      ) named order by rank limit 1
    ), chain (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p join start on p.tenant_id = $5 and p.id = start.person_id
      union all
      select p.id, p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = $6 and p.id = chain.merged_into
      where chain.depth < $7
    )
    select id from chain where merged_into is null limit 1;

-- listClusterMembers (given persons)

    with recursive up (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p where p.tenant_id = $1 and p.id in (select unnest($2::uuid[]))
      union all
      select p.id, p.merged_into, up.depth + 1 from up
      join persons p on p.tenant_id = $3 and p.id = up.merged_into
      where up.depth < $4
    ), down (root_id, id, depth) as (
      select distinct id, id, 0 from up where merged_into is null
      union all
      select down.root_id, p.id, down.depth + 1 from down
      join persons p on p.tenant_id = $5 and p.merged_into = down.id
      where down.depth < $6
    )
    select root_id as "rootId", id from down group by root_id, id order by root_id, min(depth), id;

-- listClusterMembers (persons acting for an account)

    with recursive up (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p where p.tenant_id = $1 and p.id in (select person_id from person_accounts where tenant_id = $2 and customer_id = $3)
      union all
      select p.id, p.merged_into, up.depth + 1 from up
      join persons p on p.tenant_id = $4 and p.id = up.merged_into
      where up.depth < $5
    ), down (root_id, id, depth) as (
      select distinct id, id, 0 from up where merged_into is null
      union all
      select down.root_id, p.id, down.depth + 1 from down
      join persons p on p.tenant_id = $6 and p.merged_into = down.id
      where down.depth < $7
    )
    select root_id as "rootId", id from down group by root_id, id order by root_id, min(depth), id;

-- listClusterMembers (persons linked to a CRM contact)

    with recursive up (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p where p.tenant_id = $1 and p.id in (select id from persons where tenant_id = $2 and crm_person_id = $3)
      union all
      select p.id, p.merged_into, up.depth + 1 from up
      join persons p on p.tenant_id = $4 and p.id = up.merged_into
      where up.depth < $5
    ), down (root_id, id, depth) as (
      select distinct id, id, 0 from up where merged_into is null
      union all
      select down.root_id, p.id, down.depth + 1 from down
      join persons p on p.tenant_id = $6 and p.merged_into = down.id
      where down.depth < $7
    )
    select root_id as "rootId", id from down group by root_id, id order by root_id, min(depth), id;

-- listEventsOfPersons (first page)
select t.* from ((select e.id, e.type, e.event, e.channel, e."timestamp", e.received_at as "receivedAt", e.message_id as "messageId", e.properties, e.traits, e.user_id as "userId", e.anonymous_id as "anonymousId", e.group_id as "groupId", e.person_id as "personId", e.customer_id as "customerId", e.source_id as "sourceId", to_char(e."timestamp" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from events e where e.tenant_id = $1 and e.person_id = $2 order by e."timestamp" desc, e.id desc limit $3) union all (select e.id, e.type, e.event, e.channel, e."timestamp", e.received_at as "receivedAt", e.message_id as "messageId", e.properties, e.traits, e.user_id as "userId", e.anonymous_id as "anonymousId", e.group_id as "groupId", e.person_id as "personId", e.customer_id as "customerId", e.source_id as "sourceId", to_char(e."timestamp" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from events e where e.tenant_id = $4 and e.person_id = $5 order by e."timestamp" desc, e.id desc limit $6)) t
      order by t."timestamp" desc, t.id desc limit $7;

-- listEventsOfPersons (filtered, after a cursor)
select t.* from ((select e.id, e.type, e.event, e.channel, e."timestamp", e.received_at as "receivedAt", e.message_id as "messageId", e.properties, e.traits, e.user_id as "userId", e.anonymous_id as "anonymousId", e.group_id as "groupId", e.person_id as "personId", e.customer_id as "customerId", e.source_id as "sourceId", to_char(e."timestamp" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from events e where e.tenant_id = $1 and e.person_id = $2 and e.event = $3 and e.type = $4 and e.channel = $5 and (e."timestamp", e.id) < ($6::timestamptz, $7::uuid) order by e."timestamp" desc, e.id desc limit $8)) t
      order by t."timestamp" desc, t.id desc limit $9;

-- listEventsOfAccount (named events and its persons, after a cursor)
select t.* from ((select e.id, e.type, e.event, e.channel, e."timestamp", e.received_at as "receivedAt", e.message_id as "messageId", e.properties, e.traits, e.user_id as "userId", e.anonymous_id as "anonymousId", e.group_id as "groupId", e.person_id as "personId", e.customer_id as "customerId", e.source_id as "sourceId", to_char(e."timestamp" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from events e
    where e.tenant_id = $1 and e.customer_id = $2 and (e."timestamp", e.id) < ($3::timestamptz, $4::uuid)
    order by e."timestamp" desc, e.id desc limit $5) union all (select e.id, e.type, e.event, e.channel, e."timestamp", e.received_at as "receivedAt", e.message_id as "messageId", e.properties, e.traits, e.user_id as "userId", e.anonymous_id as "anonymousId", e.group_id as "groupId", e.person_id as "personId", e.customer_id as "customerId", e.source_id as "sourceId", to_char(e."timestamp" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from events e where e.tenant_id = $6 and e.person_id = $7 and (e.customer_id is null or e.customer_id <> $8) and (e."timestamp", e.id) < ($9::timestamptz, $10::uuid) order by e."timestamp" desc, e.id desc limit $11)) t order by t."timestamp" desc, t.id desc limit $12;

-- listEventsOfAccount (no person acts for it)
select t.* from ((select e.id, e.type, e.event, e.channel, e."timestamp", e.received_at as "receivedAt", e.message_id as "messageId", e.properties, e.traits, e.user_id as "userId", e.anonymous_id as "anonymousId", e.group_id as "groupId", e.person_id as "personId", e.customer_id as "customerId", e.source_id as "sourceId", to_char(e."timestamp" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from events e
    where e.tenant_id = $1 and e.customer_id = $2
    order by e."timestamp" desc, e.id desc limit $3)) t order by t."timestamp" desc, t.id desc limit $4;

-- listSurvivors (first page)
select p.id, p.merged_into as "mergedInto", p.user_id as "userId", p.traits, p.crm_person_id as "crmPersonId", p.first_seen_at as "firstSeenAt", p.last_seen_at as "lastSeenAt", to_char(p.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from persons p
    where p.tenant_id = $1 and p.merged_into is null
    order by p.last_seen_at desc, p.id desc limit $2;

-- listSurvivors (search, after a cursor)
select * from (
      (select p.id, p.merged_into as "mergedInto", p.user_id as "userId", p.traits, p.crm_person_id as "crmPersonId", p.first_seen_at as "firstSeenAt", p.last_seen_at as "lastSeenAt", to_char(p.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from persons p
    where p.tenant_id = $1 and p.merged_into is null and (lower(p.user_id) like lower($2)
        or lower(p.traits->>'name') like lower($3) or lower(p.traits->>'email') like lower($4)) and (p.last_seen_at, p.id) < ($5::timestamptz, $6::uuid)
    order by p.last_seen_at desc, p.id desc limit $7)
      union
      (select p.id, p.merged_into as "mergedInto", p.user_id as "userId", p.traits, p.crm_person_id as "crmPersonId", p.first_seen_at as "firstSeenAt", p.last_seen_at as "lastSeenAt", to_char(p.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from persons p
    where p.tenant_id = $8 and p.merged_into is null and p.id in (with recursive chain (id, merged_into, depth) as (
      select p.id, p.merged_into, 0 from persons p where p.tenant_id = $9 and p.id in (
        select person_id from person_identities
        where tenant_id = $10 and lower(value) like lower($11))
      union all
      select p.id, p.merged_into, chain.depth + 1 from chain
      join persons p on p.tenant_id = $12 and p.id = chain.merged_into
      where chain.depth < 64
    ) select id from chain where merged_into is null) and (p.last_seen_at, p.id) < ($13::timestamptz, $14::uuid)
    order by p.last_seen_at desc, p.id desc limit $15)
    ) found order by "lastSeenAt" desc, id desc limit $16;

-- listSurvivors (within a CRM scope)
select p.id, p.merged_into as "mergedInto", p.user_id as "userId", p.traits, p.crm_person_id as "crmPersonId", p.first_seen_at as "firstSeenAt", p.last_seen_at as "lastSeenAt", to_char(p.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from persons p
    where p.tenant_id = $1 and p.merged_into is null and (
    (not exists (select a.customer_id from person_accounts a
    where a.tenant_id = $2 and a.person_id = p.id) and (p.crm_person_id is null or not exists (select customer_id from account_members where tenant_id = $3 and person_id = p.crm_person_id)))
    or exists (select 1 from (select a.customer_id from person_accounts a
    where a.tenant_id = $4 and a.person_id = p.id) linked where linked.customer_id in (select id from customers where tenant_id = $5 and owner_user_id = $6))
    or (p.crm_person_id is not null
      and exists (select 1 from (select customer_id from account_members where tenant_id = $7 and person_id = p.crm_person_id) seat where seat.customer_id in (select id from customers where tenant_id = $8 and owner_user_id = $9))))
    order by p.last_seen_at desc, p.id desc limit $10;

-- isPersonInScope
select p.id from persons p
    where p.tenant_id = $1 and p.id = $2 and (
    (not exists (select a.customer_id from person_accounts a
    where a.tenant_id = $3 and a.person_id = p.id) and (p.crm_person_id is null or not exists (select customer_id from account_members where tenant_id = $4 and person_id = p.crm_person_id)))
    or exists (select 1 from (select a.customer_id from person_accounts a
    where a.tenant_id = $5 and a.person_id = p.id) linked where linked.customer_id in (select id from customers where tenant_id = $6 and owner_user_id = $7))
    or (p.crm_person_id is not null
      and exists (select 1 from (select customer_id from account_members where tenant_id = $8 and person_id = p.crm_person_id) seat where seat.customer_id in (select id from customers where tenant_id = $9 and owner_user_id = $10))));

-- listPersonRows
select p.id, p.merged_into as "mergedInto", p.user_id as "userId", p.traits, p.crm_person_id as "crmPersonId", p.first_seen_at as "firstSeenAt", p.last_seen_at as "lastSeenAt", to_char(p.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt" from persons p
    where p.tenant_id = $1 and p.id = any($2::uuid[]);

-- listIdentities
select kind, value from person_identities
    where tenant_id = $1 and person_id = any($2::uuid[]) order by kind, value;

-- listAccountLinks
select person_id as "personId", customer_id as "customerId",
      group_id as "groupId" from person_accounts
    where tenant_id = $1 and person_id = any($2::uuid[])
    order by created_at, customer_id;

-- listTraitChanges
select trait, old_value as "oldValue",
      new_value as "newValue", message_id as "messageId", changed_at as "changedAt"
    from person_trait_changes
    where tenant_id = $1 and person_id = any($2::uuid[])
    order by changed_at desc, id desc limit $3;
