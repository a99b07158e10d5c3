/** Warehouse → Waves → one wave: its rule, totals and orders in pick order; cancel before picking. */
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { WaveDetail } from '../../../src/modules/warehouse/wave/wave.contract';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { usePageTitle } from '../shell/use-page-title';
import { nowrap, PriorityBadge, StatusBadge } from './order-badges';
import { useWarehouseTime, WarehouseTimeScope } from './warehouse-time';
import { WaveStatusBadge } from './waves-page';
import { cancelWave, refreshAfterWaveChange, waveQuery } from './wave-queries';

const route = getRouteApi('/app/warehouse/waves/$id');

/** The page at /warehouse/waves/$id. */
export function WavePage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const wave = useQuery(waveQuery(id));
  usePageTitle(wave.data ? t('waves.number', { number: wave.data.number }) : t('warehouse.tabs.waves'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/warehouse/waves" size="sm" data-testid="back-to-waves">
        ← {t('waves.back')}
      </Anchor>
      {wave.isPending && (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      )}
      {wave.isError && <Alert color="red">{describeError(wave.error)}</Alert>}
      {wave.data && (
        <WarehouseTimeScope warehouseId={wave.data.warehouseId}>
          <WaveView wave={wave.data} />
        </WarehouseTimeScope>
      )}
    </Stack>
  );
}

function WaveView({ wave }: { wave: WaveDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const warehouseTime = useWarehouseTime();
  const canCancel = useCan('warehouse.orders') && wave.status === 'released';
  const cancel = useMutation({
    mutationFn: () => cancelWave(wave.id),
    onSuccess: async (next) => {
      queryClient.setQueryData(waveQuery(wave.id).queryKey, next);
      await refreshAfterWaveChange(queryClient);
    },
  });
  return (
    <Stack gap="md" data-testid="wave-detail" data-wave-id={wave.id}>
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Group gap="sm">
              <Title order={3} data-testid="wave-number">
                {t('waves.number', { number: wave.number })}
              </Title>
              <WaveStatusBadge status={wave.status} />
            </Group>
            {canCancel && (
              <Button
                variant="default"
                color="red"
                onClick={() => cancel.mutate()}
                loading={cancel.isPending}
                data-testid="wave-cancel"
              >
                {t('waves.cancelWave')}
              </Button>
            )}
          </Group>
          <Text size="sm" data-testid="wave-rule-name-shown">
            {t('waves.ruleOf', { rule: wave.rule.name })}
          </Text>
          <Text size="sm" c="dimmed" data-testid="wave-totals">
            {t('waves.totals', {
              orders: wave.totals.orders,
              lines: wave.totals.lines,
              units: wave.totals.units,
            })}
            {wave.totals.weightKg !== null && ` · ${wave.totals.weightKg} kg`}
          </Text>
          {wave.picking && (
            <Text size="sm" data-testid="wave-saving">
              {t('waves.picking', {
                method: t(`waves.methods.${wave.picking.method}`),
                batches: wave.picking.batches,
                tasks: wave.picking.tasks,
                batched: Math.round(wave.picking.batchedLength),
                single: Math.round(wave.picking.singleOrderLength),
                saving: Math.round(wave.picking.saving * 100),
              })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('waves.releasedAt', { at: warehouseTime(wave.releasedAt) })}
            {wave.cancelledAt && ` · ${t('waves.cancelledAt', { at: warehouseTime(wave.cancelledAt) })}`}
          </Text>
          {cancel.isError && <Alert color="red">{describeError(cancel.error)}</Alert>}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="xs">
          {t('waves.orders')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" data-testid="wave-orders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.fields.externalRef')}</Table.Th>
                <Table.Th>{t('warehouse.fields.status')}</Table.Th>
                <Table.Th>{t('warehouse.fields.pushedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {wave.orders.map((order) => (
                <Table.Tr key={order.orderId} data-testid="wave-order" data-ref={order.externalRef}>
                  <Table.Td style={nowrap}>
                    <Group gap={6} wrap="nowrap">
                      <PriorityBadge priority={order.priority} />
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/warehouse/orders/$id" params={{ id: order.orderId }} />
                        )}
                        ff="monospace"
                      >
                        {order.externalRef}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={order.status} />
                  </Table.Td>
                  <Table.Td style={nowrap}>{warehouseTime(order.pushedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
