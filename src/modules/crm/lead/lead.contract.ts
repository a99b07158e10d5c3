/** Request and response shapes of leads (线索), their answers, status moves and the public form link. */
import { z } from 'zod';
import { CommitteeRole } from '../contact/contact.contract.js';
import { CreateCustomerInput, CustomerKind } from '../customer/customer.contract.js';
import { LeadForm } from '../lead-form/lead-form.contract.js';

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified'] as const;
export const LeadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof LeadStatus>;

/** Where leads come from; `source` also takes the tenant's own words. */
export const LEAD_SOURCES = ['manual', 'import', 'web_form', 'campaign', 'partner'] as const;
export const LEAD_LANGUAGES = ['zh-CN', 'en'] as const;
export const LeadLanguage = z.enum(LEAD_LANGUAGES);

/** A person at the lead; on conversion they join the customer's buying committee with their role. */
export const LeadPerson = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  /** Their role on the buying committee (default `other`). */
  role: CommitteeRole.optional(),
  title: z.string().trim().min(1).max(100).optional(),
  phone: CreateCustomerInput.shape.phone.optional(),
  email: CreateCustomerInput.shape.email.optional(),
});
export type LeadPerson = z.infer<typeof LeadPerson>;

const leadFields = {
  kind: CustomerKind,
  /** The company, government body or person. */
  name: z.string().trim().min(1, 'required').max(200),
  contactName: z.string().trim().min(1).max(100),
  phone: CreateCustomerInput.shape.phone,
  email: CreateCustomerInput.shape.email,
  region: z.string().trim().min(1).max(100),
  sourceRef: z.string().trim().min(1).max(200),
  formId: z.uuid(),
  productId: z.uuid(),
  language: LeadLanguage,
  ownerUserId: z.uuid(),
  teamId: z.uuid(),
  people: z.array(LeadPerson).max(50),
  note: z.string().trim().max(5000),
};

export const CreateLeadInput = z.object({
  kind: leadFields.kind,
  name: leadFields.name,
  contactName: leadFields.contactName.optional(),
  phone: leadFields.phone.optional(),
  email: leadFields.email.optional(),
  region: leadFields.region.optional(),
  /** manual, import, web_form, campaign, partner, or the tenant's own word. */
  source: z.string().trim().min(1, 'required').max(50),
  sourceRef: leadFields.sourceRef.optional(),
  formId: leadFields.formId.optional(),
  productId: leadFields.productId.optional(),
  /** The language of the public form (default zh-CN). */
  language: leadFields.language.optional(),
  /** Default: the creating user, else the tenant's assignment rules. */
  ownerUserId: leadFields.ownerUserId.optional(),
  teamId: leadFields.teamId.optional(),
  people: leadFields.people.optional(),
  note: leadFields.note.optional(),
});
export type CreateLeadInput = z.infer<typeof CreateLeadInput>;

/** Profile changes; `null` clears an optional field. Status moves have their own endpoints. */
export const UpdateLeadInput = z.object({
  kind: leadFields.kind.optional(),
  name: leadFields.name.optional(),
  contactName: leadFields.contactName.nullable().optional(),
  phone: leadFields.phone.nullable().optional(),
  email: leadFields.email.nullable().optional(),
  region: leadFields.region.nullable().optional(),
  sourceRef: leadFields.sourceRef.nullable().optional(),
  formId: leadFields.formId.nullable().optional(),
  productId: leadFields.productId.nullable().optional(),
  language: leadFields.language.optional(),
  ownerUserId: leadFields.ownerUserId.nullable().optional(),
  teamId: leadFields.teamId.nullable().optional(),
  people: leadFields.people.optional(),
  note: leadFields.note.nullable().optional(),
});
export type UpdateLeadInput = z.infer<typeof UpdateLeadInput>;

export const AnswerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** Answers keyed by field key; they merge with those already given, `null` clears one. */
export const AnswersInput = z.object({ answers: z.record(z.string().max(40), z.unknown()) });
export type AnswersInput = z.infer<typeof AnswersInput>;

export const DisqualifyInput = z.object({
  /** One of the tenant's disqualify reasons (`GET /api/lead-settings`). */
  reason: z.string().trim().min(1, 'required').max(50),
  note: z.string().trim().max(5000).optional(),
});
export type DisqualifyInput = z.infer<typeof DisqualifyInput>;

export const Lead = z.object({
  id: z.uuid(),
  kind: CustomerKind,
  name: z.string(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  region: z.string().nullable(),
  source: z.string(),
  sourceRef: z.string().nullable(),
  productId: z.uuid().nullable(),
  formId: z.uuid().nullable(),
  formVersion: z.number().int().nullable(),
  answers: z.record(z.string(), AnswerValue),
  people: z.array(LeadPerson),
  language: LeadLanguage,
  status: LeadStatus,
  disqualifyReason: z.string().nullable(),
  note: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  dealId: z.uuid().nullable(),
  /** When the current public link stops working; null when none was shared. */
  shareExpiresAt: z.iso.datetime().nullable(),
  qualifiedAt: z.iso.datetime().nullable(),
  convertedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Lead = z.infer<typeof Lead>;

export const ListLeadsQuery = z.object({
  status: LeadStatus.optional(),
  kind: CustomerKind.optional(),
  source: z.string().trim().min(1).max(50).optional(),
  ownerUserId: z.uuid().optional(),
  formId: z.uuid().optional(),
  productId: z.uuid().optional(),
  /** Part of the name, contact name, phone or email, case-insensitive. */
  q: z.string().trim().min(1).max(100).optional(),
  /** The `nextCursor` of the previous page. */
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListLeadsQuery = z.infer<typeof ListLeadsQuery>;

/** Newest first; pass `nextCursor` as `after` for the next page. */
export const LeadPage = z.object({ items: z.array(Lead), nextCursor: z.string().nullable() });
export type LeadPage = z.infer<typeof LeadPage>;

export const ShareInput = z.object({ expiresInDays: z.number().int().min(1).max(90).optional() });
export type ShareInput = z.infer<typeof ShareInput>;

export const ShareLink = z.object({ url: z.string(), expiresAt: z.iso.datetime() });
export type ShareLink = z.infer<typeof ShareLink>;

/** What the public form page shows: the form, the answers so far, and whether they may still change. */
export const PublicForm = z.object({
  language: LeadLanguage,
  leadName: z.string(),
  form: LeadForm.pick({ name: true, fields: true }),
  answers: z.record(z.string(), AnswerValue),
  /** False once the lead is qualified or disqualified: the answers are then read-only. */
  editable: z.boolean(),
  expiresAt: z.iso.datetime(),
});
export type PublicForm = z.infer<typeof PublicForm>;

/** Converting a qualified lead: into the customer named, else a new one made from the lead. */
export const ConvertInput = z.object({ customerId: z.uuid().optional() });
export type ConvertInput = z.infer<typeof ConvertInput>;

export const Conversion = z.object({ customerId: z.uuid(), dealId: z.uuid() });
export type Conversion = z.infer<typeof Conversion>;

/** The error codes of leads, as the API answers them; the web app compares against these. */
export const LEAD_ERRORS = {
  notFound: 'crm.lead.not_found',
  invalid: 'crm.lead.invalid',
  formIncomplete: 'crm.lead.form_incomplete',
  noForm: 'crm.lead.no_form',
  invalidTransition: 'crm.lead.invalid_transition',
  notQualified: 'crm.lead.not_qualified',
  converted: 'crm.lead.converted',
  formClosed: 'crm.lead.form_closed',
  linkNotFound: 'crm.lead.link_not_found',
  linkExpired: 'crm.lead.link_expired',
} as const;
