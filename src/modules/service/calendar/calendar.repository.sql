-- insertCalendar
insert into "business_calendars" ("tenant_id", "id", "name", "time_zone", "hours", "holidays", "workdays", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning "tenant_id", "id", "name", "time_zone", "hours", "holidays", "workdays", "created_at", "updated_at";

-- findCalendar
select "tenant_id", "id", "name", "time_zone", "hours", "holidays", "workdays", "created_at", "updated_at" from "business_calendars" where ("business_calendars"."tenant_id" = $1 and "business_calendars"."id" = $2);

-- listCalendars
select "tenant_id", "id", "name", "time_zone", "hours", "holidays", "workdays", "created_at", "updated_at" from "business_calendars" where "business_calendars"."tenant_id" = $1 order by "business_calendars"."name" asc, "business_calendars"."id" asc limit $2;

-- updateCalendar
update "business_calendars" set "holidays" = $1, "updated_at" = $2 where ("business_calendars"."tenant_id" = $3 and "business_calendars"."id" = $4) returning "tenant_id", "id", "name", "time_zone", "hours", "holidays", "workdays", "created_at", "updated_at";
