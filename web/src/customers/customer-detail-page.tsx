/**
 * One customer: header with tiers and ownership actions, the tier panel, the profile, the buying
 * committee of an account, its deals and lifecycle, then the timeline, touchpoints, tier history,
 * pool log and duplicates as tabs. A merged customer's old address points to where it went; a
 * missing one says so kindly.
 */
import { Button, Center, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useCan } from '../auth/use-me';
import { describeError } from '../api/problem-text';
import { customerQuery } from '../api/queries';
import type { Customer } from '../api/types';
import { BackToCustomers } from '../shell/back-link';
import { CustomerDeals } from '../sales/customer-deals';
import { CustomerLifecycle } from '../sales/customer-lifecycle';
import { usePageTitle } from '../shell/use-page-title';
import { TouchpointTimeline } from '../touchpoints/touchpoint-timeline';
import { eventsPath } from '../touchpoints/touchpoint-queries';
import { CommitteeMap } from './detail/committee-map';
import { DuplicatesPanel } from './detail/duplicates-panel';
import { PoolLog } from './detail/pool-log';
import { TierHistory } from './detail/tier-history';
import { TierPanel } from './detail/tier-panel';
import { CustomerTimeline } from './detail/timeline';
import { CustomerHeader } from './profile/customer-header';
import { MergedNotice, mergedIntoOf } from './profile/merged-notice';
import { ProfileCard } from './profile/profile-card';

const route = getRouteApi('/app/customers/$id');

/** The page at /customers/$id. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const customer = useQuery(customerQuery(id));
  usePageTitle(customer.data?.name ?? t('customers.title'));

  const back = <BackToCustomers />;

  if (customer.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  const mergedInto = mergedIntoOf(customer.error);
  if (mergedInto) {
    return (
      <Stack gap="md">
        {back}
        <MergedNotice intoId={mergedInto} />
      </Stack>
    );
  }
  // A malformed id is rejected as a bad request; to the user it is just as missing.
  if (customer.isError && (isApiError(customer.error, 404) || isApiError(customer.error, 400))) {
    return (
      <Stack gap="md">
        {back}
        <Paper withBorder p="xl" radius="md" data-testid="customer-not-found">
          <Stack align="center" gap="sm">
            <Title order={3}>{t('customers.notFoundTitle')}</Title>
            <Text c="dimmed" ta="center">
              {t('customers.notFound')}
            </Text>
            <Button component={Link} to="/customers" variant="light">
              {t('customers.backToList')}
            </Button>
          </Stack>
        </Paper>
      </Stack>
    );
  }
  if (customer.isError) {
    return (
      <Stack gap="md">
        {back}
        <Text c="red">{describeError(customer.error)}</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="customer-detail">
      {back}
      <CustomerHeader customer={customer.data} />
      <TierPanel customer={customer.data} />
      <ProfileCard customer={customer.data} />
      {customer.data.kind !== 'consumer' && <CommitteeMap customerId={customer.data.id} />}
      <CustomerDeals customer={customer.data} />
      <CustomerLifecycle customerId={customer.data.id} />
      <CustomerTabs customer={customer.data} />
    </Stack>
  );
}

/** The customer's history as tabs; only the open tab is mounted, so each loads when first shown. */
function CustomerTabs({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const canReadTouchpoints = useCan('touchpoints.read');
  const tabs = [
    { value: 'timeline', label: t('customers.tabs.timeline') },
    ...(canReadTouchpoints ? [{ value: 'touchpoints', label: t('touchpoints.tab') }] : []),
    { value: 'tiers', label: t('customers.tabs.tierHistory') },
    { value: 'pool', label: t('customers.tabs.poolLog') },
    { value: 'duplicates', label: t('customers.tabs.duplicates') },
  ];
  return (
    <Tabs defaultValue="timeline" keepMounted={false} data-testid="customer-tabs">
      <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
        {tabs.map((tab) => (
          <Tabs.Tab
            key={tab.value}
            value={tab.value}
            data-testid={`customer-tab-${tab.value}`}
            style={{ whiteSpace: 'nowrap' }}
          >
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="timeline" pt="md">
        <CustomerTimeline customerId={customer.id} />
      </Tabs.Panel>
      {canReadTouchpoints && (
        <Tabs.Panel value="touchpoints" pt="md">
          <TouchpointTimeline path={eventsPath.customer(customer.id)} />
        </Tabs.Panel>
      )}
      <Tabs.Panel value="tiers" pt="md">
        <TierHistory customerId={customer.id} />
      </Tabs.Panel>
      <Tabs.Panel value="pool" pt="md">
        <PoolLog customerId={customer.id} />
      </Tabs.Panel>
      <Tabs.Panel value="duplicates" pt="md">
        <DuplicatesPanel customer={customer} />
      </Tabs.Panel>
    </Tabs>
  );
}
