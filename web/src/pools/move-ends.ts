/** Where a logged move took a customer from and to: a user, a pool, or nothing (creation, a warning). */
import type { PoolMove } from './pool-api';

/** One end of a move. */
export type MoveEnd = { kind: 'user' | 'pool'; id: string };

/** The two ends of `move`; a recall warning moves nothing, so it has only the owner it warned. */
export function endsOf(move: PoolMove): { from: MoveEnd | null; to: MoveEnd | null } {
  const end = (userId: string | null, poolId: string | null): MoveEnd | null =>
    userId ? { kind: 'user', id: userId } : poolId ? { kind: 'pool', id: poolId } : null;
  return { from: end(move.fromUserId, move.fromPoolId), to: end(move.toUserId, move.toPoolId) };
}
