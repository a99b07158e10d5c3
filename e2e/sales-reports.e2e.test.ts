/**
 * The forecast and sales-cycle pages on the demo data, in Chinese: each draws its charts (SVG with
 * shapes in it), and the numbers of its table are the API's. Screenshots at desktop and phone width.
 */
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

type ForecastRow = {
  month: string;
  groupId: string | null;
  currency: string;
  deals: number;
  amount: number;
  weighted: number;
};
type StageCycle = { stageId: string; entries: number; closed: number; won: number; winRate: number | null };
type CycleReport = { stages: StageCycle[]; owners: unknown[]; kinds: { kind: string }[] };

async function get<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  if (!response.ok()) throw new Error(`GET ${url} -> ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Money as the page writes it (e.g. "¥2,800,000.00") back in minor units. */
const minor = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** Waits until the chart holds an SVG with at least one drawn shape, and answers how many. */
async function shapesIn(page: Page, testId: string): Promise<number> {
  const svg = page.getByTestId(testId).locator('svg');
  await svg.waitFor();
  await expect.poll(() => svg.locator('path, rect').count()).toBeGreaterThan(0);
  return svg.locator('path, rect').count();
}

describe.skipIf(!hasChromium)('forecast and sales-cycle pages in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const emptyTeam = `E2E 空团队 ${Date.now().toString(36)}`;

  /** Chooses the team without deals in the page's team filter. */
  async function chooseEmptyTeam(): Promise<void> {
    await page.getByTestId('report-team').click();
    await page.getByRole('option', { name: emptyTeam }).click();
  }

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('opens the forecast from the board’s tabs and speaks Chinese', async () => {
    await page.goto(`${server.url}/sales`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.getByTestId('sales-board').waitFor();
    // A team without deals, made before the report pages read the teams, for their empty states.
    const team = await page.request.post(`${server.url}/api/teams`, {
      data: { name: emptyTeam, memberIds: [] },
    });
    expect(team.status()).toBe(201);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH',
    );
    await page.getByTestId('language-switch').getByText('中文').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('sales-tab-forecast').click();
    await page.waitForURL(/\/sales\/forecast/);
    await page.getByRole('heading', { name: '销售预测', exact: true }).waitFor();
    expect(await page.getByTestId('sales-tab-cycle').textContent()).toBe('销售周期');
  });

  it('draws the forecast and lists the API’s numbers per month and owner, then per team', async () => {
    for (const by of ['owner', 'team'] as const) {
      if (by === 'team') await page.getByTestId('forecast-by').getByText('团队').click();
      const forecast = await get<{ items: ForecastRow[] }>(
        page.request,
        `${server.url}/api/deals/forecast?by=${by}`,
      );
      const currency = forecast.items[0]!.currency;
      const rows = forecast.items.filter((row) => row.currency === currency);
      expect(rows.length).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('forecast-row').count()).toBe(rows.length);
      for (const row of rows) {
        const tr = page.locator(
          `[data-testid="forecast-row"][data-month="${row.month}"][data-group-id="${row.groupId ?? ''}"]`,
        );
        expect(Number(await tr.getByTestId('forecast-deals').textContent())).toBe(row.deals);
        expect(minor(await tr.getByTestId('forecast-amount').textContent())).toBe(row.amount);
        expect(minor(await tr.getByTestId('forecast-weighted').textContent())).toBe(row.weighted);
      }
      const total = page.getByTestId('forecast-total');
      expect(await total.textContent()).toContain('合计');
      expect(await total.locator('th').nth(1).textContent()).toBe(
        String(rows.reduce((n, r) => n + r.deals, 0)),
      );
      // One bar per month and group at least, plus the line.
      expect(await shapesIn(page, 'forecast-chart')).toBeGreaterThan(rows.length);
      await snap(page, `sales-forecast-zh-${by}`);
    }
  });

  it('draws the sales cycle and lists the API’s days, closed and won deals per stage', async () => {
    await page.getByTestId('sales-tab-cycle').click();
    await page.waitForURL(/\/sales\/cycle/);
    await page.getByRole('heading', { name: '销售周期', exact: true }).waitFor();
    const report = await get<CycleReport>(page.request, `${server.url}/api/deals/cycle-times`);
    expect(report.kinds.length).toBeGreaterThan(0);
    await page.getByTestId('cycle-stage-row').first().waitFor();
    const shown = page.getByTestId('cycle-stage-row');
    const count = await shown.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const tr = shown.nth(i);
      const stageId = await tr.getAttribute('data-stage-id');
      const stage = report.stages.find((s) => s.stageId === stageId)!;
      expect(stage).toBeDefined();
      expect(Number(await tr.getByTestId('cycle-entries').textContent())).toBe(stage.entries);
      expect(Number(await tr.getByTestId('cycle-closed').textContent())).toBe(stage.closed);
      expect(Number(await tr.getByTestId('cycle-won').textContent())).toBe(stage.won);
      expect(await tr.getByTestId('cycle-win-rate').textContent()).toBe(
        stage.winRate === null ? '—' : `${Math.round(stage.winRate * 100)}%`,
      );
    }
    // The first stage every demo deal passed through has closed deals, so a win rate to draw.
    expect(Number(await shown.first().getByTestId('cycle-closed').textContent())).toBeGreaterThan(0);
    for (const chart of ['cycle-stage-chart', 'cycle-win-chart', 'cycle-kind-chart', 'cycle-owner-chart'])
      expect(await shapesIn(page, chart)).toBeGreaterThan(0);
    expect(await page.getByTestId('cycle-owner-row').count()).toBe(report.owners.length);
    await snap(page, 'sales-cycle-zh');
  });

  it('says so when the filters leave no deals', async () => {
    await chooseEmptyTeam();
    await page.getByTestId('cycle-empty').waitFor();
    expect(await page.getByTestId('cycle-stage-chart').count()).toBe(0);
    await page.getByTestId('sales-tab-forecast').click();
    await page.getByTestId('forecast-row').first().waitFor();
    await chooseEmptyTeam();
    await page.getByTestId('forecast-empty').waitFor();
    expect(await page.getByTestId('forecast-empty').textContent()).toContain('暂无可预测');
    expect(await page.getByTestId('forecast-chart').count()).toBe(0);
  });

  it('lays both pages out for a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, chart, name] of [
      ['/sales/forecast', 'forecast-chart', 'sales-forecast-phone'],
      ['/sales/cycle', 'cycle-stage-chart', 'sales-cycle-phone'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await shapesIn(page, chart);
      const width = await page.getByTestId(chart).evaluate((el: { clientWidth: number }) => el.clientWidth);
      expect(width).toBeLessThanOrEqual(390);
      expect(width).toBeGreaterThan(300);
      const overflow = await page.locator('html').evaluate((el: { scrollWidth: number }) => el.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(390);
      await snap(page, name);
    }
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
