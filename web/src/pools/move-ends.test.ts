import { describe, expect, it } from 'vitest';
import { endsOf } from './move-ends';
import type { PoolMove } from './pool-api';

const move = (over: Partial<PoolMove>): PoolMove => ({
  id: '00000000-0000-7000-8000-000000000001',
  customerId: '00000000-0000-7000-8000-000000000002',
  action: 'claim',
  fromUserId: null,
  toUserId: null,
  fromPoolId: null,
  toPoolId: null,
  actorUserId: null,
  cause: null,
  at: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('endsOf', () => {
  it('names the pool and the user a move joins', () => {
    expect(endsOf(move({ action: 'claim', fromPoolId: 'p', toUserId: 'u' }))).toEqual({
      from: { kind: 'pool', id: 'p' },
      to: { kind: 'user', id: 'u' },
    });
    expect(endsOf(move({ action: 'recall', fromUserId: 'u', toPoolId: 'p' }))).toEqual({
      from: { kind: 'user', id: 'u' },
      to: { kind: 'pool', id: 'p' },
    });
  });

  it('has no start for a creation and no end for a warning', () => {
    expect(endsOf(move({ action: 'create', toUserId: 'u' }))).toEqual({
      from: null,
      to: { kind: 'user', id: 'u' },
    });
    expect(endsOf(move({ action: 'recall_warning', fromUserId: 'u' }))).toEqual({
      from: { kind: 'user', id: 'u' },
      to: null,
    });
  });
});
