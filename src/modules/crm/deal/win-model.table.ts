import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { WinModel } from './win-probability.js';

/** Each tenant's learned win-probability model, retrained as its deals close (win-model.service.ts). */
export const dealWinModels = pgTable('deal_win_models', {
  tenantId: uuid('tenant_id').primaryKey(),
  model: jsonb('model').$type<WinModel>().notNull(),
  /** Closed (won or lost) deals it learnt from, and the stage entries they gave. */
  closedDeals: integer('closed_deals').notNull(),
  examples: integer('examples').notNull(),
  /** The latest close it saw: a later one means the model is due for retraining. */
  lastClosedAt: timestamp('last_closed_at', { withTimezone: true }),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
  trainingMs: integer('training_ms').notNull(),
});
