-- insertPipelines
insert into "pipelines" ("tenant_id", "id", "name", "customer_kind", "is_default", "created_at") values ($1, $2, $3, $4, $5, $6);
insert into "pipeline_stages" ("tenant_id", "id", "pipeline_id", "key", "name", "position", "probability", "won", "lost", "guidance") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- insertStage
insert into "pipeline_stages" ("tenant_id", "id", "pipeline_id", "key", "name", "position", "probability", "won", "lost", "guidance") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- listPipelineRows
select "tenant_id", "id", "name", "customer_kind", "is_default", "created_at" from "pipelines" where "pipelines"."tenant_id" = $1 order by "pipelines"."created_at" asc, "pipelines"."id" asc;

-- listStageRows
select "tenant_id", "id", "pipeline_id", "key", "name", "position", "probability", "won", "lost", "guidance" from "pipeline_stages" where ("pipeline_stages"."tenant_id" = $1 and "pipeline_stages"."pipeline_id" in ($2)) order by "pipeline_stages"."pipeline_id" asc, "pipeline_stages"."position" asc, "pipeline_stages"."key" asc;

-- updateStageRow
update "pipeline_stages" set "name" = $1, "probability" = $2 where ("pipeline_stages"."tenant_id" = $3 and "pipeline_stages"."pipeline_id" = $4 and "pipeline_stages"."id" = $5) returning "tenant_id", "id", "pipeline_id", "key", "name", "position", "probability", "won", "lost", "guidance";

-- insertLostReasons
insert into "lost_reasons" ("tenant_id", "id", "label", "active", "created_at") values ($1, $2, $3, $4, $5);

-- listLostReasonRows
select "tenant_id", "id", "label", "active", "created_at" from "lost_reasons" where "lost_reasons"."tenant_id" = $1 order by "lost_reasons"."created_at" asc, "lost_reasons"."id" asc;
