-- insertInvitation
insert into "invitations" ("tenant_id", "id", "email", "name", "role", "scope", "team_ids", "secret", "invited_by", "created_at", "expires_at", "accepted_at", "accepted_by", "revoked_at") values ($1, $2, $3, $4, $5, default, default, $6, default, $7, $8, default, default, default);

-- findPendingInvitation
select "invitations"."tenant_id", "invitations"."id", "invitations"."email", "invitations"."name", "invitations"."role", "invitations"."scope", "invitations"."team_ids", "invitations"."secret", "invitations"."invited_by", "invitations"."created_at", "invitations"."expires_at", "invitations"."accepted_at", "invitations"."accepted_by", "invitations"."revoked_at", "tenants"."name", "tenants"."slug" from "invitations" inner join "tenants" on "tenants"."id" = "invitations"."tenant_id" where ("invitations"."tenant_id" = $1 and "invitations"."id" = $2 and "invitations"."secret" is not null and "invitations"."expires_at" > $3) for update of "invitations";

-- listPendingInvitations
select "tenant_id", "id", "email", "name", "role", "scope", "team_ids", "secret", "invited_by", "created_at", "expires_at", "accepted_at", "accepted_by", "revoked_at" from "invitations" where ("invitations"."tenant_id" = $1 and "invitations"."secret" is not null and "invitations"."expires_at" > $2) order by "invitations"."created_at" asc;

-- revokeInvitationsOfEmail
update "invitations" set "secret" = $1, "revoked_at" = $2 where ("invitations"."tenant_id" = $3 and lower("invitations"."email") = lower($4) and "invitations"."secret" is not null) returning "id";

-- revokeInvitation
update "invitations" set "secret" = $1, "revoked_at" = $2 where ("invitations"."tenant_id" = $3 and "invitations"."id" = $4 and "invitations"."secret" is not null and "invitations"."accepted_at" is null) returning "id";

-- markInvitationAccepted
update "invitations" set "secret" = $1, "accepted_at" = $2, "accepted_by" = $3 where ("invitations"."tenant_id" = $4 and "invitations"."id" = $5);
