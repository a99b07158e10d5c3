/** Request and response shapes of event sources: the public contract of this feature. */
import { z } from 'zod';
import { SOURCE_KINDS } from '../message/message.contract.js';

/** The kinds of source a user may create (`system` is Kehu's own and never shown). */
export const SourceKindInput = z.enum(SOURCE_KINDS);

const name = z.string().trim().min(1).max(100);
const rateLimitPerSecond = z.number().int().min(1).max(100_000);
/** Days events are kept; null keeps them forever. */
const retentionDays = z.number().int().min(1).max(3650).nullable();

/** An event source with its write key (write keys ship inside web pages: they are not secrets). */
export const Source = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: SourceKindInput,
  writeKey: z.string(),
  rateLimitPerSecond: z.number().int(),
  retentionDays: z.number().int().nullable(),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Source = z.infer<typeof Source>;

/** The tenant's sources, by name. */
export const SourceList = z.object({ items: z.array(Source) });
export type SourceList = z.infer<typeof SourceList>;

/** A new source; the rate defaults to 2000 events per second and events are kept forever. */
export const CreateSourceInput = z.object({
  name,
  kind: SourceKindInput,
  rateLimitPerSecond: rateLimitPerSecond.optional(),
  retentionDays: retentionDays.optional(),
});
export type CreateSourceInput = z.infer<typeof CreateSourceInput>;

/** Changes to a source; fields left out stay as they are. */
export const UpdateSourceInput = z
  .object({
    name: name.optional(),
    rateLimitPerSecond: rateLimitPerSecond.optional(),
    retentionDays: retentionDays.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), 'nothing to update');
export type UpdateSourceInput = z.infer<typeof UpdateSourceInput>;
