-- upsertParticipant
insert into "deal_participants" ("tenant_id", "deal_id", "person_id", "roles", "department", "stance", "updated_at") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("tenant_id","deal_id","person_id") do update set "roles" = excluded.roles, "department" = excluded.department, "stance" = excluded.stance, "updated_at" = excluded.updated_at returning "tenant_id", "deal_id", "person_id", "roles", "department", "stance", "updated_at";

-- listParticipantRows
select "tenant_id", "deal_id", "person_id", "roles", "department", "stance", "updated_at" from "deal_participants" where ("deal_participants"."tenant_id" = $1 and "deal_participants"."deal_id" = $2) order by "deal_participants"."updated_at" asc, "deal_participants"."person_id" asc;

-- deleteParticipants
delete from "deal_participants" where ("deal_participants"."tenant_id" = $1 and "deal_participants"."deal_id" = $2 and "deal_participants"."person_id" in ($3)) returning "person_id";
