/**
 * An order's lines (what was asked, allocated, shipped and short, and why) and its reservations. The
 * allocated column counts what was allocated to the line, held or already picked, so a shipped order
 * still shows what it was given.
 */
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboundOrderDetail } from '../../../src/modules/warehouse/orders/order.contract';
import { asShortReason } from './warehouse-labels';
import { uncutLabel } from './order-badges';

/** The short reason in words; an unknown code as it came. */
export function useShortReasonText(): (reason: string | null) => string {
  const { t } = useTranslation();
  return (reason) => {
    if (reason === null) return '';
    const known = asShortReason(reason);
    return known ? t(`warehouse.shortReasons.${known}`) : reason;
  };
}

/** The lines table. */
export function OrderLines({ order }: { order: OutboundOrderDetail }) {
  const { t } = useTranslation();
  const shortText = useShortReasonText();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={4}>{t('warehouse.order.lines')}</Title>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" data-testid="order-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>#</Table.Th>
                <Table.Th>{t('warehouse.fields.item')}</Table.Th>
                <Table.Th>{t('warehouse.order.askedLot')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.order.requested')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.order.allocated')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.order.shippedQuantity')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.order.short')}</Table.Th>
                <Table.Th>{t('warehouse.order.shortReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.lines.map((line) => (
                <Table.Tr key={line.lineNo} data-testid="order-line" data-sku={line.sku}>
                  <Table.Td>{line.lineNo}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {line.sku}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {line.itemName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{line.lotNumber ?? '—'}</Table.Td>
                  <Table.Td ta="right">
                    {line.quantity.toLocaleString()} {line.unit}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="line-allocated">
                    {(line.allocated + line.picked).toLocaleString()}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="line-shipped">
                    {line.shipped.toLocaleString()}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text
                      size="sm"
                      c={line.shortQuantity > 0 ? 'red' : 'dimmed'}
                      fw={line.shortQuantity > 0 ? 600 : 400}
                    >
                      {line.shortQuantity.toLocaleString()}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {line.shortReason ? (
                      <Badge color="red" variant="light" tt="none" data-testid="line-short-reason">
                        {shortText(line.shortReason)}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

const reservationColors = { active: 'violet', released: 'gray', picked: 'blue' } as const;

/** Every reservation of the order, active first as the server sends them. */
export function ReservationList({ reservations }: { reservations: OutboundOrderDetail['reservations'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={4}>{t('warehouse.order.reservations')}</Title>
        {reservations.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="reservations-empty">
            {t('warehouse.order.noReservations')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" data-testid="order-reservations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>{t('warehouse.order.line')}</Table.Th>
                  <Table.Th>{t('warehouse.fields.location')}</Table.Th>
                  <Table.Th>{t('warehouse.fields.lot')}</Table.Th>
                  <Table.Th ta="right">{t('warehouse.fields.quantity')}</Table.Th>
                  <Table.Th>{t('warehouse.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reservations.map((r) => (
                  <Table.Tr key={r.id} data-testid="reservation-row" data-status={r.status}>
                    <Table.Td>{r.lineNo}</Table.Td>
                    <Table.Td ff="monospace">{r.locationCode}</Table.Td>
                    <Table.Td>{r.lotNumber ?? '—'}</Table.Td>
                    <Table.Td ta="right">{r.quantity.toLocaleString()}</Table.Td>
                    <Table.Td>
                      <Badge color={reservationColors[r.status]} variant="light" styles={uncutLabel}>
                        {t(`warehouse.reservationStatuses.${r.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
