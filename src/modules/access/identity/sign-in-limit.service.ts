/**
 * Guessing passwords: failed sign-ins are counted in the database, so every server process enforces
 * one limit, under three keys — the address and email together, the address across emails (one
 * address spraying many accounts) and the email across addresses (many addresses on one account).
 * Past a key's limit each further failure doubles the wait. Successful sign-ins are not counted.
 */
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { checkLimits, hitLimits, type LimitRule } from '../../../platform/limits/limit.service.js';
import type { SignInInput } from './identity.contract.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './identity.repository.js';
import { signIn } from './session.service.js';

const WINDOW_MS = 15 * 60_000;
const BASE_WAIT_MS = 30_000;

/** Failures allowed per window before the wait starts, per key. */
export const SIGN_IN_LIMITS = {
  /** One address guessing one account. */
  pair: { max: 20, windowMs: WINDOW_MS, baseWaitMs: BASE_WAIT_MS },
  /** One address trying many accounts (password spraying). */
  address: { max: 50, windowMs: WINDOW_MS, baseWaitMs: BASE_WAIT_MS },
  /** Many addresses trying one account. */
  account: { max: 30, windowMs: WINDOW_MS, baseWaitMs: BASE_WAIT_MS },
} satisfies Record<string, LimitRule>;

/** A sign-in refused by the limit; `retryAfterSeconds` also goes into the Retry-After header. */
export class SignInLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'rate_limited',
      'request.rate_limited',
      `Too many failed sign-ins; try again in ${retryAfterSeconds} s.`,
      {
        details: { retryAfterSeconds },
      },
    );
  }
}

function keysOf(address: string, email: string) {
  const account = email.trim().toLowerCase();
  return [
    { key: `signin:pair:${address}|${account}`, rule: SIGN_IN_LIMITS.pair },
    { key: `signin:address:${address}`, rule: SIGN_IN_LIMITS.address },
    { key: `signin:account:${account}`, rule: SIGN_IN_LIMITS.account },
  ];
}

/** Signs in unless a limit is waiting (throws SignInLimited); a failure counts on all three keys. */
export async function signInWithinLimits(
  db: Db,
  clock: Clock,
  input: SignInInput,
  address: string,
): ReturnType<typeof signIn> {
  const keys = keysOf(address, input.email);
  const verdict = await checkLimits(db, clock, keys);
  if (!verdict.allowed) {
    await recordInTenantsOf(db, clock, input.email, 'auth.sign_in.limited', address);
    throw new SignInLimited(verdict.retryAfterSeconds);
  }
  try {
    const session = await signIn(db, clock, input);
    await recordAudit(db, session.actor, 'auth.sign_in.succeeded', {}, { address, clock });
    return session;
  } catch (error) {
    if (error instanceof AppError && error.code === 'auth.bad_credentials') {
      await hitLimits(db, clock, keys);
      await recordInTenantsOf(db, clock, input.email, 'auth.sign_in.failed', address);
    }
    throw error;
  }
}

/** Records a refused sign-in in every tenant of the account it named; an unknown email has none. */
async function recordInTenantsOf(db: Db, clock: Clock, email: string, action: string, address: string) {
  const user = await repo.findUserByEmail(db, email);
  if (!user) return;
  for (const membership of await repo.listMembershipsOfUser(db, user.id)) {
    await recordAudit(
      db,
      { tenantId: membership.tenantId, anonymous: true },
      action,
      { email: user.email, userId: user.id },
      { address, clock },
    );
  }
}
