/** Request and response shapes of customers: the public contract of this feature. */
import { z } from 'zod';

export const CUSTOMER_KINDS = ['business', 'consumer', 'government'] as const;
export const CustomerKind = z.enum(CUSTOMER_KINDS);
export type CustomerKind = z.infer<typeof CustomerKind>;

export const AGENCY_LEVELS = ['national', 'provincial', 'municipal', 'county', 'other'] as const;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const CreateCustomerInput = z
  .object({
    kind: CustomerKind,
    name: z.string().trim().min(1, 'required').max(200),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{4,30}$/, 'digits, spaces, dashes and an optional leading +')
      .optional(),
    email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
    region: optionalText(100),
    industry: optionalText(100),
    uscc: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '18 characters of digits and letters (no I, O, S, V, Z)')
      .optional(),
    agencyLevel: z.enum(AGENCY_LEVELS).optional(),
    ownerUserId: z.uuid().optional(),
    teamId: z.uuid().optional(),
    source: optionalText(100),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'business' && value.uscc) {
      ctx.addIssue({ code: 'custom', path: ['uscc'], message: 'only business customers have a USCC' });
    }
    if (value.kind !== 'government' && value.agencyLevel) {
      ctx.addIssue({
        code: 'custom',
        path: ['agencyLevel'],
        message: 'only government customers have an agency level',
      });
    }
  });
export type CreateCustomerInput = z.infer<typeof CreateCustomerInput>;

export const Customer = z.object({
  id: z.uuid(),
  kind: CustomerKind,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  uscc: z.string().nullable(),
  agencyLevel: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Customer = z.infer<typeof Customer>;

export const ListCustomersQuery = z.object({
  kind: CustomerKind.optional(),
  /** Part of the name, phone or email, case-insensitive. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Another name for `q`, for clients that expect it. */
  search: z.string().trim().min(1).max(100).optional(),
  /** Another name for `q`, for clients that expect it. */
  name: z.string().trim().min(1).max(100).optional(),
  ownerUserId: z.uuid().optional(),
  /** The `nextCursor` of the previous page. */
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListCustomersQuery = z.infer<typeof ListCustomersQuery>;

export const CustomerPage = z.object({
  items: z.array(Customer),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.uuid().nullable(),
});
export type CustomerPage = z.infer<typeof CustomerPage>;

export const CustomerSummaryQuery = ListCustomersQuery.pick({
  q: true,
  search: true,
  name: true,
  ownerUserId: true,
});
export type CustomerSummaryQuery = z.infer<typeof CustomerSummaryQuery>;

export const CustomerSummary = z.object({
  /** Customers the caller may see (matching `q` when given). */
  total: z.number().int(),
  byKind: z.object({ business: z.number().int(), consumer: z.number().int(), government: z.number().int() }),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;
