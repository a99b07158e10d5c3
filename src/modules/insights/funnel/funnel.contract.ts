/**
 * The funnel API (`POST /api/insights/funnels`): steps in order, strict or in any order, a conversion
 * window measured from an attempt's first step, exclusions, a breakdown with its attribution, and the
 * unit counted (persons, or the business accounts they act for). Semantics in docs/funnels.md.
 */
import { z } from 'zod';

/** Most steps a funnel may have. */
export const FUNNEL_MAX_STEPS = 20;
/** Most exclusions a funnel may have. */
export const FUNNEL_MAX_EXCLUSIONS = 20;

export const FUNNEL_ORDERS = ['ordered', 'strict', 'unordered'] as const;
export type FunnelOrder = (typeof FUNNEL_ORDERS)[number];

export const WINDOW_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month'] as const;
export type WindowUnit = (typeof WINDOW_UNITS)[number];

export const ATTRIBUTIONS = ['first_touch', 'last_touch', 'all', 'step'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const FUNNEL_ERRORS = {
  /** A segment was named, but funnels over segments are not available yet. */
  segmentUnknown: 'insights.funnel.segment_unknown',
} as const;

const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** Equality filters on event properties: every key must hold exactly this value. */
const Properties = z.record(z.string().min(1).max(200), PropertyValue);

export const FunnelStep = z.object({
  event: z.string().min(1).max(200),
  properties: Properties.optional(),
});
export type FunnelStep = z.infer<typeof FunnelStep>;

export const FunnelWindow = z.object({
  value: z.number().int().min(1).max(1_000_000),
  unit: z.enum(WINDOW_UNITS),
});
export type FunnelWindow = z.infer<typeof FunnelWindow>;

export const FunnelExclusion = z.object({
  event: z.string().min(1).max(200),
  properties: Properties.optional(),
  fromStep: z.number().int().min(0),
  toStep: z.number().int().min(1),
});
export type FunnelExclusion = z.infer<typeof FunnelExclusion>;

export const FunnelBreakdown = z.object({
  property: z.string().min(1).max(200),
  attribution: z.enum(ATTRIBUTIONS).default('first_touch'),
  /** With `step` attribution: the index of the step whose event gives the value. */
  step: z.number().int().min(0).nullable().optional(),
});
export type FunnelBreakdown = z.infer<typeof FunnelBreakdown>;

const FunnelFields = z.object({
  steps: z.array(FunnelStep).min(1).max(FUNNEL_MAX_STEPS),
  order: z.enum(FUNNEL_ORDERS).default('ordered'),
  window: FunnelWindow.default({ value: 14, unit: 'day' }),
  exclusions: z.array(FunnelExclusion).max(FUNNEL_MAX_EXCLUSIONS).default([]),
  breakdown: FunnelBreakdown.nullable().optional(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  segmentId: z.uuid().nullable().optional(),
  aggregateBy: z.enum(['person', 'customer']).default('person'),
});

/** The rules that tie a funnel's fields together, each naming the failing field. */
function checkFunnel(body: z.infer<typeof FunnelFields>, ctx: z.RefinementCtx): void {
  const last = body.steps.length - 1;
  if (Date.parse(body.from) > Date.parse(body.to)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  }
  body.exclusions.forEach((exclusion, index) => {
    if (body.order === 'unordered' && (exclusion.fromStep !== 0 || exclusion.toStep !== last)) {
      ctx.addIssue({
        code: 'custom',
        path: ['exclusions', index, 'fromStep'],
        message: `an unordered funnel's exclusion must span the whole funnel (fromStep 0, toStep ${last})`,
      });
    } else if (exclusion.toStep > last) {
      ctx.addIssue({ code: 'custom', path: ['exclusions', index, 'toStep'], message: `at most ${last}` });
    } else if (exclusion.fromStep >= exclusion.toStep) {
      ctx.addIssue({
        code: 'custom',
        path: ['exclusions', index, 'fromStep'],
        message: 'fromStep must be before toStep',
      });
    }
  });
  const breakdown = body.breakdown;
  if (breakdown?.attribution === 'step' && (breakdown.step === null || breakdown.step === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['breakdown', 'step'], message: 'step attribution names a step' });
  } else if (breakdown?.step !== null && breakdown?.step !== undefined && breakdown.step > last) {
    ctx.addIssue({ code: 'custom', path: ['breakdown', 'step'], message: `at most ${last}` });
  }
}

/** The request of a funnel. */
export const FunnelRequest = FunnelFields.superRefine(checkFunnel);
export type FunnelRequest = z.infer<typeof FunnelRequest>;
export type FunnelRequestInput = z.input<typeof FunnelRequest>;

export const FunnelStepResult = z.object({
  event: z.string(),
  count: z.number().int(),
  /** Fraction 0–1 of the first step's count. */
  conversionFromFirst: z.number(),
  /** Fraction 0–1 of the previous step's count. */
  conversionFromPrevious: z.number(),
  /** From the previous step of each counted attempt; null for the first step and when nobody reached it. */
  averageTimeToConvertSeconds: z.number().nullable(),
  medianTimeToConvertSeconds: z.number().nullable(),
});
export type FunnelStepResult = z.infer<typeof FunnelStepResult>;

export const FunnelResult = z.object({
  steps: z.array(FunnelStepResult),
  /** Present only with a breakdown: one funnel per value, the largest first step first. */
  breakdowns: z
    .array(z.object({ value: z.string().nullable(), steps: z.array(FunnelStepResult) }))
    .optional(),
});
export type FunnelResult = z.infer<typeof FunnelResult>;

/**
 * The units of one step of a funnel, a page at a time in id order: those whose counted attempt
 * reached step `step`, or with `dropOff` those that reached the step before it and stopped there.
 * With a breakdown, `breakdownValue` (null included) keeps the units counted under that value.
 */
export const FunnelUnitsRequest = FunnelFields.extend({
  step: z.number().int().min(0),
  dropOff: z.boolean().default(false),
  breakdownValue: z.string().nullable().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** The `nextCursor` of the previous page. */
  after: z.uuid().optional(),
}).superRefine((body, ctx) => {
  checkFunnel(body, ctx);
  if (body.step >= body.steps.length) {
    ctx.addIssue({ code: 'custom', path: ['step'], message: `at most ${body.steps.length - 1}` });
  } else if (body.dropOff && body.step === 0) {
    ctx.addIssue({ code: 'custom', path: ['dropOff'], message: 'nobody drops off before the first step' });
  }
  if (body.breakdownValue !== undefined && !body.breakdown) {
    ctx.addIssue({ code: 'custom', path: ['breakdownValue'], message: 'needs a breakdown' });
  }
});
export type FunnelUnitsRequest = z.infer<typeof FunnelUnitsRequest>;

/** A page of units: person ids (the merge survivors) or customer ids, with the steps each reached. */
export const FunnelUnitPage = z.object({
  items: z.array(z.object({ id: z.uuid(), stepsReached: z.number().int() })),
  nextCursor: z.uuid().nullable(),
});
export type FunnelUnitPage = z.infer<typeof FunnelUnitPage>;
