import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { systemClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { createCustomer } from '../customer/customer.service.js';
import { customers } from '../customer/customer.table.js';
import type { CrmDeps } from '../crm-deps.js';
import { createDeal } from './deal.service.js';
import { invalidateDeal, loseDeal, reopenDeal, winDeal } from './deal-transition.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

type Op = { op: 'create' | 'win' | 'lose' | 'invalidate' | 'reopen'; customer: number; deal: number };

/** The spec's rule, spelt out by brute force over the model's deals. */
function oracle(outcomes: string[]): string {
  if (outcomes.some((o) => o === 'open')) return 'open';
  if (outcomes.some((o) => o === 'won')) return 'won';
  if (outcomes.some((o) => o === 'lost')) return 'lost';
  return 'none';
}

/** What each move does to an outcome, or undefined when it is not allowed. */
const MOVES: Record<Exclude<Op['op'], 'create'>, (outcome: string) => string | undefined> = {
  win: (o) => (o === 'open' ? 'won' : undefined),
  lose: (o) => (o === 'open' ? 'lost' : undefined),
  invalidate: (o) => (o === 'open' ? 'invalid' : undefined),
  reopen: (o) => (o === 'open' ? undefined : 'open'),
};

describe('the customer deal state', () => {
  it('always equals the rule recomputed from all its deals, whatever the moves', async () => {
    const { admin } = await makeTenant(database.db);
    const deps: CrmDeps = { db: database.db, clock: systemClock };
    const op = fc.record({
      op: fc.constantFrom('create', 'win', 'lose', 'invalidate', 'reopen'),
      customer: fc.nat(1),
      deal: fc.nat(3),
    }) as fc.Arbitrary<Op>;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const ids = [0, 1].map(() => '');
        for (let i = 0; i < 2; i++) {
          ids[i] = (
            await createCustomer(deps, admin.actor, {
              kind: 'business',
              name: `C${i} ${Math.random()}`,
              allowDuplicate: true,
            })
          ).id;
        }
        const model: { id: string; customer: number; outcome: string }[][] = [[], []];
        for (const { op: kind, customer, deal } of ops) {
          if (kind === 'create') {
            const created = await createDeal(deps, admin.actor, { customerId: ids[customer]!, name: 'd' });
            model[customer]!.push({ id: created.id, customer, outcome: 'open' });
          } else {
            const target = model[customer]![deal % Math.max(1, model[customer]!.length)];
            if (!target) continue;
            const next = MOVES[kind](target.outcome);
            const run = {
              win: () => winDeal(deps, admin.actor, target.id),
              lose: () => loseDeal(deps, admin.actor, target.id, 'Price'),
              invalidate: () => invalidateDeal(deps, admin.actor, target.id),
              reopen: () => reopenDeal(deps, admin.actor, target.id, { cancelOrder: false }),
            }[kind];
            const result = await run().catch((error: unknown) => error);
            if (next === undefined) {
              expect(isAppError(result, 'conflict')).toBe(true);
            } else {
              expect((result as { outcome: string }).outcome).toBe(next);
              target.outcome = next;
            }
          }
          for (let c = 0; c < 2; c++) {
            const [row] = await database.db.select().from(customers).where(eq(customers.id, ids[c]!));
            expect(row!.dealState).toBe(oracle(model[c]!.map((d) => d.outcome)));
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
