/**
 * An offline source's journey, as the demo administrator: only offline sources offer an import; a new
 * one takes a CSV file with Chinese headers through its import dialog, reports every row, and the same
 * file again stores nothing twice.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

describe.skipIf(!hasChromium)('offline touchpoint import in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
    await page.goto(`${server.url}/settings/sources`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.waitForURL(/\/settings\/sources$/);
    await page.getByTestId('source-table').waitFor();
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('imports a CSV file into an offline source and reports stored, duplicate and rejected rows', async () => {
    const offlineName = `E2E 沙龙 Salon ${run}`;
    // Only offline sources offer the import: the demo's website source does not.
    const webRow = page.locator('[data-testid="source-row"][data-source-name="官网 Website"]');
    await webRow.getByTestId('source-menu').click();
    await page.getByTestId('source-edit').waitFor();
    expect(await page.getByTestId('source-import').count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.getByTestId('create-source').click();
    await page.getByTestId('source-name').fill(offlineName);
    await page.getByTestId('source-kind').click();
    await page.getByRole('option', { name: 'Offline' }).click();
    await page.getByTestId('source-submit').click();
    await page.getByTestId('source-done').click();
    const row = page.locator(`[data-testid="source-row"][data-source-name="${offlineName}"]`);
    await row.getByTestId('source-menu').click();
    await page.getByTestId('source-import').click();
    await page.getByTestId('offline-import-help').waitFor();

    // The example is made in the browser, in the reader's language.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('offline-import-example').click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^\uFEFFevent,timestamp,name,phone,email/);

    const csv = [
      '事件,时间,姓名,邮箱,booth',
      `Attended Salon,${minutesAgo(120)},王芳,wang.${run}@example.com,A1`,
      `Visited Booth,${minutesAgo(90)},Li Lei,li.${run}@example.com,B2`,
      `Attended Salon,${minutesAgo(60)},赵强,not-an-email,C3`,
    ].join('\n');
    const file = { name: 'salon.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.getByTestId('offline-import-file').setInputFiles(file);
    expect(await page.getByTestId('offline-import-file-name').textContent()).toContain('salon.csv');
    await page.getByTestId('offline-import-submit').click();

    await page.getByTestId('offline-import-report').waitFor();
    expect(await page.getByTestId('offline-import-done').textContent()).toContain('2 touchpoints stored');
    expect(await page.getByTestId('offline-stored').textContent()).toBe('2');
    expect(await page.getByTestId('offline-duplicates').textContent()).toBe('0');
    expect(await page.getByTestId('offline-rejected').textContent()).toBe('1');
    expect(await page.getByTestId('offline-rejection').allTextContents()).toEqual([
      '4emailNot an email address',
    ]);
    await snap(page, 'touchpoints-08-offline-import');

    // The same file again: its rows are known by their content, so nothing is stored twice.
    await page.getByTestId('offline-import-again').click();
    await page.getByTestId('offline-import-file').setInputFiles(file);
    await page.getByTestId('offline-import-submit').click();
    await page.getByTestId('offline-import-report').waitFor();
    expect(await page.getByTestId('offline-stored').textContent()).toBe('0');
    expect(await page.getByTestId('offline-duplicates').textContent()).toBe('2');
    await page.getByTestId('offline-import-close').click();
    await page.getByTestId('offline-import-report').waitFor({ state: 'detached' });
  });
});
