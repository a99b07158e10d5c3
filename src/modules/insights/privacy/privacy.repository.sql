-- listPersonIdsOfContact
select "id" from "persons" where ("persons"."tenant_id" = $1 and "persons"."crm_person_id" = $2) order by "persons"."id";

-- listPersonRecords
select "tenant_id", "id", "merged_into", "user_id", "traits", "email_key", "phone_key", "crm_person_id", "first_seen_at", "last_seen_at", "created_at", "updated_at" from "persons" where ("persons"."tenant_id" = $1 and "persons"."id" in ($2, $3)) order by "persons"."id";

-- listIdentityRecords
select "tenant_id", "kind", "value", "person_id", "created_at" from "person_identities" where ("person_identities"."tenant_id" = $1 and "person_identities"."person_id" in ($2, $3)) order by "person_identities"."kind", "person_identities"."value";

-- listTraitChangeRecords
select "tenant_id", "id", "person_id", "trait", "old_value", "new_value", "message_id", "changed_at" from "person_trait_changes" where ("person_trait_changes"."tenant_id" = $1 and "person_trait_changes"."person_id" in ($2, $3)) order by "person_trait_changes"."changed_at" asc, "person_trait_changes"."id" asc;

-- listAccountRecords
select "tenant_id", "person_id", "customer_id", "group_id", "created_at", "last_seen_at" from "person_accounts" where ("person_accounts"."tenant_id" = $1 and "person_accounts"."person_id" in ($2, $3)) order by "person_accounts"."person_id", "person_accounts"."customer_id";

-- listEventRecords

    select id, source_id as "sourceId", person_id as "personId", customer_id as "customerId", type, event,
      channel, message_id as "messageId", user_id as "userId", anonymous_id as "anonymousId",
      group_id as "groupId", timestamp, received_at as "receivedAt", sent_at as "sentAt",
      original_timestamp as "originalTimestamp", properties, traits, context
    from events
    where tenant_id = $1 and person_id in ($2, $3)
    order by timestamp, id;

-- anonymiseEvents

    update events set user_id = null, anonymous_id = null, traits = null, context = null,
      properties = (select coalesce(jsonb_object_agg(p.key, p.value), '{}'::jsonb)
        from jsonb_each("events"."properties") p where p.key in ($1, $2, $3, $4, $5, $6, $7, $8, $9))
    where tenant_id = $10 and person_id in ($11, $12)
    returning id;

-- deleteIdentityRecords
delete from "person_identities" where ("person_identities"."tenant_id" = $1 and "person_identities"."person_id" in ($2, $3));
delete from "person_trait_changes" where ("person_trait_changes"."tenant_id" = $1 and "person_trait_changes"."person_id" in ($2, $3));

-- erasePersonFields
update "persons" set "user_id" = $1, "traits" = $2, "email_key" = $3, "phone_key" = $4, "updated_at" = $5 where ("persons"."tenant_id" = $6 and "persons"."id" in ($7, $8));
