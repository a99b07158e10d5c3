-- findTenantBySlug
select "id", "slug", "name", "created_at" from "tenants" where "tenants"."slug" = $1;

-- findUserByEmail
select "id", "email", "name", "password_hash", "locale", "created_at", "disabled_at" from "users" where lower("users"."email") = lower($1);

-- findMembership
select "tenant_id", "user_id", "role", "scope", "created_at" from "memberships" where ("memberships"."tenant_id" = $1 and "memberships"."user_id" = $2);

-- listMembershipsOfUser
select "memberships"."tenant_id", "tenants"."slug", "memberships"."role" from "memberships" inner join "tenants" on "tenants"."id" = "memberships"."tenant_id" where "memberships"."user_id" = $1 order by "memberships"."created_at" asc;

-- listMembersOfTenant
select "users"."id", "users"."email", "users"."name", "memberships"."role", "memberships"."scope", "memberships"."created_at" from "memberships" inner join "users" on "users"."id" = "memberships"."user_id" where "memberships"."tenant_id" = $1 order by "users"."name" asc;

-- listTeamIdsOfUser
select "team_id" from "team_members" where ("team_members"."tenant_id" = $1 and "team_members"."user_id" = $2);

-- listTeams
select "teams"."id", "teams"."name", coalesce(array_agg("team_members"."user_id") filter (where "team_members"."user_id" is not null), '{}') from "teams" left join "team_members" on ("team_members"."tenant_id" = "teams"."tenant_id" and "team_members"."team_id" = "teams"."id") where "teams"."tenant_id" = $1 group by "teams"."id", "teams"."name" order by "teams"."name" asc;

-- findSessionMember
select "sessions"."user_id", "sessions"."tenant_id", "tenants"."slug", "memberships"."role", "memberships"."scope", coalesce((select array_agg("team_members"."team_id") from "team_members"
          where "team_members"."tenant_id" = "sessions"."tenant_id" and "team_members"."user_id" = "sessions"."user_id"), '{}') from "sessions" inner join "tenants" on "tenants"."id" = "sessions"."tenant_id" inner join "memberships" on ("memberships"."tenant_id" = "sessions"."tenant_id" and "memberships"."user_id" = "sessions"."user_id") where ("sessions"."token_hash" = $1 and "sessions"."expires_at" > $2);

-- deleteExpiredSessions
delete from "sessions" where ("sessions"."user_id" = $1 and "sessions"."expires_at" <= $2);

-- findLiveApiKeyByHash
select "id", "tenant_id", "name", "role", "prefix", "key_hash", "created_by", "created_at", "last_used_at", "revoked_at" from "api_keys" where ("api_keys"."key_hash" = $1 and "api_keys"."revoked_at" is null);

-- listApiKeys
select "id", "tenant_id", "name", "role", "prefix", "key_hash", "created_by", "created_at", "last_used_at", "revoked_at" from "api_keys" where "api_keys"."tenant_id" = $1 order by "api_keys"."created_at" desc;

-- revokeApiKey
update "api_keys" set "revoked_at" = $1 where ("api_keys"."tenant_id" = $2 and "api_keys"."id" = $3 and "api_keys"."revoked_at" is null) returning "id";
