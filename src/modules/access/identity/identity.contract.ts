/** Request and response shapes of sign-in, users, teams and API keys. */
import { z } from 'zod';
import { DataScopeSchema, PERMISSIONS, RoleSchema } from '../role/role.contract.js';

export const LOCALES = ['en', 'zh-CN'] as const;
export const Locale = z.enum(LOCALES);
const Email = z.string().trim().toLowerCase().pipe(z.email());

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1).max(200),
  /** The tenant to enter when the user belongs to several; the first membership otherwise. */
  tenant: z.string().min(1).max(63).optional(),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const Me = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), locale: Locale.nullable() }),
  tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  role: RoleSchema,
  scope: DataScopeSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
  tenants: z.array(z.object({ slug: z.string(), role: RoleSchema })),
});
export type Me = z.infer<typeof Me>;

/** `GET /api/auth/session`: signed in or not, and the user when signed in. */
export const SessionState = z.object({ signedIn: z.boolean(), me: Me.nullable() });
export type SessionState = z.infer<typeof SessionState>;

export const UpdateMeInput = z.object({ locale: Locale });

export const CreateUserInput = z.object({
  email: Email,
  name: z.string().trim().min(1).max(200),
  password: z.string().min(8, 'at least 8 characters').max(200),
  role: RoleSchema,
  scope: DataScopeSchema.optional(),
  teamIds: z.array(z.uuid()).max(50).optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UserOut = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  scope: DataScopeSchema,
  teamIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
});
export type UserOut = z.infer<typeof UserOut>;

/** A user as every member of the tenant may see them: enough to name an owner. */
export const UserDirectoryEntry = z.object({ id: z.uuid(), name: z.string() });
export type UserDirectoryEntry = z.infer<typeof UserDirectoryEntry>;

export const UpdateUserInput = z
  .object({
    role: RoleSchema.optional(),
    /** null returns the user to their role's default scope. */
    scope: DataScopeSchema.nullable().optional(),
    /** Replaces the user's teams. */
    teamIds: z.array(z.uuid()).max(50).optional(),
  })
  .refine((v) => v.role !== undefined || v.scope !== undefined || v.teamIds !== undefined, {
    message: 'give at least one of role, scope, teamIds',
  });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const CreateTeamInput = z.object({
  name: z.string().trim().min(1).max(100),
  memberIds: z.array(z.uuid()).max(500).optional(),
});
export const UpdateTeamInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    /** Replaces the team's members. */
    memberIds: z.array(z.uuid()).max(500).optional(),
  })
  .refine((v) => v.name !== undefined || v.memberIds !== undefined, { message: 'give name or memberIds' });
export type UpdateTeamInput = z.infer<typeof UpdateTeamInput>;
export const TeamOut = z.object({ id: z.uuid(), name: z.string(), memberIds: z.array(z.uuid()) });
export type TeamOut = z.infer<typeof TeamOut>;

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: RoleSchema,
  /** The key stops working this many days after it is created; no expiry when absent. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

/** Days without use after which a live key is listed as stale (a warning to revoke it). */
export const STALE_API_KEY_DAYS = 90;

export const RotateApiKeyInput = z.object({
  /** How long the old key keeps working beside the new one (default 24 hours, at most 30 days). */
  graceHours: z.number().int().min(0).max(720).default(24),
});
export const ApiKeyOut = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  /** Live, and neither used nor created in the last 90 days: probably forgotten; revoke it. */
  stale: z.boolean(),
});
export type ApiKeyOut = z.infer<typeof ApiKeyOut>;
export const CreatedApiKey = ApiKeyOut.extend({
  /** The key itself; shown once, never again. */
  key: z.string(),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
