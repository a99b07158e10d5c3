/** What "allocate the pool" did: counts by outcome, then every order with its status or error. */
import { Anchor, Badge, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AllocatePoolReport } from '../../../src/modules/warehouse/allocation/allocation.contract';
import { CountCard } from '../shell/count-card';
import { lookupText } from '../i18n/i18n';
import { oneOf, ORDER_STATUS_OPTIONS, statusColors } from './warehouse-labels';

/** The report in a dialog; closed when `report` is null. */
export function PoolReportModal({
  report,
  onClose,
}: {
  report: AllocatePoolReport | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const results = report?.results ?? [];
  const count = (status: string): number => results.filter((r) => !r.error && r.status === status).length;
  return (
    <Modal opened={report !== null} onClose={onClose} title={t('warehouse.pool.reportTitle')} size="lg">
      <Stack gap="md" data-testid="pool-report">
        <SimpleGrid cols={4} spacing="sm">
          <CountCard
            label={t('warehouse.statuses.allocated')}
            value={count('allocated')}
            color="teal"
            testId="pool-allocated"
          />
          <CountCard
            label={t('warehouse.statuses.partially_allocated')}
            value={count('partially_allocated')}
            color="yellow"
            testId="pool-partial"
          />
          <CountCard
            label={t('warehouse.statuses.backordered')}
            value={count('backordered')}
            color="orange"
            testId="pool-backordered"
          />
          <CountCard
            label={t('warehouse.pool.failed')}
            value={results.filter((r) => r.error).length}
            color="red"
            testId="pool-failed"
          />
        </SimpleGrid>
        {results.length === 0 ? (
          <Text c="dimmed">{t('warehouse.pool.nothingToAllocate')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420} maxHeight={360}>
            <Table verticalSpacing="xs" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('warehouse.fields.externalRef')}</Table.Th>
                  <Table.Th>{t('warehouse.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.map((result) => (
                  <Table.Tr key={result.orderId} data-testid="pool-report-row">
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => (
                          <Link {...props} to="/warehouse/orders/$id" params={{ id: result.orderId }} />
                        )}
                        size="sm"
                        ff="monospace"
                        onClick={onClose}
                      >
                        {result.externalRef}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ResultCell status={result.status} error={result.error} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Modal>
  );
}

function ResultCell({ status, error }: { status: string; error: { code: string; message: string } | null }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Text size="sm" c="red">
        {lookupText(`problems.${error.code}`) ?? error.message}
      </Text>
    );
  }
  const known = oneOf(ORDER_STATUS_OPTIONS, status);
  return known ? (
    <Badge color={statusColors[known]} variant="light">
      {t(`warehouse.statuses.${known}`)}
    </Badge>
  ) : (
    <Text size="sm">{status}</Text>
  );
}
