/**
 * What the zh-CN sales journey sets up through the API (the web app has no screens for items, stock
 * and products here), its API calls and its mouse drag.
 */
import type { APIRequestContext, Locator, Page } from 'playwright-core';

type Created = { id: string };

/** Calls the API as the signed-in page; anything but 2xx throws with the answer. */
export async function call<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<T> {
  const response = method === 'GET' ? await request.get(url) : await request.post(url, { data: body ?? {} });
  if (!response.ok()) throw new Error(`${method} ${url} -> ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The form's four questions: three required, so qualifying is refused until they are answered. */
export const FORM_FIELDS = [
  { key: 'sites', label: '需要联网的站点数', type: 'number', required: true },
  { key: 'deployment', label: '部署方式', type: 'choice', required: true, options: ['本地部署', '云端托管'] },
  { key: 'needs', label: '主要需求', type: 'text', required: true, help: '例如带宽、安全、远程办公' },
  { key: 'budget_ok', label: '预算已批准', type: 'yes_no', required: false },
];

/**
 * A warehouse (first by code, so won deals ship from it) with 50 of each of two items in stock, a
 * priced stocked product per item (a router at ¥1,999 and a switch at ¥899) and a requirements form
 * about the router.
 */
export async function seedSalesJourney(
  request: APIRequestContext,
  baseUrl: string,
  run: string,
): Promise<{ routerId: string; switchId: string; formName: string }> {
  const api = (path: string) => `${baseUrl}${path}`;
  const warehouse = await call<Created>(request, 'POST', api('/api/warehouses'), {
    code: `E2J-${run}`,
    name: 'E2E 旅程仓',
  });
  await call(request, 'POST', api(`/api/warehouses/${warehouse.id}/locations`), { code: 'A-01-01-1' });
  const products: [string, string, number][] = [
    [`E2E-RT-${run}`, `E2E 企业路由器 ${run}`, 199_900],
    [`E2E-SW-${run}`, `E2E 千兆交换机 ${run}`, 89_900],
  ];
  const ids: string[] = [];
  for (const [sku, name, amount] of products) {
    await call(request, 'POST', api('/api/items'), { sku, name });
    await call(request, 'POST', api(`/api/warehouses/${warehouse.id}/receipts`), {
      reference: `ASN-${sku}`,
      lines: [{ sku, quantity: 50, putawayTo: 'A-01-01-1' }],
    });
    const product = await call<Created>(request, 'POST', api('/api/products'), {
      name,
      kind: 'stocked',
      sku,
      price: { amount, currency: 'CNY' },
    });
    ids.push(product.id);
  }
  const [routerId, switchId] = ids as [string, string];
  const formName = `E2E 路由器需求表 ${run}`;
  await call(request, 'POST', api('/api/lead-forms'), {
    name: formName,
    productId: routerId,
    fields: FORM_FIELDS,
  });
  return { routerId, switchId, formName };
}

/** Drags `card` onto `column` with the mouse, as a person would (a small move first starts the drag). */
export async function dragOnto(page: Page, card: Locator, column: Locator): Promise<void> {
  await column.scrollIntoViewIfNeeded();
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await column.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  await page.mouse.up();
}
