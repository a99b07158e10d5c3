-- insertContact
insert into "people" ("tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at") values ($1, $2, $3, default, default, default, default, default, default, default, default, $4, $5) returning "tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at";

-- insertContactRows (seed rows as they are)
insert into "people" ("tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at") values ($1, $2, $3, default, default, default, default, default, default, default, default, $4, $5);

-- updateContactRow
update "people" set "title" = $1, "updated_at" = $2 where ("people"."tenant_id" = $3 and "people"."id" = $4) returning "tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at";

-- findVisibleContact (all scope)
select "tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at" from "people" where ("people"."tenant_id" = $1 and "people"."id" = $2);

-- findVisibleContact (team scope: through a visible account, pools included, or no account)
select "tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at" from "people" where ("people"."tenant_id" = $1 and (not exists (select 1 from "account_members" where ("account_members"."tenant_id" = "people"."tenant_id" and "account_members"."person_id" = "people"."id")) or exists (select 1 from "account_members" inner join "customers" on ("customers"."tenant_id" = "account_members"."tenant_id" and "customers"."id" = "account_members"."customer_id") where ("account_members"."tenant_id" = "people"."tenant_id" and "account_members"."person_id" = "people"."id" and ("customers"."tenant_id" = $2 and (("customers"."tenant_id" = $3 and ("customers"."owner_user_id" = $4 or "customers"."team_id" in ($5))) or "customers"."pool_id" is not null))))) and "people"."id" = $6);

-- findVisibleContact (own scope, write: through an owned account not in a pool, or no account)
select "tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at" from "people" where ("people"."tenant_id" = $1 and (not exists (select 1 from "account_members" where ("account_members"."tenant_id" = "people"."tenant_id" and "account_members"."person_id" = "people"."id")) or exists (select 1 from "account_members" inner join "customers" on ("customers"."tenant_id" = "account_members"."tenant_id" and "customers"."id" = "account_members"."customer_id") where ("account_members"."tenant_id" = "people"."tenant_id" and "account_members"."person_id" = "people"."id" and (("customers"."tenant_id" = $2 and "customers"."owner_user_id" = $3) and "customers"."pool_id" is null)))) and "people"."id" = $4);

-- listVisibleContacts (own scope, search with a phone key, one account, after a cursor)
select "tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at" from "people" where ("people"."tenant_id" = $1 and (not exists (select 1 from "account_members" where ("account_members"."tenant_id" = "people"."tenant_id" and "account_members"."person_id" = "people"."id")) or exists (select 1 from "account_members" inner join "customers" on ("customers"."tenant_id" = "account_members"."tenant_id" and "customers"."id" = "account_members"."customer_id") where ("account_members"."tenant_id" = "people"."tenant_id" and "account_members"."person_id" = "people"."id" and ("customers"."tenant_id" = $2 and (("customers"."tenant_id" = $3 and "customers"."owner_user_id" = $4) or "customers"."pool_id" is not null))))) and ("people"."name" ilike $5 or "people"."title" ilike $6 or "people"."phone" ilike $7 or "people"."email" ilike $8 or "people"."wechat_id" ilike $9 or "people"."phone_key" = $10) and exists (select 1 from "account_members" inner join "customers" on ("customers"."tenant_id" = "account_members"."tenant_id" and "customers"."id" = "account_members"."customer_id") where ("account_members"."tenant_id" = "people"."tenant_id" and "account_members"."person_id" = "people"."id" and "account_members"."customer_id" = $11)) and "people"."id" < $12) order by "people"."id" desc limit $13;

-- listAccountsOf (team scope)
select "account_members"."tenant_id", "account_members"."customer_id", "account_members"."person_id", "account_members"."role", "account_members"."department", "account_members"."stance", "account_members"."influence", "account_members"."is_primary", "account_members"."created_at", "account_members"."updated_at", "customers"."name", "customers"."kind" from "account_members" inner join "customers" on ("customers"."tenant_id" = "account_members"."tenant_id" and "customers"."id" = "account_members"."customer_id") where ("account_members"."tenant_id" = $1 and "account_members"."person_id" in ($2) and ("customers"."tenant_id" = $3 and (("customers"."tenant_id" = $4 and ("customers"."owner_user_id" = $5 or "customers"."team_id" in ($6))) or "customers"."pool_id" is not null))) order by "account_members"."is_primary" desc, "customers"."name" asc, "customers"."id" asc;

-- findDecisionMakerKnown
select distinct "customer_id" from "account_members" where ("account_members"."tenant_id" = $1 and "account_members"."customer_id" in ($2) and "account_members"."role" = $3);

-- hasContact
select "id" from "people" where ("people"."tenant_id" = $1 and "people"."id" = $2);

-- findContactsByKeys (every key)
select "id", "external_id", "email_key", "phone_key", array(select m.customer_id from account_members m
        where m.tenant_id = "people"."tenant_id" and m.person_id = "people"."id"
        order by m.customer_id) from "people" where ("people"."tenant_id" = $1 and ("people"."external_id" in ($2) or "people"."email_key" in ($3) or "people"."phone_key" in ($4))) order by "people"."id" asc;

-- findContactByExternalId
select "id" from "people" where ("people"."tenant_id" = $1 and "people"."external_id" = $2);

-- insertContactUnlessTaken
insert into "people" ("tenant_id", "id", "name", "title", "phone", "email", "wechat_id", "external_id", "notes", "phone_key", "email_key", "created_at", "updated_at") values ($1, $2, $3, default, default, default, default, $4, default, default, default, $5, $6) on conflict do nothing returning "id";

-- listMembers
select "account_members"."tenant_id", "account_members"."customer_id", "account_members"."person_id", "account_members"."role", "account_members"."department", "account_members"."stance", "account_members"."influence", "account_members"."is_primary", "account_members"."created_at", "account_members"."updated_at", "people"."tenant_id", "people"."id", "people"."name", "people"."title", "people"."phone", "people"."email", "people"."wechat_id", "people"."external_id", "people"."notes", "people"."phone_key", "people"."email_key", "people"."created_at", "people"."updated_at" from "account_members" inner join "people" on ("people"."tenant_id" = "account_members"."tenant_id" and "people"."id" = "account_members"."person_id") where ("account_members"."tenant_id" = $1 and "account_members"."customer_id" = $2);

-- findMember
select "tenant_id", "customer_id", "person_id", "role", "department", "stance", "influence", "is_primary", "created_at", "updated_at" from "account_members" where ("account_members"."tenant_id" = $1 and "account_members"."customer_id" = $2 and "account_members"."person_id" = $3);

-- insertMembers
insert into "account_members" ("tenant_id", "customer_id", "person_id", "role", "department", "stance", "influence", "is_primary", "created_at", "updated_at") values ($1, $2, $3, $4, default, default, default, default, $5, $6);

-- clearPrimary (keeping one person)
update "account_members" set "is_primary" = $1, "updated_at" = $2 where ("account_members"."tenant_id" = $3 and "account_members"."customer_id" in ($4) and "account_members"."is_primary" = $5 and "account_members"."person_id" <> $6);

-- updateMember
update "account_members" set "influence" = $1, "updated_at" = $2 where ("account_members"."tenant_id" = $3 and "account_members"."customer_id" = $4 and "account_members"."person_id" = $5) returning "tenant_id", "customer_id", "person_id", "role", "department", "stance", "influence", "is_primary", "created_at", "updated_at";

-- deleteMember
delete from "account_members" where ("account_members"."tenant_id" = $1 and "account_members"."customer_id" = $2 and "account_members"."person_id" = $3) returning "person_id";

-- moveMembers
delete from "account_members" where ("account_members"."tenant_id" = $1 and "account_members"."customer_id" in ($2) and exists (select 1 from "account_members" "other" where ("other"."tenant_id" = "account_members"."tenant_id" and "other"."person_id" = "account_members"."person_id" and ("other"."customer_id" = $3 or ("other"."customer_id" in ($4) and "other"."customer_id" < "account_members"."customer_id")))));
update "account_members" set "customer_id" = $1, "is_primary" = $2, "updated_at" = $3 where ("account_members"."tenant_id" = $4 and "account_members"."customer_id" in ($5));

-- listMembersOfCustomers
select "tenant_id", "customer_id", "person_id", "role", "department", "stance", "influence", "is_primary", "created_at", "updated_at" from "account_members" where ("account_members"."tenant_id" = $1 and "account_members"."customer_id" in ($2, $3));

-- moveMembersByPlan (drop, unprimary, move)
delete from "account_members" where ("account_members"."tenant_id" = $1 and ("account_members"."customer_id", "account_members"."person_id") in (($2::uuid, $3::uuid)));
update "account_members" set "is_primary" = $1, "updated_at" = $2 where ("account_members"."tenant_id" = $3 and ("account_members"."customer_id", "account_members"."person_id") in (($4::uuid, $5::uuid)));
update "account_members" set "customer_id" = $1, "updated_at" = $2 where ("account_members"."tenant_id" = $3 and "account_members"."customer_id" in ($4, $5)) returning "person_id";

-- insertSeatUnlessMember
insert into "account_members" ("tenant_id", "customer_id", "person_id", "role", "department", "stance", "influence", "is_primary", "created_at", "updated_at") values ($1, $2, $3, $4, default, default, default, default, $5, $6) on conflict do nothing;
