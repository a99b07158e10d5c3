-- insertJob
insert into "jobs" ("id", "name", "tenant_id", "payload", "status", "run_at", "attempts", "max_attempts", "last_error", "locked_by", "locked_until", "singleton_key", "created_at", "finished_at") values ($1, $2, $3, $4, default, $5, default, $6, default, default, default, $7, $8, default) on conflict do nothing returning "id";

-- insertPeriodJob

    insert into "jobs" (id, name, tenant_id, payload, status, run_at, attempts, max_attempts, singleton_key, created_at)
    select $1, $2, $3, $4::jsonb, 'queued',
           $5::timestamptz, 0, $6, $7,
           $8::timestamptz
     where not exists ((select "id" from "jobs" where ("jobs"."name" = $9 and "jobs"."status" in ($10, $11))))
    on conflict do nothing
    returning id;

-- claimNextJob
update "jobs" set "status" = $1, "attempts" = "jobs"."attempts" + 1, "locked_by" = $2, "locked_until" = $3 where "jobs"."id" in (select "id" from "jobs" where ("jobs"."name" in ($4) and (("jobs"."status" = $5 and "jobs"."run_at" <= $6) or ("jobs"."status" = $7 and "jobs"."locked_until" < $8 and "jobs"."attempts" < "jobs"."max_attempts"))) order by "jobs"."run_at" asc limit $9 for update skip locked) returning "id", "name", "tenant_id", "payload", "status", "run_at", "attempts", "max_attempts", "last_error", "locked_by", "locked_until", "singleton_key", "created_at", "finished_at";

-- extendJobLease
update "jobs" set "locked_until" = $1 where ("jobs"."id" = $2 and "jobs"."locked_by" = $3 and "jobs"."status" = $4) returning "id";

-- finishJob (retry)
update "jobs" set "status" = $1, "run_at" = $2, "last_error" = $3, "locked_until" = $4 where ("jobs"."id" = $5 and "jobs"."locked_by" = $6 and "jobs"."status" = $7) returning "id";

-- finishJob (succeeded)
update "jobs" set "status" = $1, "locked_until" = $2, "finished_at" = $3 where ("jobs"."id" = $4 and "jobs"."locked_by" = $5 and "jobs"."status" = $6) returning "id";

-- failAbandonedJobs
update "jobs" set "status" = $1, "last_error" = $2, "locked_until" = $3, "finished_at" = $4 where ("jobs"."status" = $5 and "jobs"."locked_until" < $6 and "jobs"."attempts" >= "jobs"."max_attempts") returning "id";

-- deleteFinishedJobs
delete from "jobs" where (("jobs"."status" = $1 and "jobs"."finished_at" < $2) or ("jobs"."status" = $3 and "jobs"."finished_at" < $4)) returning "id";

-- listJobs (first page)
select "id", "name", "tenant_id", "payload", "status", "run_at", "attempts", "max_attempts", "last_error", "locked_by", "locked_until", "singleton_key", "created_at", "finished_at" from "jobs" where ("jobs"."tenant_id" is null or "jobs"."tenant_id" = $1) order by "jobs"."id" desc limit $2;

-- listJobs (failed, by name, after)
select "id", "name", "tenant_id", "payload", "status", "run_at", "attempts", "max_attempts", "last_error", "locked_by", "locked_until", "singleton_key", "created_at", "finished_at" from "jobs" where (("jobs"."tenant_id" is null or "jobs"."tenant_id" = $1) and "jobs"."status" = $2 and "jobs"."name" = $3 and "jobs"."id" < $4) order by "jobs"."id" desc limit $5;

-- findJob
select "id", "name", "tenant_id", "payload", "status", "run_at", "attempts", "max_attempts", "last_error", "locked_by", "locked_until", "singleton_key", "created_at", "finished_at" from "jobs" where ("jobs"."id" = $1 and ("jobs"."tenant_id" is null or "jobs"."tenant_id" = $2));

-- requeueFailedJob
update "jobs" set "status" = $1, "run_at" = $2, "attempts" = $3, "finished_at" = $4 where ("jobs"."id" = $5 and "jobs"."status" = $6) returning "id", "name", "tenant_id", "payload", "status", "run_at", "attempts", "max_attempts", "last_error", "locked_by", "locked_until", "singleton_key", "created_at", "finished_at";
