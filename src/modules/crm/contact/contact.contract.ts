/**
 * Request and response shapes of people (contacts) and buying committees: the public contract of
 * this feature. A person may sit on the committees of several accounts, with a role, department,
 * stance and influence on each.
 */
import { z } from 'zod';
import { CustomerKind } from '../customer/customer.contract.js';

/** What a person does in a purchase: decides, manages, uses, buys, or something else. */
export const COMMITTEE_ROLES = ['decision_maker', 'manager', 'user', 'procurement', 'other'] as const;
export const CommitteeRole = z.enum(COMMITTEE_ROLES);
export type CommitteeRole = z.infer<typeof CommitteeRole>;

/** The roles a committee should have someone in; `other` is never missing. */
export const KEY_ROLES = ['decision_maker', 'manager', 'user', 'procurement'] as const;
export const KeyRole = z.enum(KEY_ROLES);
export type KeyRole = z.infer<typeof KeyRole>;

/** The department a person speaks for; each weighs a purchase differently (MISSION 1.1). */
export const DEPARTMENTS = ['technical', 'finance', 'compliance', 'business', 'executive', 'other'] as const;
export const Department = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof Department>;

/** Where a person stands on the deal. */
export const STANCES = ['supporter', 'neutral', 'opponent'] as const;
export const Stance = z.enum(STANCES);
export type Stance = z.infer<typeof Stance>;

/** 1 (little say) to 5 (decisive). */
export const Influence = z.number().int().min(1).max(5);

const optionalText = (max: number) => z.string().trim().min(1).max(max);

/** The fields of a person a caller may set. */
const personFields = {
  name: z.string().trim().min(1, 'required').max(200),
  title: optionalText(200),
  phone: z
    .string()
    .trim()
    .regex(/^[+＋]?[0-9０-９][0-9０-９ ()（）-]{4,30}$/, 'digits, spaces, dashes and an optional leading +'),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  wechatId: optionalText(64),
  /** The person's id in another system; unique within the tenant. */
  externalId: optionalText(100),
  notes: optionalText(2000),
};

/** A person's place on one account's committee, as given when joining; defaults fill the rest. */
export const MembershipInput = z.object({
  role: CommitteeRole,
  department: Department.default('other'),
  stance: Stance.default('neutral'),
  influence: Influence.default(3),
  /** The account's main contact; making someone primary takes the flag from the previous one. */
  isPrimary: z.boolean().default(false),
});
/** Defaults apply when a field is left out, also when a service is called directly. */
export type MembershipInput = z.input<typeof MembershipInput>;

/** A new person without memberships (also the `person` of an add-to-committee request). */
export const NewContactInput = z.object({
  name: personFields.name,
  title: personFields.title.optional(),
  phone: personFields.phone.optional(),
  email: personFields.email.optional(),
  wechatId: personFields.wechatId.optional(),
  externalId: personFields.externalId.optional(),
  notes: personFields.notes.optional(),
});
export type NewContactInput = z.infer<typeof NewContactInput>;

/** One account to join when creating a person. */
export const ContactAccountInput = MembershipInput.extend({ customerId: z.uuid() });
export type ContactAccountInput = z.input<typeof ContactAccountInput>;

export const CreateContactInput = NewContactInput.extend({
  /** Accounts to join at once, in the same transaction; each must be one the caller may edit. */
  accounts: z
    .array(ContactAccountInput)
    .max(50)
    .superRefine((accounts, context) => {
      const seen = new Set<string>();
      accounts.forEach((account, index) => {
        if (seen.has(account.customerId)) {
          context.addIssue({ code: 'custom', path: [index, 'customerId'], message: 'listed twice' });
        }
        seen.add(account.customerId);
      });
    })
    .optional(),
});
export type CreateContactInput = z.input<typeof CreateContactInput>;

/** A partial update of a person; `null` clears a field. Memberships change through the committee. */
export const UpdateContactInput = z
  .object({
    name: personFields.name.optional(),
    title: personFields.title.nullable().optional(),
    phone: personFields.phone.nullable().optional(),
    email: personFields.email.nullable().optional(),
    wechatId: personFields.wechatId.nullable().optional(),
    externalId: personFields.externalId.nullable().optional(),
    notes: personFields.notes.nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;

export const Contact = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechatId: z.string().nullable(),
  externalId: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Contact = z.infer<typeof Contact>;

/** The membership fields as stored. */
const membership = {
  role: CommitteeRole,
  department: Department,
  stance: Stance,
  influence: z.number().int(),
  isPrimary: z.boolean(),
};

/** One account a person belongs to, with the account's name and kind for display. */
export const ContactAccount = z.object({
  customerId: z.uuid(),
  customerName: z.string(),
  customerKind: CustomerKind,
  ...membership,
});
export type ContactAccount = z.infer<typeof ContactAccount>;

/** A person with the accounts the caller may see among theirs. */
export const ContactWithAccounts = Contact.extend({ accounts: z.array(ContactAccount) });
export type ContactWithAccounts = z.infer<typeof ContactWithAccounts>;

export const ListContactsQuery = z.object({
  /** Part of the name, title, phone, email or WeChat id; a phone number matches however it is written. */
  q: z.string().trim().min(1).max(100).optional(),
  /** People on this account's committee. */
  customerId: z.uuid().optional(),
  /** The `nextCursor` of the previous page. */
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListContactsQuery = z.infer<typeof ListContactsQuery>;

export const ContactPage = z.object({
  items: z.array(ContactWithAccounts),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ContactPage = z.infer<typeof ContactPage>;

/** One seat on an account's committee. */
export const CommitteeMember = z.object({ person: Contact, ...membership });
export type CommitteeMember = z.infer<typeof CommitteeMember>;

/** How many members each role has. */
export const RoleCoverage = z.object({
  decision_maker: z.number().int(),
  manager: z.number().int(),
  user: z.number().int(),
  procurement: z.number().int(),
  other: z.number().int(),
});
export type RoleCoverage = z.infer<typeof RoleCoverage>;

/** An account's buying committee: who decides, buys, manages and uses, and which role is unknown. */
export const Committee = z.object({
  customerId: z.uuid(),
  /** By role (decision makers first), then the primary contact, influence and name. */
  members: z.array(CommitteeMember),
  coverage: RoleCoverage,
  /** Key roles nobody on the committee holds yet. */
  missingRoles: z.array(KeyRole),
  decisionMakerKnown: z.boolean(),
});
export type Committee = z.infer<typeof Committee>;

/** Adds an existing person (`personId`) or a new one (`person`) to an account's committee. */
export const AddMemberInput = MembershipInput.extend({
  personId: z.uuid().optional(),
  person: NewContactInput.optional(),
}).superRefine((value, context) => {
  if ((value.personId === undefined) === (value.person === undefined)) {
    context.addIssue({ code: 'custom', path: ['personId'], message: 'give either personId or person' });
  }
});
export type AddMemberInput = z.input<typeof AddMemberInput>;

/** Changes a member's role, department, stance, influence or primary flag. */
export const UpdateMemberInput = z
  .object({
    role: CommitteeRole.optional(),
    department: Department.optional(),
    stance: Stance.optional(),
    influence: Influence.optional(),
    isPrimary: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;

/** The error codes of contacts and buying committees, as the API answers them (`code` of a problem); the web app compares against these. */
export const CONTACT_ERRORS = {
  notFound: 'crm.person.not_found',
  invalid: 'crm.person.invalid',
  externalIdTaken: 'crm.person.external_id_taken',
  readOnly: 'crm.person.read_only',
  alreadyMember: 'crm.committee.already_member',
  notMember: 'crm.committee.not_member',
  customerInPool: 'crm.committee.customer_in_pool',
  primaryChanged: 'crm.committee.primary_changed',
} as const;
