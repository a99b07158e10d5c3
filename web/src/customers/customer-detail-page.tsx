/** One customer: every field, the kind-specific ones in their own section; a friendly "not found". */
import { Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { customerQuery, teamsQuery, userDirectoryQuery } from '../api/queries';
import { AGENCY_LEVELS, type Customer } from '../api/types';
import { BackToCustomers } from '../shell/back-link';
import { useFormat } from '../shell/use-format';
import { usePageTitle } from '../shell/use-page-title';
import { KindBadge } from './kind-badge';

const route = getRouteApi('/app/customers/$id');

/** A labelled value; an em dash when the value is missing. */
function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text size="sm" component="div" c={empty ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {empty ? t('customers.none') : children}
      </Text>
    </Stack>
  );
}

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
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={2} data-testid="customer-detail-name" style={{ overflowWrap: 'anywhere' }}>
          {customer.data.name}
        </Title>
        <KindBadge kind={customer.data.kind} size="lg" />
      </Group>
      <CustomerFields customer={customer.data} />
    </Stack>
  );
}

function CustomerFields({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const people = usePeopleNames();
  const kindSpecific = customer.kind !== 'consumer';
  const agencyLevel = AGENCY_LEVELS.find((level) => level === customer.agencyLevel);
  return (
    <>
      {kindSpecific && (
        <Paper withBorder p="lg" radius="md" data-testid="kind-fields">
          <Title order={4} mb="md">
            {t('customers.kindDetails', { kind: t(`kinds.${customer.kind}`) })}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {customer.kind === 'business' && (
              <>
                <Field label={t('customers.fields.industry')} testId="field-industry">
                  {customer.industry}
                </Field>
                <Field label={t('customers.fields.uscc')} testId="field-uscc">
                  {customer.uscc ? (
                    <Text ff="monospace" size="sm">
                      {customer.uscc}
                    </Text>
                  ) : null}
                </Field>
              </>
            )}
            {customer.kind === 'government' && (
              <Field label={t('customers.fields.agencyLevel')} testId="field-agency-level">
                {agencyLevel ? t(`agencyLevels.${agencyLevel}`) : customer.agencyLevel}
              </Field>
            )}
          </SimpleGrid>
        </Paper>
      )}
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="md">
          {t('customers.detailsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          <Field label={t('customers.fields.phone')} testId="field-phone">
            {customer.phone}
          </Field>
          <Field label={t('customers.fields.email')} testId="field-email">
            {customer.email}
          </Field>
          <Field label={t('customers.fields.region')} testId="field-region">
            {customer.region}
          </Field>
          <Field label={t('customers.fields.tags')} testId="field-tags">
            {customer.tags.length > 0 ? (
              <Group gap={6}>
                {customer.tags.map((tag) => (
                  <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : null}
          </Field>
          <Field label={t('customers.fields.source')}>{customer.source}</Field>
          <Field label={t('customers.fields.owner')}>
            {customer.ownerUserId && people.user(customer.ownerUserId)}
          </Field>
          <Field label={t('customers.fields.team')}>{customer.teamId && people.team(customer.teamId)}</Field>
          <Field label={t('customers.fields.created')}>{format.dateTime(customer.createdAt)}</Field>
          <Field label={t('customers.fields.updated')}>{format.dateTime(customer.updatedAt)}</Field>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="lg" ff="monospace">
          {t('customers.fields.id')}: {customer.id}
        </Text>
      </Paper>
    </>
  );
}

/** Names for user and team ids; while the lists load, an ellipsis stands in rather than a flickering id. */
function usePeopleNames(): { user: (id: string) => string; team: (id: string) => string } {
  const users = useQuery(userDirectoryQuery);
  const teams = useQuery(teamsQuery);
  const pending = (loading: boolean, id: string): string => (loading ? '…' : id);
  return {
    user: (id) => users.data?.find((u) => u.id === id)?.name ?? pending(users.isPending, id),
    team: (id) => teams.data?.find((team) => team.id === id)?.name ?? pending(teams.isPending, id),
  };
}
