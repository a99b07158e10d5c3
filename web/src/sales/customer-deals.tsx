/** The customer page's "Deals" card: the customer's deals and a way to start a new one. */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import type { Customer } from '../api/types';
import { NewDealModal } from './new-deal-modal';
import { formatMoney } from './sales-format';
import { customerDealsQuery, pipelinesQuery } from './sales-queries';
import { defaultText } from './default-names';

const outcomeColors = { open: 'blue', won: 'teal', lost: 'red', invalid: 'gray' } as const;

/** The card. */
export function CustomerDeals({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const deals = useQuery(customerDealsQuery(customer.id));
  const pipelines = useQuery(pipelinesQuery);
  const [creating, setCreating] = useState(false);
  const stageName = (pipelineId: string, stageId: string) => {
    const name = pipelines.data?.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === stageId)?.name;
    return name ? defaultText(name, t) : '—';
  };
  return (
    <Paper withBorder p="md" data-testid="customer-deals">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('sales.customerDeals.title')}</Title>
          <Button size="xs" variant="light" onClick={() => setCreating(true)} data-testid="customer-new-deal">
            {t('sales.newDeal.button')}
          </Button>
        </Group>
        {deals.isError && <Alert color="red">{describeError(deals.error)}</Alert>}
        {deals.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('sales.customerDeals.none')}
          </Text>
        )}
        {deals.data && deals.data.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Tbody>
                {deals.data.map((deal) => (
                  <Table.Tr key={deal.id} data-testid="customer-deal">
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/sales/deals/$id" params={{ id: deal.id }} />
                        )}
                        size="sm"
                      >
                        {deal.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{stageName(deal.pipelineId, deal.stageId)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={outcomeColors[deal.outcome]}>
                        {t(`sales.outcomes.${deal.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{formatMoney(deal.amount, deal.currency, i18n.language)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {creating && (
        <NewDealModal
          opened
          onClose={() => setCreating(false)}
          customer={{ id: customer.id, name: customer.name }}
        />
      )}
    </Paper>
  );
}
