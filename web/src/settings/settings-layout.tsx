/**
 * Settings: a title and tabs for users, teams, API keys, the CRM rules, event sources, background
 * jobs, backups, the audit log and privacy; each tab is its own address and shows only to a role that may use it.
 */
import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useMatchRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../api/types';
import { useMe } from '../auth/use-me';
import { usePageTitle } from '../shell/use-page-title';

/** Every settings tab with the permission it needs; `/settings` opens the first one the user may use. */
export const SETTINGS_TABS = [
  { value: '/settings/users', label: 'settings.users', permission: 'users.manage' },
  { value: '/settings/teams', label: 'settings.teams', permission: 'users.manage' },
  { value: '/settings/api-keys', label: 'settings.apiKeys', permission: 'users.manage' },
  { value: '/settings/crm', label: 'settings.crm.tab', permission: 'users.manage' },
  { value: '/settings/sources', label: 'sources.tab', permission: 'sources.manage' },
  { value: '/settings/jobs', label: 'jobs.tab', permission: 'users.manage' },
  { value: '/settings/backups', label: 'backups.tab', permission: 'users.manage' },
  { value: '/settings/audit', label: 'audit.tab', permission: 'audit.read' },
  { value: '/settings/privacy', label: 'privacy.tab', permission: 'privacy.manage' },
] as const satisfies readonly { value: string; label: string; permission: Permission }[];

/** The settings frame around the users, teams, API keys, CRM and sources pages. */
export function SettingsLayout() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const navigate = useNavigate();
  const matchRoute = useMatchRoute();
  const { permissions } = useMe();
  const allowed = SETTINGS_TABS.filter((tab) => permissions.includes(tab.permission));
  const current = SETTINGS_TABS.find((tab) => matchRoute({ to: tab.value }) !== false);
  // While a navigation is under way no tab may match; that is not a reason to refuse the page.
  const forbidden = allowed.length === 0 || (current !== undefined && !allowed.includes(current));
  return (
    <Stack gap="md">
      <Title order={2}>{t('settings.title')}</Title>
      {!forbidden ? (
        <>
          <Tabs
            value={current?.value ?? null}
            onChange={(value) => {
              const tab = allowed.find((candidate) => candidate.value === value);
              if (tab) void navigate({ to: tab.value });
            }}
          >
            <Tabs.List>
              {allowed.map((tab) => (
                <Tabs.Tab
                  key={tab.value}
                  value={tab.value}
                  data-testid={`settings-tab-${tab.value.split('/')[2]}`}
                >
                  {t(tab.label)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Outlet />
        </>
      ) : (
        <Alert color="gray" data-testid="settings-forbidden">
          {t('settings.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
