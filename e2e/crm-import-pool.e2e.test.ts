/**
 * A sales manager's CRM journey: import a CSV in GB18030 (as Chinese Excel saves it) that holds a new
 * customer, a likely duplicate of a demo customer and a row with a bad USCC; read the per-row report;
 * then claim a customer from the public pool and see it become theirs.
 */
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

type Page1 = { items: { id: string; name: string; phone: string | null }[] };

describe.skipIf(!hasChromium)('CRM import and pool journey in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const newName = `E2E 杭州青禾数据科技有限公司 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('imports a GB18030 CSV and shows created, duplicate and rejected rows', async () => {
    await page.goto(`${server.url}/customers/import`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'manager@demo.kehu.local');
    await page.waitForURL(/\/customers\/import$/);
    // A demo customer the manager may see, to duplicate by its phone written another way.
    const existing = await page.request.get(`${server.url}/api/customers?kind=business&limit=20`);
    const known = ((await existing.json()) as Page1).items.find((c) => c.phone);
    expect(known).toBeDefined();
    const csv = [
      '客户名称,客户类型,电话,统一社会信用代码,意向等级',
      `${newName},企业,0571-88886666,91350100M000100Y43,B`,
      `重复的客户,企业,${known!.phone!.replace(/[\s-]/g, '')},,`,
      '坏代码有限公司,企业,,91350100M000100Y44,A',
    ].join('\r\n');
    await page.getByTestId('import-file').setInputFiles({
      name: '客户.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'gb18030'),
    });
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-columns').waitFor();
    await snap(page, 'crm-01-import-mapping');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-report').waitFor();
    await snap(page, 'crm-02-import-report');
    expect(await page.getByTestId('import-created').textContent()).toBe('1');
    expect(await page.getByTestId('import-duplicates').textContent()).toBe('1');
    expect(await page.getByTestId('import-rejected').textContent()).toBe('1');
    const duplicate = page.getByTestId('import-duplicate');
    expect(await duplicate.textContent()).toContain('3');
    expect(await duplicate.getByTestId('import-candidate').textContent()).toContain(known!.name);
    const rejection = await page.getByTestId('import-rejection').textContent();
    expect(rejection).toContain('4');
    expect(rejection).toContain('check character');

    await page.goto(`${server.url}/customers?q=${encodeURIComponent(newName)}`);
    const row = page.getByTestId('customer-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('B');
  });

  it('claims a customer from the public pool, which then appears among the manager’s own', async () => {
    await page.getByRole('link', { name: 'Pools' }).click();
    await page.waitForURL(/\/pools$/);
    const claim = page.locator('[data-testid^="claim-"]').first();
    await claim.waitFor();
    const id = (await claim.getAttribute('data-testid'))!.slice('claim-'.length);
    await claim.click();
    await page.getByTestId('claim-success').or(page.getByTestId('claim-error')).waitFor();
    expect(await page.getByTestId('claim-error').count()).toBe(0);
    await snap(page, 'crm-03-claimed');
    await expect.poll(() => page.locator(`[data-testid="claim-${id}"]`).count()).toBe(0);

    await page.goto(`${server.url}/customers/${id}`);
    await page.getByTestId('customer-detail').waitFor();
    await page.getByTestId('ownership-release').waitFor();
    // The owner's name arrives with the user directory, which may still be loading.
    await expect.poll(() => page.getByTestId('customer-detail').textContent()).toContain('陈经理 Chen Jing');
    const claimed = (await (await page.request.get(`${server.url}/api/customers/${id}`)).json()) as {
      name: string;
      poolId: string | null;
    };
    expect(claimed.poolId).toBeNull();
    expect(await page.getByTestId('customer-detail-name').textContent()).toBe(claimed.name);
    await page.getByRole('tab', { name: 'Pool log' }).click();
    await expect.poll(() => page.getByTestId('pool-log').textContent()).toContain('Claim');
    await snap(page, 'crm-04-pool-log');
  });
});
