/** Pipelines, their stages and the tenant's lost reasons. */
import { z } from 'zod';
import { CUSTOMER_KINDS } from '../customer/customer.contract.js';

export const Stage = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  position: z.number().int(),
  /** Default win probability, 0..1. */
  probability: z.number(),
  won: z.boolean(),
  lost: z.boolean(),
  guidance: z.string(),
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z.object({
  id: z.uuid(),
  name: z.string(),
  customerKind: z.enum(CUSTOMER_KINDS),
  isDefault: z.boolean(),
  stages: z.array(Stage),
});
export type Pipeline = z.infer<typeof Pipeline>;

export const PipelineList = z.object({ items: z.array(Pipeline) });
export type PipelineList = z.infer<typeof PipelineList>;

const stageFields = {
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(1000),
  probability: z.number().min(0).max(1),
  guidance: z.string().trim().max(2000),
};

/** A new open stage of a pipeline. */
export const CreateStageInput = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _')
    .optional(),
  ...stageFields,
  guidance: stageFields.guidance.default(''),
});
export type CreateStageInput = z.infer<typeof CreateStageInput>;

export const UpdateStageInput = z
  .object({
    name: stageFields.name.optional(),
    position: stageFields.position.optional(),
    probability: stageFields.probability.optional(),
    guidance: stageFields.guidance.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateStageInput = z.infer<typeof UpdateStageInput>;

export const LostReason = z.object({ id: z.uuid(), label: z.string(), active: z.boolean() });
export type LostReason = z.infer<typeof LostReason>;
export const LostReasonList = z.object({ items: z.array(LostReason) });
export const CreateLostReasonInput = z.object({ label: z.string().trim().min(1).max(200) });

/** Error codes of pipelines. */
export const PIPELINE_ERRORS = {
  notFound: 'crm.pipeline.not_found',
  stageNotFound: 'crm.pipeline.stage_not_found',
  invalid: 'crm.pipeline.invalid',
} as const;
