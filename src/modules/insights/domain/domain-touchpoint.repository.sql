-- listSeenMessageIds
select "message_id" from "event_message_ids" where ("event_message_ids"."tenant_id" = $1 and "event_message_ids"."source_id" = $2 and "event_message_ids"."message_id" in ($3, $4));
