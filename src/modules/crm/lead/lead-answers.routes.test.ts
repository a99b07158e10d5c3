import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import type { AnswerPage, AnswerSummary } from './lead-answers.contract.js';
import { leadWorld } from './lead-test-world.test-helper.js';

const ctx = useTestApp();

describe('answers per form and field', () => {
  it('browses, summarises and exports answers across form versions', async () => {
    const { call, form, lead } = await leadWorld(ctx);
    const one = await lead({ name: '甲公司' });
    const two = await lead({ name: '乙公司' });
    await call('PUT', `/api/leads/${one.id}/answers`, {
      answers: { industry: '制造', modules: ['财务', '仓储'] },
    });
    await call('PUT', `/api/leads/${two.id}/answers`, { answers: { modules: ['仓储'], on_premise: true } });
    // A new version drops `go_live` and adds `budget`; the old answers stay in the table.
    await call('PUT', `/api/lead-forms/${form.id}`, {
      name: 'v2',
      fields: [{ key: 'budget', label: '预算', type: 'number', required: false }],
    });
    const three = await lead({ name: '丙公司' });
    await call('PUT', `/api/leads/${three.id}/answers`, { answers: { budget: 100000 } });

    const page = (await call('GET', `/api/lead-forms/${form.id}/answers`)).json<AnswerPage>();
    expect(page.fields.map((f) => f.key)).toEqual([
      'budget',
      'industry',
      'modules',
      'users',
      'on_premise',
      'go_live',
    ]);
    expect(page.items.map((i) => [i.leadName, i.formVersion])).toEqual([
      ['丙公司', 2],
      ['乙公司', 1],
      ['甲公司', 1],
    ]);
    const industry = (
      await call('GET', `/api/lead-forms/${form.id}/answers?field=industry`)
    ).json<AnswerPage>();
    expect(industry.items.map((i) => i.leadName)).toEqual(['甲公司']);
    const paged = (await call('GET', `/api/lead-forms/${form.id}/answers?limit=2`)).json<AnswerPage>();
    expect(paged.items).toHaveLength(2);
    const rest = (
      await call('GET', `/api/lead-forms/${form.id}/answers?limit=2&after=${paged.nextCursor}`)
    ).json<AnswerPage>();
    expect([rest.items.map((i) => i.leadName), rest.nextCursor]).toEqual([['甲公司'], null]);

    const summary = (await call('GET', `/api/lead-forms/${form.id}/answers/summary`)).json<AnswerSummary>();
    expect(summary.leads).toBe(3);
    expect(summary.fields.find((f) => f.key === 'modules')).toMatchObject({
      answered: 2,
      counts: [
        { value: '仓储', count: 2 },
        { value: '财务', count: 1 },
      ],
    });

    const csv = await call('GET', `/api/lead-forms/${form.id}/answers.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'leadId,leadName,status,formVersion,createdAt,budget,industry,modules,users,on_premise,go_live',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(',甲公司,new,1,');
    expect(lines[3]).toMatch(/,制造,财务; 仓储,,,$/);
    expect((await call('GET', `/api/lead-forms/${crypto.randomUUID()}/answers`)).statusCode).toBe(404);
  });
});
