/** The frame around every signed-in page: header, navigation and the page itself. */
import { AppShell, Burger, Divider, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useMatchRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../api/types';
import { useMe } from '../auth/use-me';
import { Brand } from './brand';
import { CustomersIcon, InsightsIcon, PoolIcon, SalesIcon, SettingsIcon, WarehouseIcon } from './icons';
import { GlobalSearch } from './global-search';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

/** The areas; one that lists permissions shows only to a role holding at least one of them. */
const navItems: readonly {
  key: 'customers' | 'pools' | 'leads' | 'sales' | 'insights' | 'warehouse' | 'settings';
  to: '/customers' | '/pools' | '/leads' | '/sales' | '/insights' | '/warehouse' | '/settings';
  Icon: typeof CustomersIcon;
  anyOf?: readonly Permission[];
}[] = [
  { key: 'customers', to: '/customers', Icon: CustomersIcon },
  { key: 'pools', to: '/pools', Icon: PoolIcon },
  { key: 'leads', to: '/leads', Icon: SalesIcon },
  { key: 'sales', to: '/sales', Icon: SalesIcon },
  { key: 'insights', to: '/insights', Icon: InsightsIcon, anyOf: ['touchpoints.read'] },
  { key: 'warehouse', to: '/warehouse', Icon: WarehouseIcon, anyOf: ['warehouse.read'] },
  { key: 'settings', to: '/settings', Icon: SettingsIcon, anyOf: ['users.manage', 'sources.manage'] },
];

/** The app shell; the navigation folds behind a burger on narrow screens. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const matchRoute = useMatchRoute();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Brand />
            <Divider orientation="vertical" visibleFrom="sm" />
            <Text fw={500} c="dimmed" truncate visibleFrom="sm" data-testid="tenant-name">
              {me.tenant.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            <LanguageSwitch remember />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.name')}>
        <Stack gap={2}>
          <Text hiddenFrom="sm" size="sm" c="dimmed" px="sm" py={6} truncate>
            {me.tenant.name}
          </Text>
          {navItems
            .filter(({ anyOf }) => !anyOf || anyOf.some((permission) => me.permissions.includes(permission)))
            .map(({ key, to, Icon }) => (
              <NavLink
                key={key}
                component={Link}
                to={to}
                label={t(`nav.${key}`)}
                leftSection={<Icon />}
                active={matchRoute({ to, fuzzy: true }) !== false}
                onClick={close}
                data-testid={`nav-${key}`}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
