/** The smaller cards of the deal page: its warehouse orders and its buying committee. */
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import type { OrderStatus } from '../../../src/modules/warehouse/orders/order.contract';
import { contactQuery } from '../people/contact-queries';
import { StatusBadge } from '../warehouse/order-badges';
import { participantsQuery } from './sales-queries';

const stanceColors = { supporter: 'teal', neutral: 'gray', opponent: 'red' } as const;

/** The orders a won deal pushed to the warehouse, each linking to its order page. */
export function OrdersCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="deal-orders">
      <Stack gap="xs">
        <Title order={4}>{t('sales.orders.title')}</Title>
        {deal.orders.length === 0 ? (
          <Text size="sm" c="dimmed">
            {deal.outcome === 'won' ? t('sales.orders.pending') : t('sales.orders.none')}
          </Text>
        ) : (
          deal.orders.map((order) => (
            <Group key={order.id} justify="space-between" data-testid="deal-order">
              <Anchor
                renderRoot={(props) => (
                  <Link {...props} to="/warehouse/orders/$id" params={{ id: order.id }} />
                )}
                size="sm"
              >
                {t('sales.orders.open')}
              </Anchor>
              <StatusBadge status={order.status as OrderStatus} />
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}

/** The people on the deal's buying committee with their roles, department and stance. */
export function ParticipantsCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const participants = useQuery(participantsQuery(deal.id));
  const items = participants.data ?? [];
  const people = useQueries({
    queries: items.map((p) => ({ ...contactQuery(p.personId), staleTime: 60_000 })),
  });
  const names = new Map(people.flatMap((p) => (p.data ? [[p.data.id, p.data.name] as const] : [])));
  return (
    <Paper withBorder p="md" data-testid="deal-participants">
      <Stack gap="xs">
        <Title order={4}>{t('sales.participants.title')}</Title>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('sales.participants.none')}
          </Text>
        )}
        {items.map((p) => (
          <Stack key={p.personId} gap={2} data-testid="deal-participant">
            <Group justify="space-between" wrap="nowrap">
              <Anchor
                renderRoot={(props) => <Link {...props} to="/people/$id" params={{ id: p.personId }} />}
                size="sm"
                fw={500}
              >
                {names.get(p.personId) ?? '…'}
              </Anchor>
              <Badge size="sm" variant="light" color={stanceColors[p.stance]}>
                {t(`committee.stances.${p.stance}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {p.roles.map((role) => t(`committee.roles.${role}`)).join(' · ')}
              {p.department ? ` — ${p.department}` : ''}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
