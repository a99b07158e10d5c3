/** Sales reports: the forecast of open deals per month, and cycle times and win rates from stage history. */
import { z } from 'zod';

export const ForecastQuery = z.object({
  pipelineId: z.uuid().optional(),
  /** Group the months by owner (default) or by team. */
  by: z.enum(['owner', 'team']).default('owner'),
});
export type ForecastQuery = z.infer<typeof ForecastQuery>;

/** One month of one owner's (or team's) open deals in one currency. */
export const ForecastRow = z.object({
  /** `YYYY-MM` of the expected close date (of creation when none is set). */
  month: z.string(),
  /** The owner's or team's id, by `by`; null for deals without one. */
  groupId: z.uuid().nullable(),
  currency: z.string(),
  deals: z.number().int(),
  /** Σ amount, minor units. */
  amount: z.number().int(),
  /** Σ amount × the stage's probability, minor units (rounded). */
  weighted: z.number().int(),
});

export const Forecast = z.object({
  by: z.enum(['owner', 'team']),
  items: z.array(ForecastRow),
});
export type Forecast = z.infer<typeof Forecast>;

/** Time in one stage and how deals that reached it ended. */
export const StageCycle = z.object({
  stageId: z.uuid(),
  pipelineId: z.uuid(),
  name: z.string(),
  /** Stays that ended (the deal moved on). */
  entries: z.number().int(),
  meanDays: z.number().nullable(),
  medianDays: z.number().nullable(),
  /** Closed deals that reached the stage, and how many of them were won. */
  closed: z.number().int(),
  won: z.number().int(),
  winRate: z.number().nullable(),
});

export const OwnerCycle = z.object({
  ownerUserId: z.uuid().nullable(),
  kind: z.string(),
  /** Won deals, and their days from creation to close. */
  deals: z.number().int(),
  meanDays: z.number(),
  medianDays: z.number(),
});

export const CycleReport = z.object({ stages: z.array(StageCycle), owners: z.array(OwnerCycle) });
export type CycleReport = z.infer<typeof CycleReport>;
