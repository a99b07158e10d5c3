/** Request and response shapes of tickets (工单), their replies and status changes. */
import { z } from 'zod';
import { Priority } from '../sla/sla.contract.js';
import { TICKET_STATUSES } from '../sla/sla.contract.js';

export { TICKET_STATUSES, type TicketStatus } from '../sla/sla.contract.js';
export const TicketStatusSchema = z.enum(TICKET_STATUSES);

/** Before-, during- and after-sale requests (售前 / 售中 / 售后). */
export const TICKET_CATEGORIES = ['pre_sale', 'in_sale', 'after_sale'] as const;
export const TicketCategory = z.enum(TICKET_CATEGORIES);

/** Error codes of tickets. */
export const TICKET_ERRORS = {
  notFound: 'service.ticket.not_found',
  invalid: 'service.ticket.invalid',
  closed: 'service.ticket.closed',
  createdAtForbidden: 'service.ticket.created_at_forbidden',
} as const;

/** A ticket to open. `createdAt` (an import from another help desk) needs an admin; never in the future. */
export const CreateTicketInput = z.object({
  subject: z.string().trim().min(1, 'required').max(500),
  description: z.string().trim().max(20_000).optional(),
  customerId: z.uuid().optional(),
  priority: Priority.default('normal'),
  category: TicketCategory.optional(),
  slaPolicyId: z.uuid().optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateTicketInput = z.infer<typeof CreateTicketInput>;

/** What a `PATCH` may change; a new priority or policy recomputes the due times. */
export const UpdateTicketInput = z
  .object({
    subject: z.string().trim().min(1, 'required').max(500).optional(),
    priority: Priority.optional(),
    category: TicketCategory.nullable().optional(),
    slaPolicyId: z.uuid().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, 'give at least one field to change');
export type UpdateTicketInput = z.infer<typeof UpdateTicketInput>;

/** A public reply (the customer sees it; the first one stops the first-response clock) or an internal note. */
export const ReplyInput = z.object({
  body: z.string().trim().min(1, 'required').max(20_000),
  public: z.boolean(),
});
export type ReplyInput = z.infer<typeof ReplyInput>;

export const StatusInput = z.object({ status: TicketStatusSchema });
export type StatusInput = z.infer<typeof StatusInput>;

export const Ticket = z.object({
  id: z.uuid(),
  /** Per tenant, from 1. */
  number: z.int(),
  subject: z.string(),
  description: z.string().nullable(),
  customerId: z.uuid().nullable(),
  priority: Priority,
  category: TicketCategory.nullable(),
  status: TicketStatusSchema,
  slaPolicyId: z.uuid().nullable(),
  createdById: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Due times in UTC, whole minutes; null without a policy (or targets for the priority). */
  firstResponseDueAt: z.iso.datetime().nullable(),
  resolutionDueAt: z.iso.datetime().nullable(),
  firstRespondedAt: z.iso.datetime().nullable(),
  /** Since when the resolution clock is paused (pending). */
  pausedAt: z.iso.datetime().nullable(),
  pausedBusinessMinutes: z.int(),
  solvedAt: z.iso.datetime().nullable(),
  /** Past due now, or when the clock stopped. */
  breached: z.object({ firstResponse: z.boolean(), resolution: z.boolean() }),
});
export type Ticket = z.infer<typeof Ticket>;

export const Reply = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  body: z.string(),
  public: z.boolean(),
  authorId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type Reply = z.infer<typeof Reply>;

export const ReplyResult = z.object({ reply: Reply, ticket: Ticket });
export type ReplyResult = z.infer<typeof ReplyResult>;

export const ReplyList = z.object({ items: z.array(Reply) });

/**
 * Which tickets to list, newest first. `breaching`: open clocks already past due (a first response
 * not given, or a running resolution clock).
 */
export const ListTicketsQuery = z.object({
  status: TicketStatusSchema.optional(),
  priority: Priority.optional(),
  customerId: z.uuid().optional(),
  breaching: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  after: z.string().trim().min(1).max(200).optional(),
});
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>;

export const TicketPage = z.object({ items: z.array(Ticket), nextCursor: z.string().nullable() });
export type TicketPage = z.infer<typeof TicketPage>;
