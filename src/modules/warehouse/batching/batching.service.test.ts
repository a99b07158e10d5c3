import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors.js';
import { parseBatchingInput } from './batching.service.js';

describe('parseBatchingInput', () => {
  const layout = {
    aisles: 3,
    blocks: 1,
    slotsPerBlock: 5,
    slotLength: 1,
    aislePitch: 3,
    crossAisleDepth: 2,
    depot: { x: 0 },
  };
  const issuePath = (raw: unknown): string | undefined => {
    try {
      parseBatchingInput(raw);
      return undefined;
    } catch (error) {
      if (!isAppError(error, 'invalid')) throw error;
      expect(error.code).toBe('warehouse.batching.invalid');
      return error.issues![0]!.path;
    }
  };

  it('names the field, the line outside the layout, and a repeated order id', () => {
    const line = { aisle: 1, slot: 1, units: 1 };
    const capacity = { totes: 2, units: 5 };
    expect(issuePath({ layout, orders: [{ id: 'a', lines: [line] }], capacity })).toBeUndefined();
    expect(issuePath({ layout, orders: [{ id: 'a', lines: [{ ...line, units: 0 }] }], capacity })).toBe(
      'orders.0.lines.0.units',
    );
    expect(
      issuePath({
        layout,
        orders: [
          { id: 'a', lines: [line] },
          { id: 'b', lines: [line, { ...line, aisle: 4 }] },
        ],
        capacity,
      }),
    ).toBe('orders.1.lines.1.aisle');
    expect(
      issuePath({
        layout,
        orders: [
          { id: 'a', lines: [line] },
          { id: 'a', lines: [line] },
        ],
        capacity,
      }),
    ).toBe('orders.1.id');
    expect(issuePath({ layout, orders: [], capacity: { totes: 0, units: 5 } })).toBe('capacity.totes');
  });
});
