/**
 * Waves in Chinese, as the demo administrator: on the demo's first warehouse, add a release rule in the
 * strategy editor and save it → preview the release (planned waves, and the reason each other order
 * waits) → release → open the wave and see its orders in pick order → cancel it, its orders back in
 * the pool.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

describe.skipIf(!hasChromium)('waves journey in the browser (zh-CN)', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney('zh-CN'));
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('adds a rule to the strategy and saves it', async () => {
    await page.goto(`${server.url}/sign-in?redirect=/warehouse/waves`);
    await signIn(page);
    await page.getByTestId('wave-strategy').waitFor();
    expect(await page.getByTestId('warehouse-tab-waves').textContent()).toBe('波次');
    await page.getByTestId('wave-rules-empty').waitFor();
    await page.getByTestId('wave-rule-add').click();
    await page.getByTestId('wave-rule-name').fill('全部已分配订单');
    await page.getByTestId('wave-rule-limit-orders').fill('5');
    await page.getByTestId('wave-rule-save').click();
    await page.locator('[data-testid="wave-rule"][data-name="全部已分配订单"]').waitFor();
    expect(await page.getByTestId('wave-rule').textContent()).toContain('≤ 5 单');
    await page.getByTestId('wave-strategy-save').click();
    await page.getByTestId('wave-strategy-saved').waitFor();
    await snap(page, 'waves-01-strategy-zh');
  });

  it('previews the release with the reason every other order waits', async () => {
    await page.getByTestId('wave-preview').click();
    const result = page.getByTestId('wave-preview-result');
    await result.waitFor();
    const planned = result.locator('[data-testid="planned-wave"][data-rule="全部已分配订单"]');
    await planned.waitFor();
    expect(await planned.getByTestId('planned-wave-totals').textContent()).toMatch(
      /\d+ 单 · \d+ 行 · \d+ 件/,
    );
    expect(await planned.getByTestId('planned-wave-totals').textContent()).toMatch(/^5 单/);
    // The demo warehouse holds more than 5 allocated orders: the others wait, over the rule's cap.
    const overCap = page.locator('[data-testid="left-out-order"][data-code="over_limit"]');
    expect(await overCap.count()).toBeGreaterThan(0);
    expect(await overCap.first().textContent()).toContain('超出「全部已分配订单」的上限');
    await snap(page, 'waves-02-preview-zh');
  });

  it('releases a wave, opens it and cancels it', async () => {
    await page.getByTestId('wave-release-button').click();
    await page.getByTestId('released-wave-link').first().click();
    await page.waitForURL(/\/warehouse\/waves\/[0-9a-f-]{36}$/);
    const detail = page.getByTestId('wave-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('wave-status').textContent()).toBe('已释放');
    expect(await page.getByTestId('wave-order').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('wave-rule-name-shown').textContent()).toContain('全部已分配订单');
    // Batched into carts at release: the walk and its saving against picking order by order.
    expect(await page.getByTestId('wave-saving').textContent()).toMatch(/边拣边分：\d+ 个批次.*节省 \d+%/);
    await snap(page, 'waves-03-wave-zh');
    await page.getByTestId('wave-cancel').click();
    await expect.poll(() => detail.getByTestId('wave-status').textContent()).toBe('已取消');
    await page.getByTestId('back-to-waves').click();
    await page.locator('[data-testid="wave-row"]').first().waitFor();
    expect(
      await page.locator('[data-testid="wave-row"]').first().getByTestId('wave-status').textContent(),
    ).toBe('已取消');
  });
});
