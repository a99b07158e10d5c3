/** Request and response shapes of SLA policies, and the ticket priorities they set targets for. */
import { z } from 'zod';

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** Error codes of SLA policies. */
export const SLA_ERRORS = {
  notFound: 'service.sla_policy.not_found',
  invalid: 'service.sla_policy.invalid',
} as const;

/** A target in business minutes of the policy's calendar (up to a year of round-the-clock minutes). */
const minutes = z.int().min(0).max(527_040);

export const Target = z.object({
  priority: Priority,
  firstResponseMinutes: minutes,
  resolutionMinutes: minutes,
});
export type Target = z.infer<typeof Target>;

const targets = z
  .array(Target)
  .max(PRIORITIES.length)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((target, i) => {
      if (seen.has(target.priority))
        ctx.addIssue({ code: 'custom', path: [i, 'priority'], message: 'given twice' });
      seen.add(target.priority);
    });
  });

const name = z.string().trim().min(1, 'required').max(200);

/** A policy to create (or to replace whole, `PUT`). `isDefault` makes it the tenant's default. */
export const PolicyInput = z.object({
  name,
  calendarId: z.uuid(),
  targets,
  isDefault: z.boolean().default(false),
});
export type PolicyInput = z.infer<typeof PolicyInput>;

/** What a `PATCH` may change. */
export const PolicyPatch = z
  .object({
    name: name.optional(),
    calendarId: z.uuid().optional(),
    targets: targets.optional(),
    isDefault: z.boolean().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, 'give at least one field to change');
export type PolicyPatch = z.infer<typeof PolicyPatch>;

export const Policy = z.object({
  id: z.uuid(),
  name: z.string(),
  calendarId: z.uuid(),
  targets: z.array(Target),
  isDefault: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Policy = z.infer<typeof Policy>;

export const PolicyList = z.object({ items: z.array(Policy) });
export type PolicyList = z.infer<typeof PolicyList>;

/** The SLA clocks, for tickets (pure: due times, breaches, what a status change does). */
export {
  TICKET_STATUSES,
  breachesAt,
  dueTimesOf,
  moveClock,
  type ClockState,
  type DueTimes,
  type TicketStatus,
} from './sla-clock.js';
