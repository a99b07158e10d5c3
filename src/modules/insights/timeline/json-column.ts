/** Reading jsonb columns of raw query results. */

/** A jsonb object column as the driver parsed it (null stays null). */
export function jsonOf(value: unknown): Record<string, unknown> | null {
  return value === null || value === undefined ? null : (value as Record<string, unknown>);
}
