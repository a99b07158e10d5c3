-- publishDomainEvent
insert into "domain_events" ("tenant_id", "id", "type", "occurred_at", "customer_id", "crm_person_id", "actor_user_id", "payload", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, default);

-- readDomainEvents (all tenants) from the start
select "tenant_id", "id", "type", "occurred_at", "customer_id", "crm_person_id", "actor_user_id", "payload", "created_at"::text from "domain_events" order by "domain_events"."created_at" asc, "domain_events"."tenant_id" asc, "domain_events"."id" asc limit $1;

-- readDomainEvents (all tenants) since, after a key
select "tenant_id", "id", "type", "occurred_at", "customer_id", "crm_person_id", "actor_user_id", "payload", "created_at"::text from "domain_events" where ("domain_events"."created_at" >= $1::timestamptz and ("domain_events"."created_at", "domain_events"."tenant_id", "domain_events"."id") > ($2::timestamptz, $3::uuid, $4::uuid)) order by "domain_events"."created_at" asc, "domain_events"."tenant_id" asc, "domain_events"."id" asc limit $5;

-- findDomainEventCursor
select "position"::text from "domain_event_cursors" where "domain_event_cursors"."consumer" = $1;

-- findReplayStart
select ("position" - make_interval(secs => $1))::text from "domain_event_cursors" where "domain_event_cursors"."consumer" = $2;

-- saveDomainEventCursor
insert into "domain_event_cursors" ("consumer", "position", "updated_at") values ($1, $2::timestamptz, $3) on conflict ("consumer") do update set "position" = greatest("domain_event_cursors"."position", excluded.position), "updated_at" = $4;
