import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKeysOf } from '../matching/match-keys.js';
import { matchKeysReader } from './import-keys.js';

describe('match keys of an import', () => {
  it('are the keys matchKeysOf computes, for mobile numbers in every spelling and anything else', () => {
    const keysOf = matchKeysReader();
    const digits = (n: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const mobile = fc
      .tuple(
        fc.constantFrom('', '+86', '+86 ', '+86-'),
        fc.integer({ min: 130, max: 199 }),
        digits(4),
        digits(4),
        fc.constantFrom('', ' ', '-'),
      )
      .map(([prefix, head, a, b, gap]) => `${prefix}${head}${gap}${a}${gap}${b}`);
    const other = fc.constantFrom(
      '010-6552 9988',
      '8613800138000',
      '0086 138 0013 8000',
      '62345678',
      'not a phone',
      '+1 415 555 2671',
      '１３８００１３８０００',
    );
    fc.assert(
      fc.property(
        fc.oneof(mobile, other),
        fc.constantFrom('business' as const, 'consumer' as const),
        (phone, kind) => {
          const fields = { kind, name: '深圳云帆科技有限公司', phone, email: 'A@B.CN' };
          expect(keysOf(fields)).toEqual(matchKeysOf(fields));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('remembers invalid number blocks as well as valid ones', () => {
    const keysOf = matchKeysReader();
    for (const phone of [
      '140 0000 0001',
      '14000000002',
      '13800138000',
      '138 0013 9999',
      '17405000000',
      '17406000000',
    ]) {
      expect(keysOf({ kind: 'consumer', name: 'x', phone })).toEqual(
        matchKeysOf({ kind: 'consumer', name: 'x', phone }),
      );
    }
  });
});
