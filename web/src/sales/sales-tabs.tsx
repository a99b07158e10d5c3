/** The sales pages' tabs: the pipeline board, the forecast and the sales cycle, each its own address. */
import { Tabs } from '@mantine/core';
import { useMatchRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const SALES_TABS = [
  { value: '/sales', key: 'board' },
  { value: '/sales/forecast', key: 'forecast' },
  { value: '/sales/cycle', key: 'cycle' },
] as const;

/** The tabs, the current page's selected. */
export function SalesTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const matchRoute = useMatchRoute();
  const current = SALES_TABS.find((tab) => matchRoute({ to: tab.value }) !== false);
  return (
    <Tabs
      value={current?.value ?? null}
      onChange={(value) => {
        const tab = SALES_TABS.find((candidate) => candidate.value === value);
        if (tab) void navigate({ to: tab.value });
      }}
    >
      <Tabs.List>
        {SALES_TABS.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} data-testid={`sales-tab-${tab.key}`}>
            {t(`salesReports.tabs.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
