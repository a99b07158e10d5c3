/** Request and response shapes of requirements forms (需求收集表) and their versions. */
import { z } from 'zod';

export const FIELD_TYPES = ['text', 'number', 'choice', 'multi_choice', 'date', 'file', 'yes_no'] as const;
export const FieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldType>;

/** A field's key: a short snake_case name, unique within its form; answers are keyed by it. */
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** One question of a form. `options` are the choices of `choice` and `multi_choice` fields. */
export const FormField = z
  .object({
    key: z.string().regex(FIELD_KEY, 'lowercase letters, digits and _; starts with a letter; 40 at most'),
    label: z.string().trim().min(1, 'required').max(200),
    type: FieldType,
    required: z.boolean(),
    options: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
    help: z.string().trim().max(1000).optional(),
  })
  .superRefine((field, ctx) => {
    const hasChoices = field.type === 'choice' || field.type === 'multi_choice';
    if (hasChoices && !field.options?.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs options' });
    }
    if (field.options && new Set(field.options).size !== field.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must differ' });
    }
  });
export type FormField = z.infer<typeof FormField>;

/** A new form, or (PUT) the next version of one: its fields in the order they are asked. */
export const LeadFormInput = z.object({
  name: z.string().trim().min(1, 'required').max(200),
  productId: z.uuid().nullable().optional(),
  fields: z
    .array(FormField)
    .min(1)
    .max(100)
    .superRefine((fields, ctx) => {
      const seen = new Set<string>();
      fields.forEach((field, index) => {
        if (seen.has(field.key)) {
          ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'keys must be unique in a form' });
        }
        seen.add(field.key);
      });
    }),
});
export type LeadFormInput = z.infer<typeof LeadFormInput>;

/** A form at one version (the current one unless asked otherwise). */
export const LeadForm = z.object({
  id: z.uuid(),
  name: z.string(),
  productId: z.uuid().nullable(),
  version: z.number().int(),
  /** The newest version; older versions stay readable for the answers given to them. */
  currentVersion: z.number().int(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: FieldType,
      required: z.boolean(),
      options: z.array(z.string()).optional(),
      help: z.string().optional(),
    }),
  ),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LeadForm = z.infer<typeof LeadForm>;

export const ListLeadFormsQuery = z.object({ productId: z.uuid().optional() });
export type ListLeadFormsQuery = z.infer<typeof ListLeadFormsQuery>;

export const LeadFormList = z.object({ items: z.array(LeadForm) });
export type LeadFormList = z.infer<typeof LeadFormList>;

/** The error codes of requirements forms, as the API answers them. */
export const LEAD_FORM_ERRORS = {
  notFound: 'crm.lead_form.not_found',
} as const;
