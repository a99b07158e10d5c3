/** Saved views: named filters of the customer list, private or shared with the tenant. */
import { z } from 'zod';

/** The list filters a view keeps: the query parameters of `GET /api/customers`, as strings. */
export const SavedViewFilters = z.partialRecord(
  z.enum([
    'kind',
    'q',
    'intentTier',
    'satisfactionTier',
    'valueTier',
    'persona',
    'ownerUserId',
    'poolId',
    'ownership',
    'tag',
    'sort',
  ]),
  z.string().trim().min(1).max(200),
);

export const CreateSavedViewInput = z.object({
  name: z.string().trim().min(1).max(60),
  filters: SavedViewFilters,
  /** Shared views appear for everyone in the tenant; only their creator may delete them. */
  shared: z.boolean().default(false),
});
export type CreateSavedViewInput = z.infer<typeof CreateSavedViewInput>;

export const SavedView = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: z.record(z.string(), z.string()),
  shared: z.boolean(),
  /** True when the caller created the view (and may delete it). */
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type SavedView = z.infer<typeof SavedView>;
