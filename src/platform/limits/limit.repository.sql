-- hitLimitWindow
insert into "limit_counters" ("key", "count", "window_start", "last_at") values ($1, $2, $3, $4) on conflict ("key") do update set "count" = case when "limit_counters"."window_start" <= $5::timestamptz then excluded.count else "limit_counters"."count" + excluded.count end, "window_start" = case when "limit_counters"."window_start" <= $6::timestamptz then excluded.window_start else "limit_counters"."window_start" end, "last_at" = excluded.last_at returning "count", "window_start";

-- hitLimitCounter
insert into "limit_counters" ("key", "count", "window_start", "last_at") values ($1, $2, $3, $4) on conflict ("key") do update set "count" = case when "limit_counters"."window_start" <= $5::timestamptz then excluded.count else "limit_counters"."count" + excluded.count end, "window_start" = case when "limit_counters"."window_start" <= $6::timestamptz then excluded.window_start else "limit_counters"."window_start" end, "last_at" = excluded.last_at returning "count", "window_start";

-- readLimitCounters
select "key", "count", "last_at" from "limit_counters" where ("limit_counters"."key" in ($1) and "limit_counters"."window_start" > $2);

-- deleteLimitCountersBefore
delete from "limit_counters" where "limit_counters"."last_at" < $1 returning "key";
