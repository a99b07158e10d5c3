import { describe, expect, it } from 'vitest';
import { signInCookie, useTestApp } from '../../../../test/helpers/server.js';
import { makeUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { newId } from '../../../platform/ids.js';
import { salesWorld, type Problem } from '../deal/deal-world.test-helper.js';
import type { Lifecycle } from './lifecycle.contract.js';

const t = useTestApp();

describe('the lifecycle over HTTP', () => {
  it('reads the stage a deal gave, moves it by hand with a note, and rejects bad input naming the field', async () => {
    const { call, json, customer } = await salesWorld(t);
    const id = await customer();
    const deal = await json('POST', '/api/deals', { customerId: id, name: 'Pilot' });
    const read = await json<Lifecycle>('GET', `/api/customers/${id}/lifecycle`);
    expect(read).toMatchObject({ customerId: id, stage: 'first_contact' });
    expect(read.history).toEqual([
      expect.objectContaining({ source: 'deal', dealId: deal.id, fromStage: null }),
    ]);

    const moved = await json<Lifecycle>('PUT', `/api/customers/${id}/lifecycle`, {
      stage: 'in_use',
      note: 'Signed offline',
    });
    expect(moved.stage).toBe('in_use');
    expect(moved.history[0]).toMatchObject({
      fromStage: 'first_contact',
      toStage: 'in_use',
      source: 'manual',
    });
    expect(moved.history[0]!.note).toBe('Signed offline');

    for (const [payload, path] of [
      [{ stage: 'churned' }, 'stage'],
      [{}, 'stage'],
      [{ stage: 'poc', note: 'x'.repeat(2001) }, 'note'],
    ] as const) {
      const response = await call('PUT', `/api/customers/${id}/lifecycle`, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json<Problem>().errors?.map((e) => e.path)).toContain(path);
    }
    expect((await call('GET', `/api/customers/not-a-uuid/lifecycle`)).statusCode).toBe(400);
    expect((await json<Lifecycle>('GET', `/api/customers/${id}/lifecycle`)).history).toHaveLength(2);
  });

  it('answers 404 for a missing customer and for one outside the caller’s scope', async () => {
    const { tenant, call, customer } = await salesWorld(t);
    const id = await customer();
    expect((await call('GET', `/api/customers/${newId()}/lifecycle`)).statusCode).toBe(404);
    const rep = await makeUser(t.database.db, tenant, 'sales_rep');
    const cookie = await signInCookie(t.app, rep.email, TEST_PASSWORD);
    for (const method of ['GET', 'PUT'] as const) {
      const response = await t.app.inject({
        method,
        url: `/api/customers/${id}/lifecycle`,
        headers: { cookie },
        ...(method === 'PUT' ? { payload: { stage: 'poc' } } : {}),
      });
      expect(response.statusCode).toBe(404);
    }
  });
});
