/** The release panel: a preview of the waves the strategy makes now, with why each other order waits, and the release. */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WavePreview } from '../../../src/modules/warehouse/wave/wave.contract';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { nowrap, PriorityBadge, StatusBadge } from './order-badges';
import { previewWaves, refreshAfterWaveChange, releaseWaves } from './wave-queries';

/** Preview and release: which orders each rule takes now, and why every other order waits. */
export function ReleasePanel({ warehouseId }: { warehouseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canRelease = useCan('warehouse.orders');
  const [shown, setShown] = useState<{ kind: 'preview' | 'released'; result: Shown }>();
  const preview = useMutation({
    mutationFn: () => previewWaves(warehouseId),
    onSuccess: (result) => setShown({ kind: 'preview', result }),
  });
  const release = useMutation({
    mutationFn: () => releaseWaves(warehouseId),
    onSuccess: async (result) => {
      const waves = result.waves.map((wave) => ({ ...wave, rule: wave.rule.name, orders: [] }));
      setShown({ kind: 'released', result: { leftOut: result.leftOut, waves } });
      await refreshAfterWaveChange(queryClient);
    },
  });
  const error = preview.error ?? release.error;
  return (
    <Paper withBorder radius="md" p="md" data-testid="wave-release">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('waves.release.title')}</Title>
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => preview.mutate()}
              loading={preview.isPending}
              data-testid="wave-preview"
            >
              {t('waves.release.preview')}
            </Button>
            {canRelease && (
              <Button
                onClick={() => release.mutate()}
                loading={release.isPending}
                data-testid="wave-release-button"
              >
                {t('waves.release.release')}
              </Button>
            )}
          </Group>
        </Group>
        {error && <Alert color="red">{describeError(error)}</Alert>}
        {shown && <ReleaseResult kind={shown.kind} result={shown.result} />}
      </Stack>
    </Paper>
  );
}

/** A preview's planned waves, or the waves a release made (with their ids and numbers). */
type Shown = {
  waves: (WavePreview['waves'][number] & { id?: string; number?: number })[];
  leftOut: WavePreview['leftOut'];
};

function ReleaseResult({ kind, result }: { kind: 'preview' | 'released'; result: Shown }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid={kind === 'preview' ? 'wave-preview-result' : 'wave-release-result'}>
      {result.waves.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="wave-preview-none">
          {t('waves.release.none')}
        </Text>
      ) : (
        result.waves.map((wave) => (
          <Paper
            key={wave.rule}
            withBorder
            radius="sm"
            p="sm"
            data-testid="planned-wave"
            data-rule={wave.rule}
          >
            <Group gap="sm">
              {wave.id ? (
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/warehouse/waves/$id" params={{ id: wave.id }} />
                  )}
                  fw={600}
                  data-testid="released-wave-link"
                >
                  {t('waves.number', { number: wave.number })}
                </Anchor>
              ) : (
                <Badge variant="light">
                  {t(kind === 'preview' ? 'waves.release.would' : 'waves.release.made')}
                </Badge>
              )}
              <Text size="sm" fw={600}>
                {wave.rule}
              </Text>
              <Text size="sm" c="dimmed" data-testid="planned-wave-totals">
                {t('waves.totals', {
                  orders: wave.totals.orders,
                  lines: wave.totals.lines,
                  units: wave.totals.units,
                })}
              </Text>
            </Group>
            {wave.orders.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {wave.orders.map((order) => order.externalRef).join(' · ')}
              </Text>
            )}
          </Paper>
        ))
      )}
      {result.leftOut.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('waves.release.leftOut', { count: result.leftOut.length })}
          </Text>
          <Table verticalSpacing={4} data-testid="wave-left-out">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.fields.externalRef')}</Table.Th>
                <Table.Th>{t('warehouse.fields.status')}</Table.Th>
                <Table.Th>{t('waves.release.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.leftOut.map((order) => (
                <Table.Tr
                  key={order.orderId}
                  data-testid="left-out-order"
                  data-ref={order.externalRef}
                  data-code={order.code}
                >
                  <Table.Td ff="monospace" style={nowrap}>
                    <PriorityBadge priority={order.priority} /> {order.externalRef}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={order.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`waves.reasons.${order.code}`, { rule: order.rule ?? '' })}</Text>
                    <Text size="xs" c="dimmed">
                      {order.message}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
