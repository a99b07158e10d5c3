import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import type { LeadPage } from '../lead/lead.contract.js';
import { leadWorld } from '../lead/lead-test-world.test-helper.js';
import type { ImportReport } from './import.contract.js';

const ctx = useTestApp();

const CSV =
  '类型,名称,联系人,电话,来源,来源编号\n' +
  '企业,深圳云帆科技,张三,0755-12345678,campaign,spring-expo\n' +
  'alien,Bad kind,,,,\n' +
  'consumer,李四,,not-a-phone,,\n' +
  'government,某区财政局,王五,,,\n';

describe('lead CSV import', () => {
  it('creates a lead per good row and reports every rejected row by line and field', async () => {
    const { key, call, form } = await leadWorld(ctx);
    const post = (query: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/leads/import${query}`,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
        payload: CSV,
      });
    const dry = await post('?dryRun=true');
    expect(dry.json<ImportReport>()).toMatchObject({ created: 2, dryRun: true, rows: 4, rejectedRows: 2 });
    expect((await call('GET', '/api/leads')).json<LeadPage>().items).toHaveLength(0);

    const response = await post(`?formId=${form.id}`);
    expect(response.statusCode).toBe(200);
    const report = response.json<ImportReport>();
    expect(report).toMatchObject({ created: 2, updated: 0, rows: 4, rejectedRows: 2, unmapped: [] });
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'kind'],
      [4, 'phone'],
    ]);
    const leads = (await call('GET', '/api/leads')).json<LeadPage>().items;
    expect(leads.map((l) => [l.name, l.kind, l.source, l.formId])).toEqual([
      ['某区财政局', 'government', 'import', form.id],
      ['深圳云帆科技', 'business', 'campaign', form.id],
    ]);
    expect(leads[1]).toMatchObject({ contactName: '张三', sourceRef: 'spring-expo' });
  });

  it('refuses an empty file', async () => {
    const { key } = await leadWorld(ctx);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/leads/import',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      payload: '',
    });
    expect(response.statusCode).toBe(400);
  });
});
