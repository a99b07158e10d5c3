/** Where and when an audited action happened, from its request: the client address and the clock. */
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';

/** The audit context of `request` (its address, as the trusted proxy setting resolves it). */
export function auditContext(
  deps: { clock: Clock },
  request: Pick<FastifyRequest, 'ip'>,
): { address: string; clock: Clock } {
  return { address: request.ip, clock: deps.clock };
}
