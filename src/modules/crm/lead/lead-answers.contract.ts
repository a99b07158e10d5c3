/** Shapes of the answers browser and its summary (per form, per field). */
import { z } from 'zod';
import { FieldType } from '../lead-form/lead-form.contract.js';
import { AnswerValue, LeadStatus } from './lead.contract.js';

export const AnswerBrowseField = z.object({ key: z.string(), label: z.string(), type: FieldType });
export type AnswerBrowseField = z.infer<typeof AnswerBrowseField>;

export const AnswersQuery = z.object({
  /** Only leads that answered this field. */
  field: z.string().max(40).optional(),
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AnswersQuery = z.infer<typeof AnswersQuery>;

export const AnswerPage = z.object({
  /** Every field of every version of the form, current ones first. */
  fields: z.array(AnswerBrowseField),
  items: z.array(
    z.object({
      leadId: z.uuid(),
      leadName: z.string(),
      status: LeadStatus,
      formVersion: z.number().int().nullable(),
      answers: z.record(z.string(), AnswerValue),
      createdAt: z.iso.datetime(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type AnswerPage = z.infer<typeof AnswerPage>;

export const AnswerSummary = z.object({
  /** Leads of the form the caller may see. */
  leads: z.number().int(),
  fields: z.array(
    AnswerBrowseField.extend({
      answered: z.number().int(),
      /** For choices and yes/no: how often each value was given, most frequent first. */
      counts: z.array(z.object({ value: z.string(), count: z.number().int() })),
    }),
  ),
});
export type AnswerSummary = z.infer<typeof AnswerSummary>;
