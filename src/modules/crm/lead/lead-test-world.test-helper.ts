/** A tenant with an admin API key and helpers to call the lead API through `inject` (test code). */
import { makeApiKey, makeTenant } from '../../../../test/helpers/factories.js';
import type { HttpApp } from '../../../platform/http/server.js';
import type { Database } from '../../../platform/db/database.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** The form the lead tests use: a required choice, a required multi-choice, an optional number, a required yes/no. */
export const SAMPLE_FORM = {
  name: 'ERP 需求收集表',
  fields: [
    { key: 'industry', label: '行业', type: 'choice', required: true, options: ['制造', '零售'] },
    {
      key: 'modules',
      label: '模块',
      type: 'multi_choice',
      required: true,
      options: ['财务', '仓储', '销售'],
    },
    { key: 'users', label: '用户数', type: 'number', required: false, help: '大约' },
    { key: 'on_premise', label: '本地部署', type: 'yes_no', required: true },
    { key: 'go_live', label: '上线日期', type: 'date', required: false },
  ],
};

/** A fresh tenant, its admin key and a caller. */
export async function leadWorld(ctx: { readonly app: HttpApp; readonly database: Database }) {
  const { tenant, admin } = await makeTenant(ctx.database.db);
  const key = await makeApiKey(ctx.database.db, tenant.id, 'admin');
  const call = (method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}`, ...headers },
      ...(payload ? { payload } : {}),
    });
  const form = (await call('POST', '/api/lead-forms', SAMPLE_FORM)).json<{ id: string }>();
  const lead = async (extra: object = {}) =>
    (
      await call('POST', '/api/leads', {
        kind: 'business',
        name: `Acme ${Math.random()}`,
        source: 'manual',
        formId: form.id,
        ...extra,
      })
    ).json<{ id: string; status: string; ownerUserId: string | null }>();
  return { tenant, admin, key, call, form, lead };
}
