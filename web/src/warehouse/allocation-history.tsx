/** Every allocation an order went through, newest first; each opens to its full result. */
import { Accordion, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboundOrderDetail } from '../../../src/modules/warehouse/orders/order.contract';
import { describeError } from '../api/problem-text';
import { useWarehouseTime } from './warehouse-time';
import { AllocationResultView } from './allocation-result';
import { StatusBadge } from './order-badges';
import { allocationsQuery } from './warehouse-queries';

/** The history panel; nothing to show before the first allocation. */
export function AllocationHistory({ order }: { order: OutboundOrderDetail }) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  const history = useQuery(allocationsQuery(order.id));
  const items = history.data?.items ?? [];
  // Only the opened allocation is drawn: a long history stays light and a page holds one full result.
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <Paper withBorder radius="md" p="md" data-testid="allocation-history">
      <Stack gap="sm">
        <Title order={4}>{t('warehouse.allocation.history')}</Title>
        {history.isError && (
          <Text size="sm" c="red">
            {describeError(history.error)}
          </Text>
        )}
        {history.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('warehouse.allocation.never')}
          </Text>
        )}
        {items.length > 0 && (
          <Accordion variant="separated" chevronPosition="left" value={opened} onChange={setOpened}>
            {items.map((result) => (
              <Accordion.Item key={result.allocatedAt} value={result.allocatedAt}>
                <Accordion.Control data-testid="allocation-history-item">
                  <Group gap="sm">
                    <Text size="sm">{warehouseTime(result.allocatedAt)}</Text>
                    <StatusBadge status={result.status} />
                    <Text size="xs" c="dimmed">
                      {result.lines
                        .map((line) => `${line.sku} ${line.allocated}/${line.requested}`)
                        .join(' · ')}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {opened === result.allocatedAt && (
                    <AllocationResultView result={result} lines={order.lines} />
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </Paper>
  );
}
