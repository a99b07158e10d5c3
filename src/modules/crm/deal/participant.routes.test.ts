import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import type { Deal, DealParticipant, DealParticipantList } from './deal.contract.js';
import { salesWorld, type Problem } from './deal-world.test-helper.js';

const t = useTestApp();

describe('deal participants over HTTP', () => {
  it('puts contacts on a deal with roles, department and stance, and takes them off', async () => {
    const { call, json, customer } = await salesWorld(t);
    const customerId = await customer();
    const deal = await json<Deal>('POST', '/api/deals', { customerId, name: 'ERP rollout' });
    const person = await json('POST', '/api/people', { name: '李雷' });
    const url = `/api/deals/${deal.id}/participants/${person.id}`;
    const set = await json<DealParticipant>('PUT', url, {
      roles: ['decision_maker', 'procurement'],
      department: 'IT',
      stance: 'supporter',
    });
    expect(set).toMatchObject({
      personId: person.id,
      roles: ['decision_maker', 'procurement'],
      stance: 'supporter',
    });
    await json('PUT', url, { roles: ['user'], stance: 'opponent' });
    const list = await json<DealParticipantList>('GET', `/api/deals/${deal.id}/participants`);
    expect(list.items).toMatchObject([
      { personId: person.id, roles: ['user'], department: null, stance: 'opponent' },
    ]);

    const unknown = await call('PUT', `/api/deals/${deal.id}/participants/${newId()}`, { roles: ['user'] });
    expect([unknown.statusCode, unknown.json<Problem>().code]).toEqual([400, 'crm.deal.invalid']);
    const noRole = await call('PUT', url, { roles: [] });
    expect(noRole.json<Problem>().errors?.map((e) => e.path)).toEqual(['roles']);

    expect((await call('DELETE', url)).statusCode).toBe(204);
    expect((await call('DELETE', url)).statusCode).toBe(404);
    expect((await json<DealParticipantList>('GET', `/api/deals/${deal.id}/participants`)).items).toEqual([]);
  });
});
