import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { testEngine } from '../../../../test/helpers/engine.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { systemClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { createCustomer } from './customer.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

// Creates racing in real parallel sessions need the PostgreSQL server (PGlite has one session).
describe.skipIf(testEngine() !== 'postgres')('creates racing on one match key', () => {
  it('let exactly one customer with a phone in; the others are duplicates', async () => {
    const { admin } = await makeTenant(database.db);
    const deps = { db: database.db, clock: systemClock };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        createCustomer(deps, admin.actor, { kind: 'consumer', name: `Racer ${i}`, phone: '13800138000' }),
      ),
    );
    const codes = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [(o.reason as { code?: string }).code ?? String(o.reason)] : [],
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: 7 }, () => 'crm.customer.duplicate'));
  });
});
