/** Personal-information requests: the person export file, the erase answer, error codes. */
import { z } from 'zod';

/** Error codes of personal-information requests. */
export const PRIVACY_ERRORS = {
  /** Neither a person (by id, user id, anonymous id or email) nor a CRM contact is known by the ref. */
  subjectNotFound: 'insights.privacy.subject_not_found',
} as const;

/**
 * Event properties an erase keeps: amounts and product facts for anonymised aggregates. Every other
 * property may be personal and is removed.
 */
export const KEPT_EVENT_PROPERTIES = [
  'revenue',
  'value',
  'price',
  'quantity',
  'currency',
  'total',
  'category',
  'product_id',
  'sku',
] as const;

/** `{id}` of the person request routes: a person id, user id, anonymous id, email, or a CRM contact id. */
export const SubjectRef = z.object({ id: z.string().min(1).max(512) });

const Row = z.record(z.string(), z.unknown());

/** Who a request is about: the persons of the merge cluster(s) and the CRM contacts linked. */
export const Subject = z.object({
  ref: z.string(),
  personIds: z.array(z.uuid()),
  crmPersonIds: z.array(z.uuid()),
});
export type Subject = z.infer<typeof Subject>;

/** Everything Kehu holds about one person, as one JSON file. */
export const PersonExport = z.object({
  format: z.literal('kehu.person-export.v1'),
  exportedAt: z.iso.datetime(),
  subject: Subject,
  persons: z.array(Row),
  identities: z.array(Row),
  traitChanges: z.array(Row),
  accounts: z.array(Row),
  events: z.array(Row),
  crm: z.array(z.object({ contact: Row, committeeSeats: z.array(Row), followUps: z.array(z.unknown()) })),
  consents: z.array(Row),
});
export type PersonExport = z.infer<typeof PersonExport>;

/** What an erase did. */
export const EraseResult = z.object({
  subject: Subject,
  eventsAnonymised: z.number().int(),
  identitiesSuppressed: z.number().int(),
  contactsErased: z.number().int(),
});
export type EraseResult = z.infer<typeof EraseResult>;
