-- findTenantBySlug
select "id", "slug", "name", "created_at" from "tenants" where "tenants"."slug" = $1;

-- findTenantById
select "id", "slug", "name", "created_at" from "tenants" where "tenants"."id" = $1;

-- countTenants
select count(*) from "tenants";

-- listTenantIds
select "id" from "tenants" order by "tenants"."created_at" asc, "tenants"."id" asc;

-- insertTenant
insert into "tenants" ("id", "slug", "name", "created_at") values ($1, $2, $3, $4);

-- findUserByEmail
select "id", "email", "name", "password_hash", "locale", "created_at", "disabled_at" from "users" where lower("users"."email") = lower($1);

-- findUserById
select "id", "email", "name", "password_hash", "locale", "created_at", "disabled_at" from "users" where "users"."id" = $1;

-- insertUser
insert into "users" ("id", "email", "name", "password_hash", "locale", "created_at", "disabled_at") values ($1, $2, $3, $4, $5, $6, default);

-- updateUserLocale
update "users" set "locale" = $1 where "users"."id" = $2;

-- upsertMembership
insert into "memberships" ("tenant_id", "user_id", "role", "scope", "created_at") values ($1, $2, $3, $4, default) on conflict ("tenant_id","user_id") do update set "role" = $5, "scope" = $6;

-- findMembership
select "tenant_id", "user_id", "role", "scope", "created_at" from "memberships" where ("memberships"."tenant_id" = $1 and "memberships"."user_id" = $2);

-- listMembershipsOfUser
select "memberships"."tenant_id", "tenants"."slug", "memberships"."role" from "memberships" inner join "tenants" on "tenants"."id" = "memberships"."tenant_id" where "memberships"."user_id" = $1 order by "memberships"."created_at" asc;

-- listMembersOfTenant
select "users"."id", "users"."email", "users"."name", "memberships"."role", "memberships"."scope", "memberships"."created_at" from "memberships" inner join "users" on "users"."id" = "memberships"."user_id" where "memberships"."tenant_id" = $1 order by "users"."name" asc;

-- updateMembership
update "memberships" set "role" = $1, "scope" = $2 where ("memberships"."tenant_id" = $3 and "memberships"."user_id" = $4);

-- countAdmins
select count(*) from "memberships" where ("memberships"."tenant_id" = $1 and "memberships"."role" = $2);

-- listTeamIdsOfUser
select "team_id" from "team_members" where ("team_members"."tenant_id" = $1 and "team_members"."user_id" = $2);

-- listTeams
select "teams"."id", "teams"."name", coalesce(array_agg("team_members"."user_id") filter (where "team_members"."user_id" is not null), '{}') from "teams" left join "team_members" on ("team_members"."tenant_id" = "teams"."tenant_id" and "team_members"."team_id" = "teams"."id") where "teams"."tenant_id" = $1 group by "teams"."id", "teams"."name" order by "teams"."name" asc;

-- findTeam
select "tenant_id", "id", "name", "created_at" from "teams" where ("teams"."tenant_id" = $1 and "teams"."id" = $2);

-- insertTeam
insert into "teams" ("tenant_id", "id", "name", "created_at") values ($1, $2, $3, default);

-- renameTeam
update "teams" set "name" = $1 where ("teams"."tenant_id" = $2 and "teams"."id" = $3);

-- addTeamMember
insert into "team_members" ("tenant_id", "team_id", "user_id") values ($1, $2, $3) on conflict do nothing;

-- listTeamMemberships
select "team_id", "user_id" from "team_members" where "team_members"."tenant_id" = $1;

-- removeTeamMembers
delete from "team_members" where ("team_members"."tenant_id" = $1 and "team_members"."team_id" = $2);

-- removeUserFromTeams
delete from "team_members" where ("team_members"."tenant_id" = $1 and "team_members"."user_id" = $2);

-- insertSession
insert into "sessions" ("token_hash", "user_id", "tenant_id", "created_at", "expires_at") values ($1, $2, $3, default, $4);

-- findSessionMember
select "sessions"."user_id", "sessions"."tenant_id", "tenants"."slug", "memberships"."role", "memberships"."scope" from "sessions" inner join "tenants" on "tenants"."id" = "sessions"."tenant_id" inner join "memberships" on ("memberships"."tenant_id" = "sessions"."tenant_id" and "memberships"."user_id" = "sessions"."user_id") where ("sessions"."token_hash" = $1 and "sessions"."expires_at" > $2);

-- deleteExpiredSessions
delete from "sessions" where ("sessions"."user_id" = $1 and "sessions"."expires_at" <= $2);

-- deleteSession
delete from "sessions" where "sessions"."token_hash" = $1;

-- deleteSessionsInTenant
delete from "sessions" where ("sessions"."tenant_id" = $1 and "sessions"."user_id" = $2);

-- insertApiKey
insert into "api_keys" ("id", "tenant_id", "name", "role", "prefix", "key_hash", "created_by", "created_at", "last_used_at", "revoked_at", "expires_at") values ($1, $2, $3, $4, $5, $6, default, default, default, default, default);

-- findLiveApiKeyByHash
select "id", "tenant_id", "name", "role", "prefix", "key_hash", "created_by", "created_at", "last_used_at", "revoked_at", "expires_at" from "api_keys" where ("api_keys"."key_hash" = $1 and "api_keys"."revoked_at" is null and ("api_keys"."expires_at" is null or "api_keys"."expires_at" > $2));

-- findLiveApiKey
select "id", "tenant_id", "name", "role", "prefix", "key_hash", "created_by", "created_at", "last_used_at", "revoked_at", "expires_at" from "api_keys" where ("api_keys"."tenant_id" = $1 and "api_keys"."id" = $2 and "api_keys"."revoked_at" is null and ("api_keys"."expires_at" is null or "api_keys"."expires_at" > $3)) for update;

-- setApiKeyExpiry
update "api_keys" set "expires_at" = $1 where ("api_keys"."tenant_id" = $2 and "api_keys"."id" = $3);

-- touchApiKey
update "api_keys" set "last_used_at" = $1 where "api_keys"."id" = $2;

-- listApiKeys
select "id", "tenant_id", "name", "role", "prefix", "key_hash", "created_by", "created_at", "last_used_at", "revoked_at", "expires_at" from "api_keys" where "api_keys"."tenant_id" = $1 order by "api_keys"."created_at" desc;

-- revokeApiKey
update "api_keys" set "revoked_at" = $1 where ("api_keys"."tenant_id" = $2 and "api_keys"."id" = $3 and "api_keys"."revoked_at" is null) returning "id";

-- deleteMembership
delete from "memberships" where ("memberships"."tenant_id" = $1 and "memberships"."user_id" = $2);

-- listUserNames
select "id", "name", "email" from "users" where "users"."id" in ($1);
