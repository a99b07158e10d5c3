-- takeTicketNumber
insert into "ticket_counters" ("tenant_id", "last_number") values ($1, $2) on conflict ("tenant_id") do update set "last_number" = "ticket_counters"."last_number" + 1 returning "last_number";

-- insertTicket
insert into "tickets" ("tenant_id", "id", "number", "subject", "description", "customer_id", "priority", "category", "status", "sla_policy_id", "created_by_user_id", "created_at", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_business_minutes", "paused_at", "solved_at", "updated_at") values ($1, $2, $3, $4, default, default, $5, default, $6, default, default, $7, default, default, default, $8, default, default, $9) returning "tenant_id", "id", "number", "subject", "description", "customer_id", "priority", "category", "status", "sla_policy_id", "created_by_user_id", "created_at", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_business_minutes", "paused_at", "solved_at", "updated_at";

-- findTicket
select "tenant_id", "id", "number", "subject", "description", "customer_id", "priority", "category", "status", "sla_policy_id", "created_by_user_id", "created_at", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_business_minutes", "paused_at", "solved_at", "updated_at" from "tickets" where ("tickets"."tenant_id" = $1 and "tickets"."id" = $2);

-- findTicket (locked)
select "tenant_id", "id", "number", "subject", "description", "customer_id", "priority", "category", "status", "sla_policy_id", "created_by_user_id", "created_at", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_business_minutes", "paused_at", "solved_at", "updated_at" from "tickets" where ("tickets"."tenant_id" = $1 and "tickets"."id" = $2) for update;

-- updateTicket
update "tickets" set "status" = $1, "paused_at" = $2 where ("tickets"."tenant_id" = $3 and "tickets"."id" = $4) returning "tenant_id", "id", "number", "subject", "description", "customer_id", "priority", "category", "status", "sla_policy_id", "created_by_user_id", "created_at", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_business_minutes", "paused_at", "solved_at", "updated_at";

-- listTickets (first page, every filter, scoped)
select "tenant_id", "id", "number", "subject", "description", "customer_id", "priority", "category", "status", "sla_policy_id", "created_by_user_id", "created_at", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_business_minutes", "paused_at", "solved_at", "updated_at" from "tickets" where ("tickets"."tenant_id" = $1 and ("tickets"."customer_id" in (select "customers"."id" from "customers" where ("customers"."tenant_id" = $2 and (("customers"."tenant_id" = $3 and "customers"."owner_user_id" = $4) or "customers"."pool_id" is not null))) or "tickets"."created_by_user_id" = $5) and "tickets"."status" = $6 and "tickets"."priority" = $7 and "tickets"."customer_id" = $8 and ("tickets"."status" not in ($9, $10) and (("tickets"."first_responded_at" is null and "tickets"."first_response_due_at" < $11::timestamptz) or ("tickets"."paused_at" is null and "tickets"."resolution_due_at" < $12::timestamptz)))) order by "tickets"."created_at" desc, "tickets"."id" desc limit $13;

-- listTickets (after a cursor, not breaching)
select "tenant_id", "id", "number", "subject", "description", "customer_id", "priority", "category", "status", "sla_policy_id", "created_by_user_id", "created_at", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_business_minutes", "paused_at", "solved_at", "updated_at" from "tickets" where ("tickets"."tenant_id" = $1 and not (("tickets"."status" not in ($2, $3) and (("tickets"."first_responded_at" is null and "tickets"."first_response_due_at" < $4::timestamptz) or ("tickets"."paused_at" is null and "tickets"."resolution_due_at" < $5::timestamptz)))) and ("tickets"."created_at", "tickets"."id") < ($6::timestamptz, $7::uuid)) order by "tickets"."created_at" desc, "tickets"."id" desc limit $8;

-- listUnsolvedTicketsOfPolicies
select "tenant_id", "id", "number", "subject", "description", "customer_id", "priority", "category", "status", "sla_policy_id", "created_by_user_id", "created_at", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_business_minutes", "paused_at", "solved_at", "updated_at" from "tickets" where ("tickets"."tenant_id" = $1 and "tickets"."sla_policy_id" in ($2) and "tickets"."status" not in ($3, $4)) order by "tickets"."id" asc limit $5;

-- insertReply
insert into "ticket_replies" ("tenant_id", "id", "ticket_id", "body", "is_public", "author_user_id", "created_at") values ($1, $2, $3, $4, $5, default, $6) returning "tenant_id", "id", "ticket_id", "body", "is_public", "author_user_id", "created_at";

-- listReplies
select "tenant_id", "id", "ticket_id", "body", "is_public", "author_user_id", "created_at" from "ticket_replies" where ("ticket_replies"."tenant_id" = $1 and "ticket_replies"."ticket_id" = $2) order by "ticket_replies"."created_at" asc, "ticket_replies"."id" asc limit $3;
