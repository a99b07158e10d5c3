/** Reading coordinates out of a location code such as `A-03-12-2`. */

/** What a code of the form `<zone>-<aisle>-<slot>-<level>` says; block is always 1. */
export type ParsedLocationCode = { zone: string; aisle: number; block: number; slot: number; level: number };

const CODE = /^([A-Za-z][A-Za-z0-9]*)-(\d{1,4})-(\d{1,4})-(\d{1,2})$/;

/**
 * The zone and coordinates a code spells, or undefined when it does not have that form.
 * @example parseLocationCode('A-03-12-2') // { zone: 'A', aisle: 3, block: 1, slot: 12, level: 2 }
 */
export function parseLocationCode(code: string): ParsedLocationCode | undefined {
  const match = CODE.exec(code.trim());
  if (!match) return undefined;
  return {
    zone: match[1]!,
    aisle: Number(match[2]),
    block: 1,
    slot: Number(match[3]),
    level: Number(match[4]),
  };
}
