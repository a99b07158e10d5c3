/** Request and response shapes of invitations: adding a person to a tenant through a link they accept. */
import { z } from 'zod';
import { DataScopeSchema, RoleSchema } from '../role/role.contract.js';

/** How long an invitation link stays valid. */
export const INVITATION_DAYS = 7;

/** Where the web app accepts an invitation; the token follows in the fragment, never sent to servers. */
export const ACCEPT_INVITATION_PATH = '/accept-invitation';

export const InviteUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  /** The name a new account gets; a person who has an account keeps theirs. */
  name: z.string().trim().min(1).max(200),
  role: RoleSchema,
  scope: DataScopeSchema.optional(),
  teamIds: z.array(z.uuid()).max(50).optional(),
});
export type InviteUserInput = z.infer<typeof InviteUserInput>;

export const InvitationOut = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  scope: DataScopeSchema.nullable(),
  teamIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type InvitationOut = z.infer<typeof InvitationOut>;

/** A pending invitation with its link (a path: the web app puts its own origin in front). */
export const InvitationWithLink = z.object({ invitation: InvitationOut, link: z.string() });
export type InvitationWithLink = z.infer<typeof InvitationWithLink>;

export const InvitationToken = z.object({ token: z.string().min(1).max(300) });

export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string(),
  tenantName: z.string(),
  role: RoleSchema,
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/**
 * Accepting: signed in as the invited account, or with a password that creates the account (a
 * password never opens an account that exists: its owner signs in first).
 */
export const AcceptInvitationInput = InvitationToken.extend({
  password: z.string().min(8, 'at least 8 characters').max(200).optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;
