/** Suppressed identities: the hash they are stored by and how the list is answered. */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** What a suppression names: a Segment user id, an anonymous id, or an email key. */
export const SUPPRESSION_KINDS = ['user_id', 'anonymous_id', 'email'] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];

/** One identity to suppress, before hashing. */
export type SuppressedIdentity = { kind: SuppressionKind; value: string };

/** The stored form of an identity: hex SHA-256 over tenant, kind and value (no value is kept). */
export function suppressionHash(tenantId: string, identity: SuppressedIdentity): string {
  return createHash('sha256')
    .update(`${tenantId}\u0000${identity.kind}\u0000${identity.value}`)
    .digest('hex');
}

/** One entry of `GET /api/suppressions`. */
export const Suppression = z.object({
  kind: z.enum(SUPPRESSION_KINDS),
  valueHash: z.string(),
  personId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  droppedCount: z.number().int(),
  lastDroppedAt: z.iso.datetime().nullable(),
});
export type Suppression = z.infer<typeof Suppression>;

export const SuppressionList = z.object({
  items: z.array(Suppression),
  /** Messages dropped over all entries. */
  droppedTotal: z.number().int(),
});
export type SuppressionList = z.infer<typeof SuppressionList>;
