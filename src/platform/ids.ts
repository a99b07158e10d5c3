import { v7 } from 'uuid';

/** A new UUIDv7: time-ordered, so keyset pagination by id follows creation order. */
export function newId(): string {
  return v7();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` has the shape of a UUID (any version). */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
