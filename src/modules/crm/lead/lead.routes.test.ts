import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';
import type { LeadForm } from '../lead-form/lead-form.contract.js';
import type { Lead, LeadPage } from './lead.contract.js';
import { leadWorld, SAMPLE_FORM } from './lead-test-world.test-helper.js';

const ctx = useTestApp();

type Problem = { code: string; errors?: { path: string }[]; missingFields?: string[] };

describe('requirements forms', () => {
  it('creates a form and keeps every version when it changes', async () => {
    const { call, form } = await leadWorld(ctx);
    const first = await call('GET', `/api/lead-forms/${form.id}`);
    expect(first.json<LeadForm>()).toMatchObject({
      version: 1,
      currentVersion: 1,
      fields: SAMPLE_FORM.fields,
    });
    const changed = await call('PUT', `/api/lead-forms/${form.id}`, {
      name: 'ERP v2',
      fields: [{ key: 'budget', label: 'Budget', type: 'number', required: true }],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<LeadForm>()).toMatchObject({ name: 'ERP v2', version: 2, currentVersion: 2 });
    const old = await call('GET', `/api/lead-forms/${form.id}?version=1`);
    expect(old.json<LeadForm>()).toMatchObject({ name: SAMPLE_FORM.name, version: 1, currentVersion: 2 });
    const versions = await call('GET', `/api/lead-forms/${form.id}/versions`);
    expect(versions.json<{ items: LeadForm[] }>().items.map((v) => v.version)).toEqual([1, 2]);
    expect((await call('GET', '/api/lead-forms')).json<{ items: LeadForm[] }>().items).toHaveLength(1);
    expect((await call('GET', `/api/lead-forms/${newId()}`)).statusCode).toBe(404);
  });

  it('refuses bad keys, duplicate keys and choice fields without options, naming the field', async () => {
    const { call } = await leadWorld(ctx);
    const paths = async (fields: object[]) => {
      const response = await call('POST', '/api/lead-forms', { name: 'x', fields });
      return [response.statusCode, response.json<Problem>().errors?.map((e) => e.path)];
    };
    const text = { label: 'L', type: 'text', required: false };
    expect(await paths([{ ...text, key: 'Bad-Key' }])).toEqual([400, ['fields.0.key']]);
    expect(
      await paths([
        { ...text, key: 'a' },
        { ...text, key: 'a' },
      ]),
    ).toEqual([400, ['fields.1.key']]);
    expect(await paths([{ key: 'c', label: 'C', type: 'choice', required: true }])).toEqual([
      400,
      ['fields.0.options'],
    ]);
  });
});

describe('leads', () => {
  it('creates a new lead pinned to the form version, and lists it with filters and paging', async () => {
    const { call, form, lead, key } = await leadWorld(ctx);
    const created = await call('POST', '/api/leads', {
      kind: 'government',
      name: '某市教育局',
      contactName: '王老师',
      phone: '010-88886666',
      source: 'partner',
      sourceRef: 'partner-42',
      formId: form.id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<Lead>()).toMatchObject({
      status: 'new',
      formVersion: 1,
      sourceRef: 'partner-42',
      language: 'zh-CN',
    });
    await lead();
    await lead();
    const page = await call('GET', '/api/leads?limit=2');
    expect(page.json<LeadPage>().items).toHaveLength(2);
    const rest = await call('GET', `/api/leads?limit=2&after=${page.json<LeadPage>().nextCursor}`);
    expect(rest.json<LeadPage>()).toMatchObject({ items: [{ name: '某市教育局' }], nextCursor: null });
    const filtered = await call('GET', '/api/leads?kind=government&q=教育');
    expect(filtered.json<LeadPage>().items.map((l) => l.id)).toEqual([created.json<Lead>().id]);
    expect(key).toBeTruthy();
  });

  it('names the failing field of a lead and refuses an unknown form', async () => {
    const { call } = await leadWorld(ctx);
    const bad = await call('POST', '/api/leads', { kind: 'alien', name: 'x', source: 'manual' });
    expect([bad.statusCode, bad.json<Problem>().errors?.map((e) => e.path)]).toEqual([400, ['kind']]);
    const noForm = await call('POST', '/api/leads', {
      kind: 'consumer',
      name: 'x',
      source: 'manual',
      formId: newId(),
    });
    expect([
      noForm.statusCode,
      noForm.json<Problem>().code,
      noForm.json<Problem>().errors?.[0]?.path,
    ]).toEqual([400, 'crm.lead.invalid', 'formId']);
  });

  it('type-checks answers per field, naming answers.<key>, and merges them', async () => {
    const { call, lead } = await leadWorld(ctx);
    const { id } = await lead();
    const put = (answers: object) => call('PUT', `/api/leads/${id}/answers`, { answers });
    const wrong = await put({
      industry: '农业',
      users: 'many',
      on_premise: 'yes',
      nope: 1,
      go_live: '2026-02-30',
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['answers.go_live', 'answers.industry', 'answers.nope', 'answers.on_premise', 'answers.users']);
    expect((await call('GET', `/api/leads/${id}`)).json<Lead>().answers).toEqual({});
    await put({ industry: '制造', users: 50 });
    const merged = await put({ modules: ['财务'], users: null });
    expect(merged.statusCode).toBe(200);
    expect(merged.json<Lead>().answers).toEqual({ industry: '制造', modules: ['财务'] });
  });

  it('qualifies only with every required answer: 409 form_incomplete lists the missing keys in form order', async () => {
    const { call, lead } = await leadWorld(ctx);
    const { id } = await lead();
    await call('PUT', `/api/leads/${id}/answers`, { answers: { industry: '零售', modules: [] } });
    const refused = await call('POST', `/api/leads/${id}/qualify`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'crm.lead.form_incomplete',
      missingFields: ['modules', 'on_premise'],
    });
    expect((await call('GET', `/api/leads/${id}`)).json<Lead>().status).toBe('new');
    await call('PUT', `/api/leads/${id}/answers`, { answers: { modules: ['仓储'], on_premise: false } });
    const qualified = await call('POST', `/api/leads/${id}/qualify`);
    expect(qualified.statusCode).toBe(200);
    expect(qualified.json<Lead>()).toMatchObject({ status: 'qualified' });
    expect(qualified.json<Lead>().qualifiedAt).not.toBeNull();
    const again = await call('POST', `/api/leads/${id}/qualify`);
    expect([again.statusCode, again.json<Problem>().code]).toEqual([409, 'crm.lead.invalid_transition']);
  });

  it('moves new → working → disqualified with a reason from the tenant list, and back', async () => {
    const { call, lead } = await leadWorld(ctx);
    const { id } = await lead();
    expect((await call('POST', `/api/leads/${id}/work`)).json<Lead>().status).toBe('working');
    const unknown = await call('POST', `/api/leads/${id}/disqualify`, { reason: 'bored' });
    expect([unknown.statusCode, unknown.json<Problem>().errors?.[0]?.path]).toEqual([400, 'reason']);
    await call('PUT', '/api/lead-settings', {
      disqualifyReasons: ['bored', 'no_budget'],
      assignment: { mode: 'off', userIds: [], dailyCap: null, rules: [] },
    });
    const out = await call('POST', `/api/leads/${id}/disqualify`, { reason: 'bored', note: 'asked twice' });
    expect(out.json<Lead>()).toMatchObject({
      status: 'disqualified',
      disqualifyReason: 'bored',
      note: 'asked twice',
    });
    expect((await call('POST', `/api/leads/${id}/qualify`)).statusCode).toBe(409);
    expect((await call('POST', `/api/leads/${id}/reopen`)).json<Lead>()).toMatchObject({
      status: 'working',
      disqualifyReason: null,
    });
  });

  it('edits a lead and keeps other tenants out', async () => {
    const { call, lead } = await leadWorld(ctx);
    const other = await leadWorld(ctx);
    const { id } = await lead();
    const patched = await call('PATCH', `/api/leads/${id}`, {
      language: 'en',
      contactName: 'Li Lei',
      region: null,
    });
    expect(patched.json<Lead>()).toMatchObject({ language: 'en', contactName: 'Li Lei', region: null });
    expect((await other.call('GET', `/api/leads/${id}`)).statusCode).toBe(404);
    expect((await other.call('PUT', `/api/leads/${id}/answers`, { answers: {} })).statusCode).toBe(404);
    expect((await other.call('GET', '/api/leads')).json<LeadPage>().items.map((l) => l.id)).not.toContain(id);
  });
});
