-- insertJsonRows (the tenant once, the rows as one JSON parameter)
insert into "customer_pool_moves" ("tenant_id", "id", "customer_id", "action", "cause", "at") select $1::uuid, x."id", x."customerId", x."action", x."cause", x."at" from json_to_recordset($2::json) as x("id" uuid, "customerId" uuid, "action" text, "cause" text, "at" timestamp with time zone);
