/** Shapes of the audit log and the actions it records. */
import { z } from 'zod';

/** The actions access records; other contexts add theirs (e.g. `customers.exported`) through recordAudit. */
export const AUDIT_ACTIONS = [
  'auth.sign_in.succeeded',
  'auth.sign_in.failed',
  'auth.sign_in.limited',
  'user.invited',
  'user.invitation_revoked',
  'user.invitation_accepted',
  'user.changed',
  'user.removed',
  'apikey.created',
  'apikey.rotated',
  'apikey.revoked',
] as const;

/** The actions other contexts record through recordAudit (exports, merges, settings) and teams. */
export const AUDIT_ACTIONS_ELSEWHERE = [
  'customers.exported',
  'customers.merged',
  'crm.settings.changed',
  'warehouse.settings.changed',
  'warehouse.customer_rule.changed',
  'warehouse.orders.batch_pushed',
  'team.created',
  'team.changed',
] as const;

/** Every action the audit log records, for filters. */
export const ALL_AUDIT_ACTIONS = [...AUDIT_ACTIONS, ...AUDIT_ACTIONS_ELSEWHERE] as const;
export type AuditAction = (typeof ALL_AUDIT_ACTIONS)[number];

/** How long audit entries are kept. */
export const AUDIT_RETENTION_DAYS = 365;

export const AuditEntryOut = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorUserId: z.uuid().nullable(),
  actorKind: z.string(),
  action: z.string(),
  address: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryOut = z.infer<typeof AuditEntryOut>;

export const AuditQuery = z.object({
  action: z.string().min(1).max(100).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ items: z.array(AuditEntryOut), nextCursor: z.uuid().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
