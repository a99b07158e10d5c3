/**
 * An administrator's settings journey: create a team with two demo users, change a user's role,
 * find that the only administrator can neither remove nor demote themselves, remove someone else,
 * invite a person who accepts the link; then the users page on a phone, in Chinese.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, hasChromium, openJourney, signIn, snap, type Journey } from './browser.js';

describe.skipIf(!hasChromium)('settings journey in the browser', () => {
  let server: Journey['server'];
  let browser: Browser;
  let page: Page;
  const teamName = `E2E 华南销售 South China ${Date.now().toString(36)}`;
  const row = (email: string) => page.locator(`[data-testid="user-row"][data-user-email="${email}"]`);

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
  });
  afterAll(async () => closeJourney({ server, browser }));

  it('signs in to the teams tab and creates a team with two demo users', async () => {
    await page.goto(`${server.url}/settings/teams`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page);
    await page.waitForURL(/\/settings\/teams$/);
    await page.getByTestId('team-row').first().waitFor();
    expect(await page.getByTestId('team-row').count()).toBe(1);

    await page.getByTestId('create-team').click();
    await page.getByTestId('team-name-input').fill(teamName);
    await page.getByTestId('team-members-input').click();
    await page.getByRole('option', { name: 'Tom Baker' }).click();
    await page.getByRole('option', { name: '王仓管 Wang Qiang' }).click();
    // Picking keeps the list open over the buttons; a click on the name field closes it.
    await page.getByTestId('team-name-input').click();
    await snap(page, 'settings-01-create-team');
    await page.getByTestId('team-submit').click();
    await page.getByTestId('team-form').waitFor({ state: 'detached' });

    const created = page.getByTestId('team-row').filter({ hasText: teamName });
    await created.waitFor();
    const members = await created.getByTestId('team-members').textContent();
    expect(members).toContain('Tom Baker');
    expect(members).toContain('王仓管 Wang Qiang');
    expect(await created.textContent()).toContain('2 members');
    await snap(page, 'settings-02-teams');

    await page.getByTestId('settings-tab-users').click();
    await page.waitForURL(/\/settings\/users$/);
    await expect
      .poll(() => row('rep2@demo.kehu.local').getByTestId('user-teams').textContent())
      .toContain(teamName);
  });

  it("changes a user's role and shows it in the table", async () => {
    const tom = row('rep2@demo.kehu.local');
    expect(await tom.getByTestId('user-role-badge').textContent()).toBe('Sales rep');
    await tom.getByTestId('edit-user').click();
    await page.getByTestId('edit-user-form').waitFor();
    await page.getByTestId('edit-user-role').click();
    await page.getByRole('option', { name: 'Sales manager', exact: true }).click();
    // An untouched scope follows the new role.
    expect(await page.getByTestId('edit-user-scope').inputValue()).toBe('Role default');
    await snap(page, 'settings-03-edit-user');
    await page.getByTestId('edit-user-submit').click();
    await page.getByTestId('edit-user-form').waitFor({ state: 'detached' });
    await expect.poll(() => tom.getByTestId('user-role-badge').textContent()).toBe('Sales manager');
    expect(await tom.getByTestId('user-scope').textContent()).toBe("Team's records");
    // Only the role changed; the team chosen on the teams tab is still there.
    expect(await tom.getByTestId('user-teams').textContent()).toContain(teamName);
    await snap(page, 'settings-04-role-changed');
  });

  it('keeps the only administrator: no removing yourself, in the page or through the API, and no demotion', async () => {
    const self = row('admin@demo.kehu.local');
    expect(await self.textContent()).toContain('(you)');
    expect(await self.getByTestId('remove-user').isDisabled()).toBe(true);

    await self.getByTestId('edit-user').click();
    await page.getByTestId('edit-user-role').click();
    await page.getByRole('option', { name: 'Sales rep', exact: true }).click();
    await page.getByTestId('edit-user-submit').click();
    const error = page.getByTestId('edit-user-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('A tenant keeps at least one administrator.');
    await snap(page, 'settings-05-last-admin');
    await page.keyboard.press('Escape');
    await page.getByTestId('edit-user-form').waitFor({ state: 'detached' });
    expect(await self.getByTestId('user-role-badge').textContent()).toBe('Administrator');

    const refused = await page.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { user: { id: string } };
      const response = await fetch(`/api/users/${me.user.id}`, { method: 'DELETE' });
      return { status: response.status, code: ((await response.json()) as { code: string }).code };
    });
    expect(refused).toEqual({ status: 409, code: 'auth.user.remove_self' });
  });

  it('removes another user after a confirmation that names them', async () => {
    await row('warehouse@demo.kehu.local').getByTestId('remove-user').click();
    const dialog = page.getByTestId('remove-user-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('王仓管 Wang Qiang (warehouse@demo.kehu.local)');
    await snap(page, 'settings-06-remove-confirm');
    await page.getByTestId('confirm-remove-user').click();
    await row('warehouse@demo.kehu.local').waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('user-row').count()).toBe(4);
    await snap(page, 'settings-07-removed');

    // Leaving the tenant also means leaving its teams.
    await page.getByTestId('settings-tab-teams').click();
    const team = page.getByTestId('team-row').filter({ hasText: teamName });
    await expect.poll(() => team.getByTestId('team-members').textContent()).toBe('Tom Baker');
  });

  it('invites a person, who accepts the link with a password of their own', async () => {
    await page.getByTestId('settings-tab-users').click();
    const email = `invited-${Date.now().toString(36)}@example.com`;
    await page.getByTestId('add-user').click();
    await page.getByTestId('user-email').fill(email);
    await page.getByTestId('user-name-input').fill('邀请 Invited');
    await page.getByTestId('user-submit').click();
    const link =
      (await page.getByTestId('invitation-created').getByTestId('invitation-link').textContent()) ?? '';
    expect(link).toContain('/accept-invitation#');
    await snap(page, 'settings-08-invitation-link');
    await page.getByTestId('invitation-done').click();
    await expect.poll(() => page.getByTestId('invitation-row').count()).toBe(1);
    expect(await row(email).count()).toBe(0);

    const fresh = await browser.newContext({ locale: 'en-US' });
    const invitee = await fresh.newPage();
    invitee.setDefaultTimeout(20_000);
    await invitee.goto(link);
    await invitee.getByTestId('accept-password').fill('my-own-password');
    await snap(invitee, 'settings-09-accept-invitation');
    await invitee.getByTestId('accept-create').click();
    await invitee.waitForURL(/\/customers/);
    await fresh.close();

    await page.reload();
    await row(email).waitFor();
    expect(await page.getByTestId('invitation-row').count()).toBe(0);
  });

  it('shows users as cards on a phone, in Chinese, without sideways scrolling', async () => {
    const phone = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const small = await phone.newPage();
    small.setDefaultTimeout(20_000);
    await small.goto(`${server.url}/sign-in?redirect=/settings/users`);
    await signIn(small);
    await small.getByTestId('user-cards').waitFor();
    await small.getByTestId('language-switch').getByText('中文').click();
    expect(await small.getByTestId('settings-tab-teams').textContent()).toBe('团队');
    const tom = small.locator('[data-testid="user-row"][data-user-email="rep2@demo.kehu.local"]');
    await expect.poll(() => tom.getByTestId('user-role-badge').textContent()).toBe('销售经理');
    expect(await tom.getByTestId('edit-user').textContent()).toBe('编辑');
    expect(await tom.getByTestId('remove-user').textContent()).toBe('移除');
    expect(await small.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await snap(small, 'settings-10-phone-users-zh');
    await phone.close();
  });
});
