-- insertLeadForm
insert into "lead_forms" ("tenant_id", "id", "name", "product_id", "current_version", "created_at", "updated_at") values ($1, $2, $3, $4, $5, $6, $7);

-- insertLeadFormVersion
insert into "lead_form_versions" ("tenant_id", "form_id", "version", "name", "fields", "created_at") values ($1, $2, $3, $4, $5, $6);

-- bumpLeadFormVersion
update "lead_forms" set "name" = $1, "product_id" = $2, "current_version" = "lead_forms"."current_version" + 1, "updated_at" = $3 where ("lead_forms"."tenant_id" = $4 and "lead_forms"."id" = $5) returning "tenant_id", "id", "name", "product_id", "current_version", "created_at", "updated_at";

-- findLeadForm (current version)
select "lead_forms"."tenant_id", "lead_forms"."id", "lead_forms"."name", "lead_forms"."product_id", "lead_forms"."current_version", "lead_forms"."created_at", "lead_forms"."updated_at", "lead_form_versions"."tenant_id", "lead_form_versions"."form_id", "lead_form_versions"."version", "lead_form_versions"."name", "lead_form_versions"."fields", "lead_form_versions"."created_at" from "lead_forms" inner join "lead_form_versions" on ("lead_form_versions"."tenant_id" = "lead_forms"."tenant_id" and "lead_form_versions"."form_id" = "lead_forms"."id" and "lead_form_versions"."version" = "lead_forms"."current_version") where ("lead_forms"."tenant_id" = $1 and "lead_forms"."id" = $2);

-- findLeadForm (a given version)
select "lead_forms"."tenant_id", "lead_forms"."id", "lead_forms"."name", "lead_forms"."product_id", "lead_forms"."current_version", "lead_forms"."created_at", "lead_forms"."updated_at", "lead_form_versions"."tenant_id", "lead_form_versions"."form_id", "lead_form_versions"."version", "lead_form_versions"."name", "lead_form_versions"."fields", "lead_form_versions"."created_at" from "lead_forms" inner join "lead_form_versions" on ("lead_form_versions"."tenant_id" = "lead_forms"."tenant_id" and "lead_form_versions"."form_id" = "lead_forms"."id" and "lead_form_versions"."version" = $1) where ("lead_forms"."tenant_id" = $2 and "lead_forms"."id" = $3);

-- listLeadForms (all)
select "lead_forms"."tenant_id", "lead_forms"."id", "lead_forms"."name", "lead_forms"."product_id", "lead_forms"."current_version", "lead_forms"."created_at", "lead_forms"."updated_at", "lead_form_versions"."tenant_id", "lead_form_versions"."form_id", "lead_form_versions"."version", "lead_form_versions"."name", "lead_form_versions"."fields", "lead_form_versions"."created_at" from "lead_forms" inner join "lead_form_versions" on ("lead_form_versions"."tenant_id" = "lead_forms"."tenant_id" and "lead_form_versions"."form_id" = "lead_forms"."id" and "lead_form_versions"."version" = "lead_forms"."current_version") where "lead_forms"."tenant_id" = $1 order by "lead_forms"."name" asc, "lead_forms"."id" asc;

-- listLeadForms (of a product)
select "lead_forms"."tenant_id", "lead_forms"."id", "lead_forms"."name", "lead_forms"."product_id", "lead_forms"."current_version", "lead_forms"."created_at", "lead_forms"."updated_at", "lead_form_versions"."tenant_id", "lead_form_versions"."form_id", "lead_form_versions"."version", "lead_form_versions"."name", "lead_form_versions"."fields", "lead_form_versions"."created_at" from "lead_forms" inner join "lead_form_versions" on ("lead_form_versions"."tenant_id" = "lead_forms"."tenant_id" and "lead_form_versions"."form_id" = "lead_forms"."id" and "lead_form_versions"."version" = "lead_forms"."current_version") where ("lead_forms"."tenant_id" = $1 and "lead_forms"."product_id" = $2) order by "lead_forms"."name" asc, "lead_forms"."id" asc;

-- listLeadFormVersions
select "tenant_id", "form_id", "version", "name", "fields", "created_at" from "lead_form_versions" where ("lead_form_versions"."tenant_id" = $1 and "lead_form_versions"."form_id" = $2) order by "lead_form_versions"."version" asc;
