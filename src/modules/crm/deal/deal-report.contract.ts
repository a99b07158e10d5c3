/** Sales reports: the forecast of open deals per month, and cycle times and win rates from stage history. */
import { z } from 'zod';
import { CustomerKind } from '../customer/customer.contract.js';

/** What both reports narrow their deals to (within the actor's data scope). */
export const ReportFilter = z.object({
  pipelineId: z.uuid().optional(),
  /** The customer kind of the deals' customers. */
  kind: CustomerKind.optional(),
  ownerUserId: z.uuid().optional(),
  teamId: z.uuid().optional(),
});
export type ReportFilter = z.infer<typeof ReportFilter>;

export const ForecastQuery = ReportFilter.extend({
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

/** Won deals and their days from creation to close. */
const WonCycle = z.object({
  deals: z.number().int(),
  meanDays: z.number(),
  medianDays: z.number(),
});

export const OwnerCycle = WonCycle.extend({ ownerUserId: z.uuid().nullable(), kind: z.string() });

/** The won deals' cycle of one customer kind, over all owners. */
export const KindCycle = WonCycle.extend({ kind: z.string() });

export const CycleReport = z.object({
  stages: z.array(StageCycle),
  owners: z.array(OwnerCycle),
  kinds: z.array(KindCycle),
});
export type CycleReport = z.infer<typeof CycleReport>;
