-- insertConsent
insert into "consents" ("tenant_id", "id", "subject_id", "purpose", "status", "source", "at", "recorded_by") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- listConsentRows
select "tenant_id", "id", "subject_id", "purpose", "status", "source", "at", "recorded_by" from "consents" where ("consents"."tenant_id" = $1 and "consents"."subject_id" in ($2, $3)) order by "consents"."at" asc, "consents"."id" asc;
