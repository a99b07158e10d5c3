/** A tenant driven over HTTP with an admin API key, as the outside checks drive sales. */
import { makeApiKey, makeTenant } from '../../../../test/helpers/factories.js';
import type { createTestApp } from '../../../../test/helpers/server.js';
import { newId } from '../../../platform/ids.js';

type TestApp = Pick<Awaited<ReturnType<typeof createTestApp>>, 'app' | 'database'>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type Problem = { code: string; errors?: { path: string }[] };

/** A tenant with an admin key; `call` sends JSON with it; `withWarehouse` adds a warehouse and an item. */
export async function salesWorld(t: TestApp) {
  const { tenant, admin } = await makeTenant(t.database.db);
  const key = await makeApiKey(t.database.db, tenant.id, 'admin');
  const call = async (method: Method, url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });
  const json = async <T = Record<string, unknown> & { id: string }>(
    method: Method,
    url: string,
    payload?: object,
  ) => {
    const response = await call(method, url, payload);
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  const customer = async (kind = 'business', extra: object = {}) =>
    (await json('POST', '/api/customers', { kind, name: `Acme ${newId()}`, ownerUserId: admin.id, ...extra }))
      .id;
  const withWarehouse = async () => {
    const sku = `SKU-${newId().slice(-8)}`;
    await json('POST', '/api/warehouses', { code: 'WH1', name: 'Main' });
    await json('POST', '/api/items', { sku, name: 'Router' });
    return sku;
  };
  return { tenant, admin, call, json, customer, withWarehouse };
}
