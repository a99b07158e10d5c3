/** Keys for PostgreSQL advisory locks, derived from text. */
import { createHash } from 'node:crypto';

/** A 64-bit advisory lock key for a string (the first 8 bytes of its SHA-1). */
export function advisoryKey(text: string): string {
  return createHash('sha1').update(text).digest().readBigInt64BE(0).toString();
}
