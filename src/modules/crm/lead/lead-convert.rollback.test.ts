import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { systemClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { listCustomers } from '../customer/customer.service.js';
import { createLead, getLead } from './lead.service.js';
import { qualifyLead } from './lead-status.service.js';
import { convertLead } from './lead-convert.service.js';

// The deal step fails after the customer and the committee were written: all of it must roll back.
vi.mock('../deal/deal.service.js', async (original) => ({
  ...(await original<typeof import('../deal/deal.service.js')>()),
  createDeal: vi.fn(() => Promise.reject(new Error('deal store unavailable'))),
}));

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('a failed conversion', () => {
  it('leaves no customer without its deal, and the lead unconverted', async () => {
    const { admin } = await makeTenant(database.db);
    const deps = { db: database.db, clock: systemClock };
    const lead = await createLead(deps, admin.actor, {
      kind: 'consumer',
      name: '孙女士',
      source: 'manual',
      contactName: '孙女士',
    });
    await qualifyLead(deps, admin.actor, lead.id);
    await expect(convertLead(deps, admin.actor, lead.id, {})).rejects.toThrow('deal store unavailable');
    expect((await listCustomers(deps, admin.actor, { limit: 10, sort: 'created' })).items).toHaveLength(0);
    expect(await getLead(deps, admin.actor, lead.id)).toMatchObject({ customerId: null, convertedAt: null });
  });
});
