/** Settings: a title and tabs for users, teams, API keys and the CRM rules; each tab is its own address. */
import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useMatchRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/use-me';
import { usePageTitle } from '../shell/use-page-title';

const tabs = [
  { value: '/settings/users', label: 'settings.users' },
  { value: '/settings/teams', label: 'settings.teams' },
  { value: '/settings/api-keys', label: 'settings.apiKeys' },
  { value: '/settings/crm', label: 'settings.crm.tab' },
] as const;

/** The settings frame around the users, teams, API keys and CRM pages. */
export function SettingsLayout() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const navigate = useNavigate();
  const matchRoute = useMatchRoute();
  const canManage = useCan('users.manage');
  const active = tabs.find((tab) => matchRoute({ to: tab.value }) !== false)?.value ?? null;
  return (
    <Stack gap="md">
      <Title order={2}>{t('settings.title')}</Title>
      {canManage ? (
        <>
          <Tabs
            value={active}
            onChange={(value) => {
              const tab = tabs.find((candidate) => candidate.value === value);
              if (tab) void navigate({ to: tab.value });
            }}
          >
            <Tabs.List>
              {tabs.map((tab) => (
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
