/**
 * How much of a tenant's data an actor sees. Platform applies it (src/platform/tenancy.ts); which role
 * gets which scope is the access context's business.
 */

/** Records the actor owns, their teams' records too, or all of the tenant's records. */
export const DATA_SCOPES = ['own', 'team', 'all'] as const;

/** One of DATA_SCOPES. */
export type DataScope = (typeof DATA_SCOPES)[number];
