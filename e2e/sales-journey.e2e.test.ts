/**
 * The whole sales journey in zh-CN, as the demo administrator and one customer on a phone. Seeded
 * through the API (the UI has no screens for them here): two stocked, priced products with stock in a
 * warehouse, and a requirements form for the first product. In the browser: the staff creates a lead
 * with the form; qualifying it is refused while the required answers are missing; the share button
 * makes the public link; the customer opens it in a phone-sized context, fills the form and sends it;
 * the lead page shows the answers, qualifies and converts (the product interest becomes a line); the
 * deal page adjusts the lines and sends a quote whose PDF answers `%PDF`; the board moves the deal
 * across two stages by drag and drop and wins it from its card; the stage history shows the moves; the
 * order pool lists the deal's sales order; the deal page shows the order's status; the customer page
 * shows the deal and the lifecycle at 使用中. Screenshots at every main step.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';
import { call, dragOnto, seedSalesJourney } from './sales-journey-seed.js';

type Stage = { id: string; key: string; name: string; position: number; won: boolean; lost: boolean };
type Pipeline = { id: string; stages: Stage[] };
type Lead = {
  status: string;
  source: string;
  productId: string | null;
  answers: Record<string, unknown>;
  customerId: string | null;
  dealId: string | null;
};
type Deal = {
  id: string;
  customerId: string;
  pipelineId: string;
  stageId: string;
  outcome: string;
  lines: { productId: string; quantity: number }[];
  orders: { id: string; status: string }[];
};
type Order = { id: string; type: string; origin: string; externalRef: string };

describe.skipIf(!hasChromium)('the zh-CN sales journey from a phone form to a warehouse order', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const run = Date.now().toString(36).toUpperCase();
  const leadName = `E2E 云帆物流 ${run}`;
  let routerId = '';
  let switchId = '';
  let formName = '';
  let leadId = '';
  let deal: Deal;
  let stages: Stage[] = [];
  const api = (path: string) => `${server.url}${path}`;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney('zh-CN'));
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('signs in in Chinese and seeds stocked products and a requirements form through the API', async () => {
    await page.goto(`${server.url}/leads`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.waitForURL(/\/leads/);
    await page.getByTestId('lead-list-page').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByTestId('nav-sales').textContent()).toBe('销售');

    ({ routerId, switchId, formName } = await seedSalesJourney(page.request, server.url, run));
  });

  it('creates a lead with the form, whose qualify is refused while required answers are missing', async () => {
    await page.goto(`${server.url}/leads`);
    await page.getByTestId('create-lead').click();
    const dialog = page.getByTestId('lead-create-form');
    await dialog.waitFor();
    await page.getByTestId('lead-name').fill(leadName);
    await dialog.getByLabel('联系人').fill('陈静');
    await page.getByTestId('lead-form-select').click();
    await page.getByRole('option', { name: formName }).click();
    await snap(page, 'sales-journey-01-new-lead');
    await page.getByTestId('lead-create-submit').click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    leadId = page.url().split('/').pop()!;
    await page.getByTestId('lead-answers').waitFor();

    await page.getByTestId('lead-qualify').click();
    const missing = page.getByTestId('missing-fields');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('需要联网的站点数、部署方式、主要需求');
    expect(await page.getByTestId('lead-answers').textContent()).toContain('必填');
    // The form's product is the lead's interest; the source typed as 手工录入 is stored as `manual`.
    const saved = await call<Lead>(page.request, 'GET', api(`/api/leads/${leadId}`));
    expect([saved.status, saved.productId, saved.source]).toEqual(['new', routerId, 'manual']);
    expect(await page.getByTestId('lead-page').textContent()).toContain('手工录入');
    await page.getByTestId('lead-page').getByText(`E2E 企业路由器 ${run}`, { exact: true }).waitFor();
  });

  it('lets the customer fill the shared form on a phone', async () => {
    await page.getByTestId('lead-share').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/\/f\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{40,}$/);
    await snap(page, 'sales-journey-02-lead-shared');

    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const customer = await phone.newPage();
      customer.setDefaultTimeout(20_000);
      await customer.goto(`${server.url}${new URL(url).pathname}`);
      const form = customer.getByTestId('public-form');
      await form.waitFor();
      expect(await form.textContent()).toContain(leadName);
      await customer.getByTestId('answer-sites').fill('12');
      await customer.getByTestId('answer-deployment').click();
      await customer.getByRole('option', { name: '云端托管' }).click();
      await customer.getByTestId('answer-needs').fill('12 个门店联网，总部统一管理，访客 Wi-Fi 隔离');
      await customer.getByTestId('answer-budget_ok').getByText('是', { exact: true }).click();
      expect(await customer.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await snap(customer, 'sales-journey-03-phone-form');
      await customer.getByTestId('public-form-submit').click();
      await customer.getByTestId('public-form-sent').waitFor();
      expect(await customer.getByTestId('public-form-sent').textContent()).toMatch(/[\u4e00-\u9fff]/);
      await snap(customer, 'sales-journey-04-phone-sent');
    } finally {
      await phone.close();
    }
  });

  it('shows the answers on the lead page, qualifies and converts the lead', async () => {
    await page.reload();
    const answers = page.getByTestId('lead-answers');
    await answers.waitFor();
    await expect.poll(() => page.getByTestId('answer-sites').inputValue()).toBe('12');
    expect(await page.getByTestId('answer-deployment').inputValue()).toBe('云端托管');
    expect(await page.getByTestId('answer-needs').inputValue()).toContain('访客 Wi-Fi 隔离');

    await page.getByTestId('lead-qualify').click();
    await page.getByTestId('lead-convert').waitFor();
    expect(await page.getByTestId('missing-fields').count()).toBe(0);
    await snap(page, 'sales-journey-05-lead-qualified');
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('lead-converted').waitFor();
    const lead = await call<Lead>(page.request, 'GET', api(`/api/leads/${leadId}`));
    expect(lead.status).toBe('qualified');
    expect(lead.answers).toMatchObject({ sites: 12, deployment: '云端托管', budget_ok: true });
    deal = await call<Deal>(page.request, 'GET', api(`/api/deals/${lead.dealId}`));
    expect(deal.customerId).toBe(lead.customerId);
    expect(deal.lines).toMatchObject([{ productId: routerId, quantity: 1 }]);
    await snap(page, 'sales-journey-06-lead-converted');
  });

  it('adjusts the deal’s lines and sends a quote whose PDF opens', async () => {
    await page.getByTestId('lead-open-deal').click();
    await page.waitForURL(new RegExp(`/sales/deals/${deal.id}`));
    await page.getByTestId('lines-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('edit-lines').click();
    const rows = page.getByTestId('line-row');
    await rows.first().getByTestId('line-quantity').fill('3');
    await page.getByTestId('add-line').click();
    await rows.nth(1).getByTestId('line-product').click();
    await page.getByRole('option', { name: new RegExp(`E2E 千兆交换机 ${run}`) }).click();
    await rows.nth(1).getByTestId('line-quantity').fill('6');
    await page.getByTestId('save-lines').click();
    await page.getByTestId('lines-table').locator('tbody tr').nth(1).waitFor();
    const saved = await call<Deal>(page.request, 'GET', api(`/api/deals/${deal.id}`));
    expect(saved.lines).toMatchObject([
      { productId: routerId, quantity: 3 },
      { productId: switchId, quantity: 6 },
    ]);
    // 3 × ¥1,999.00 + 6 × ¥899.00 = ¥11,391.00 before tax.
    expect(await page.getByTestId('lines-net-total').textContent()).toContain('11,391.00');

    const quotes = page.getByTestId('deal-quotes');
    await quotes.getByTestId('quote-language').getByText('中文').click();
    await quotes.getByTestId('new-quote').click();
    const row = quotes.locator('[data-testid="quote-row"][data-version="1"]');
    await row.waitFor();
    const href = await row.getByTestId('quote-pdf').getAttribute('href');
    expect(href).toBe(`/api/deals/${deal.id}/quotes/1/pdf`);
    const pdf = await page.evaluate(async (path: string) => {
      const response = await fetch(path);
      const head = new Uint8Array(await response.arrayBuffer()).subarray(0, 5);
      return [response.status, response.headers.get('content-type'), String.fromCharCode(...head)];
    }, href!);
    expect(pdf).toEqual([200, 'application/pdf', '%PDF-']);
    await snap(page, 'sales-journey-07-deal-quote');
  });

  it('moves the deal across the board by drag and drop, then wins it there', async () => {
    const pipelines = await call<{ items: Pipeline[] }>(page.request, 'GET', api('/api/pipelines'));
    stages = [...pipelines.items.find((p) => p.id === deal.pipelineId)!.stages].sort(
      (a, b) => a.position - b.position,
    );
    expect(deal.stageId).toBe(stages[0]!.id);
    await page.getByTestId('back-to-board').click();
    await page.waitForURL(/\/sales$/);
    const card = page.locator(`[data-testid="deal-card"][data-deal-id="${deal.id}"]`);
    const column = (stage: Stage) =>
      page.locator(`[data-testid="board-column"][data-stage-id="${stage.id}"]`);
    await column(stages[0]!).locator(`[data-deal-id="${deal.id}"]`).waitFor();
    expect(await column(stages[0]!).getByTestId('column-totals').textContent()).toMatch(/[\u4e00-\u9fff]/);
    for (const target of [stages[1]!, stages[2]!]) {
      await dragOnto(page, card, column(target));
      await column(target).locator(`[data-deal-id="${deal.id}"]`).waitFor();
      await expect
        .poll(async () => (await call<Deal>(page.request, 'GET', api(`/api/deals/${deal.id}`))).stageId)
        .toBe(target.id);
    }
    await snap(page, 'sales-journey-08-board-moved');

    // The won column is far to the right of the nine steps; the card's own win button wins it.
    const won = stages.find((s) => s.won)!;
    await card.getByTestId('card-win').click();
    await column(won).locator(`[data-deal-id="${deal.id}"]`).waitFor();
    await expect
      .poll(async () => (await call<Deal>(page.request, 'GET', api(`/api/deals/${deal.id}`))).outcome)
      .toBe('won');
    await snap(page, 'sales-journey-09-board-won');
  });

  it('shows the moves in the stage history and the order with its status on the deal page', async () => {
    await page.goto(`${server.url}/sales/deals/${deal.id}`);
    await page.locator('[data-testid="deal-detail"][data-outcome="won"]').waitFor();
    const history = page.getByTestId('history-item');
    await history.nth(3).waitFor();
    // Newest first: won, the two moves, the creation.
    const titles = await history.allTextContents();
    expect(titles).toHaveLength(4);
    expect(titles[0]).toContain('赢单');
    // The default stages read in Chinese (their stored names are the English defaults).
    expect(stages.slice(0, 3).map((s) => s.name)).toEqual([
      'Reach the customer',
      'Find the decision maker',
      'Needs discovery',
    ]);
    expect(titles[1]).toContain('需求调研');
    expect(titles[2]).toContain('找决策人');
    expect(titles[3]).toContain('客户触达');
    const order = page.getByTestId('deal-order');
    await order.waitFor();
    expect(await order.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await snap(page, 'sales-journey-10-deal-won');
  });

  it('lists the deal’s sales order in the warehouse order pool', async () => {
    const pool = await call<{ items: Order[] }>(page.request, 'GET', api('/api/outbound-orders?origin=deal'));
    const mine = pool.items.filter((o) => o.externalRef === deal.id);
    expect(mine).toMatchObject([{ type: 'sales', origin: 'deal' }]);
    await page.getByTestId('nav-warehouse').click();
    await page.getByTestId('warehouse-tab-orders').click();
    await page.waitForURL(/\/warehouse\/orders/);
    await page.getByTestId('orders-search').fill(deal.id);
    await page.waitForURL((url) => url.searchParams.get('q') === deal.id);
    // The pool narrows to the one order whose reference is the deal.
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(1);
    const row = page.locator(`[data-testid="order-row"][data-ref="${deal.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('销售');
    await snap(page, 'sales-journey-11-order-pool');
  });

  it('shows the deal and the lifecycle at 使用中 on the customer page', async () => {
    await page.goto(`${server.url}/customers/${deal.customerId}`);
    const deals = page.getByTestId('customer-deal');
    await deals.first().waitFor();
    expect(await deals.count()).toBe(1);
    expect(await deals.first().textContent()).toContain(leadName);
    // The lead's source came along, shown in Chinese.
    expect(await page.getByTestId('field-source').textContent()).toContain('手工录入');
    const lifecycle = page.locator('[data-testid="customer-lifecycle"][data-stage="in_use"]');
    await lifecycle.waitFor();
    expect(await lifecycle.textContent()).toContain('使用中');
    await lifecycle.scrollIntoViewIfNeeded();
    await snap(page, 'sales-journey-12-customer');
  });
});
