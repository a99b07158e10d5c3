-- insertPersonsSql
insert into persons (tenant_id, id, merged_into, user_id, traits, email_key, phone_key, crm_person_id,
      first_seen_at, last_seen_at, created_at, updated_at)
    select $1::uuid, x.id, x."mergedInto", x."userId", coalesce(x.traits, '{}'::jsonb), x."emailKey",
      x."phoneKey", x."crmPersonId", x."firstSeenAt", x."lastSeenAt", $2::timestamptz, $3::timestamptz
    from jsonb_to_recordset($4::jsonb) as x(id uuid, "mergedInto" uuid, "userId" text, traits jsonb, "emailKey" text,
  "phoneKey" text, "crmPersonId" uuid, "firstSeenAt" timestamptz, "lastSeenAt" timestamptz);

-- updatePersonsSql
update persons p set merged_into = x."mergedInto", user_id = x."userId",
      traits = coalesce(x.traits, '{}'::jsonb), email_key = x."emailKey", phone_key = x."phoneKey",
      crm_person_id = x."crmPersonId", first_seen_at = least(p.first_seen_at, x."firstSeenAt"),
      last_seen_at = greatest(p.last_seen_at, x."lastSeenAt"), updated_at = $1::timestamptz
    from jsonb_to_recordset($2::jsonb) as x(id uuid, "mergedInto" uuid, "userId" text, traits jsonb, "emailKey" text,
  "phoneKey" text, "crmPersonId" uuid, "firstSeenAt" timestamptz, "lastSeenAt" timestamptz)
    where p.tenant_id = $3 and p.id = x.id and p.id = any($4::uuid[]);

-- insertIdentities (in key order)

    insert into person_identities (tenant_id, kind, value, person_id, created_at)
    select $1::uuid, x.kind, x.value, x."personId", $2::timestamptz
    from jsonb_to_recordset($3::jsonb) as x(kind text, value text, "personId" uuid)
    order by x.kind, x.value
    on conflict do nothing
    returning kind, value;

-- repointIdentities

    update person_identities i set person_id = x."personId"
    from jsonb_to_recordset($1::jsonb) as x(kind text, value text, "personId" uuid)
    where i.tenant_id = $2 and i.kind = x.kind and i.value = x.value;

-- upsertAccountsSql
insert into person_accounts (tenant_id, person_id, customer_id, group_id, created_at, last_seen_at)
    select $1::uuid, x."personId", x."customerId", x."groupId", $2::timestamptz, x."lastSeenAt"
    from jsonb_to_recordset($3::jsonb)
      as x("personId" uuid, "customerId" uuid, "groupId" text, "lastSeenAt" timestamptz)
    on conflict (tenant_id, person_id, customer_id) do update set
      group_id = coalesce(excluded.group_id, person_accounts.group_id),
      last_seen_at = greatest(person_accounts.last_seen_at, excluded.last_seen_at);

-- insertTraitChangesSql
insert into person_trait_changes (tenant_id, id, person_id, trait, old_value, new_value, message_id, changed_at)
    select $1::uuid, x.id, x."personId", x.trait, x."oldValue", x."newValue", x."messageId", x."changedAt"
    from jsonb_to_recordset($2::jsonb) as x(id uuid, "personId" uuid, trait text, "oldValue" jsonb,
      "newValue" jsonb, "messageId" text, "changedAt" timestamptz);

-- moveToSurvivors

    update person_identities i set person_id = x."survivorId" from jsonb_to_recordset($1::jsonb) as x("loserId" uuid, "survivorId" uuid)
    where i.tenant_id = $2 and i.person_id = x."loserId";

    insert into person_accounts (tenant_id, person_id, customer_id, group_id, created_at, last_seen_at)
    select a.tenant_id, x."survivorId", a.customer_id, max(a.group_id), min(a.created_at), max(a.last_seen_at)
    from person_accounts a join jsonb_to_recordset($1::jsonb) as x("loserId" uuid, "survivorId" uuid) on a.person_id = x."loserId"
    where a.tenant_id = $2
    group by a.tenant_id, x."survivorId", a.customer_id
    on conflict (tenant_id, person_id, customer_id) do update set
      group_id = coalesce(person_accounts.group_id, excluded.group_id),
      created_at = least(person_accounts.created_at, excluded.created_at),
      last_seen_at = greatest(person_accounts.last_seen_at, excluded.last_seen_at);

    delete from person_accounts a using jsonb_to_recordset($1::jsonb) as x("loserId" uuid, "survivorId" uuid)
    where a.tenant_id = $2 and a.person_id = x."loserId";
