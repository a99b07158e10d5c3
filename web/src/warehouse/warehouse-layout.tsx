/**
 * Warehouse (仓库): a title and tabs for stock, the ledger, the order pool, supplier scorecards,
 * weight checks of fresh goods, warehouses with CSV import, and the warehouse rules; each tab is its
 * own address.
 */
import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useMatchRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../api/types';
import { useMe } from '../auth/use-me';

/** Every warehouse tab with the permission it needs; `/warehouse` opens the first one the user may use. */
export const WAREHOUSE_TABS = [
  { value: '/warehouse/stock', key: 'stock', permission: 'warehouse.read' },
  { value: '/warehouse/ledger', key: 'ledger', permission: 'warehouse.read' },
  { value: '/warehouse/orders', key: 'orders', permission: 'warehouse.read' },
  { value: '/warehouse/waves', key: 'waves', permission: 'warehouse.read' },
  { value: '/warehouse/suppliers', key: 'suppliers', permission: 'warehouse.read' },
  { value: '/warehouse/weight-checks', key: 'weightChecks', permission: 'warehouse.read' },
  { value: '/warehouse/warehouses', key: 'warehouses', permission: 'warehouse.read' },
  { value: '/warehouse/settings', key: 'settings', permission: 'warehouse.settings' },
] as const satisfies readonly { value: string; key: string; permission: Permission }[];

/** The frame around the warehouse pages. */
export function WarehouseLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const matchRoute = useMatchRoute();
  const { permissions } = useMe();
  const allowed = WAREHOUSE_TABS.filter((tab) => permissions.includes(tab.permission));
  // Fuzzy: an order's page belongs to the order pool tab.
  const current = WAREHOUSE_TABS.find((tab) => matchRoute({ to: tab.value, fuzzy: true }) !== false);
  const forbidden = allowed.length === 0 || (current !== undefined && !allowed.includes(current));
  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.warehouse')}</Title>
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
                <Tabs.Tab key={tab.value} value={tab.value} data-testid={`warehouse-tab-${tab.key}`}>
                  {t(`warehouse.tabs.${tab.key}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Outlet />
        </>
      ) : (
        <Alert color="gray" data-testid="warehouse-forbidden">
          {t('warehouse.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
