/**
 * Request and response shapes of touchpoint timelines and persons (the customer data platform's
 * people, not the CRM's contacts): the public contract of this feature.
 */
import { z } from 'zod';
import { CHANNELS, MESSAGE_TYPES } from '../message/message.contract.js';

/** The kinds of id a person is known by. */
export const IDENTITY_KINDS = ['user_id', 'anonymous_id', 'email', 'phone'] as const;
export const IdentityKind = z.enum(IDENTITY_KINDS);
export type IdentityKind = z.infer<typeof IdentityKind>;

/** Largest page a list answers. */
export const MAX_PAGE_SIZE = 500;

/** Keyset paging shared by every list of this feature. */
const page = {
  /** The `nextCursor` of the previous page. */
  after: z.string().trim().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
};

/** One touchpoint: a Segment message as stored, or a domain event recorded as one. */
export const Touchpoint = z.object({
  id: z.uuid(),
  type: z.enum(MESSAGE_TYPES),
  /** track: the event name; page/screen: the name; otherwise null. */
  event: z.string().nullable(),
  channel: z.enum(CHANNELS),
  /** Event time, corrected for client clock skew. */
  timestamp: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  messageId: z.string(),
  properties: z.record(z.string(), z.unknown()),
  traits: z.record(z.string(), z.unknown()).nullable(),
  userId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  groupId: z.string().nullable(),
  /** The person the event was stored with (may be one since merged into the survivor). */
  personId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  sourceId: z.uuid(),
});
export type Touchpoint = z.infer<typeof Touchpoint>;

/** A page of touchpoints, newest first; `nextCursor` is null on the last page. */
export const TouchpointPage = z.object({ items: z.array(Touchpoint), nextCursor: z.string().nullable() });
export type TouchpointPage = z.infer<typeof TouchpointPage>;

/** Filters and paging of a timeline, e.g. `?event=Signed Up&type=track&limit=100`. */
export const TouchpointQuery = z.object({
  /** Exact event name. */
  event: z.string().trim().min(1).max(200).optional(),
  type: z.enum(MESSAGE_TYPES).optional(),
  channel: z.enum(CHANNELS).optional(),
  ...page,
});
export type TouchpointQuery = z.infer<typeof TouchpointQuery>;

/** A CRM account a person acts for. */
export const PersonAccount = z.object({ customerId: z.uuid(), groupId: z.string().nullable() });
export type PersonAccount = z.infer<typeof PersonAccount>;

/** A person in lists. */
export const PersonSummary = z.object({
  id: z.uuid(),
  userId: z.string().nullable(),
  traits: z.record(z.string(), z.unknown()),
  /** The CRM contact this person is linked to. */
  crmPersonId: z.uuid().nullable(),
  accounts: z.array(PersonAccount),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** A person with every id it is known by and the persons merged into it. */
export const Person = PersonSummary.extend({
  /** Ids of the person and of every person merged into it. */
  identities: z.array(z.object({ kind: IdentityKind, value: z.string() })),
  /** Persons merged into this one (transitively); their ids still resolve here. */
  mergedPersonIds: z.array(z.uuid()),
});
export type Person = z.infer<typeof Person>;

/** A page of persons, last seen first. */
export const PersonPage = z.object({ items: z.array(PersonSummary), nextCursor: z.string().nullable() });
export type PersonPage = z.infer<typeof PersonPage>;

/** Search and paging of persons: `q` is a prefix of a userId, an identity value, traits.name or traits.email. */
export const PersonQuery = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  ...page,
});
export type PersonQuery = z.infer<typeof PersonQuery>;

/** One trait an identify changed. */
export const TraitChange = z.object({
  trait: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  messageId: z.string().nullable(),
  changedAt: z.iso.datetime(),
});
export type TraitChange = z.infer<typeof TraitChange>;

/** A person's trait history, newest first (the survivor's and its merged persons'). */
export const TraitChangeList = z.object({ items: z.array(TraitChange) });
export type TraitChangeList = z.infer<typeof TraitChangeList>;

/** The `{id}` of person routes: a person id, or a userId / anonymousId / email it is known by. */
export const PersonRef = z.object({ id: z.string().trim().min(1).max(300) });
export type PersonRef = z.infer<typeof PersonRef>;
