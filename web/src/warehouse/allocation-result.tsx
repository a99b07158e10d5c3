/**
 * The allocation result (分配结果): per line, every candidate lot at every location with the decision
 * and the rule behind it, e.g. "too old for SVIP: produced 2026-01-05, limit 3 months".
 */
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  AllocationResult,
  LineAllocation,
} from '../../../src/modules/warehouse/allocation/allocation.contract';
import type { OrderLine } from '../../../src/modules/warehouse/orders/order.contract';
import { useTierTexts } from '../customers/tiers/tier-texts';
import { useWarehouseTime } from './warehouse-time';
import { useShortReasonText } from './order-lines';
import { ExpiryCell } from './expiry-cell';
import { candidateRuleText, decisionColors, statusColors } from './warehouse-labels';
import { nowrap, uncutLabel } from './order-badges';

/** One allocation; `latest` titles it as the current result, else it sits in the history. */
export function AllocationResultView({
  result,
  lines,
  latest = false,
}: {
  result: AllocationResult;
  lines: OrderLine[];
  latest?: boolean;
}) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  return (
    <Paper withBorder radius="md" p="md" data-testid={latest ? 'allocation-result' : 'allocation-past'}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="wrap">
          <Group gap="sm">
            {latest && <Title order={4}>{t('warehouse.allocation.title')}</Title>}
            <Badge color={statusColors[result.status]} variant="light">
              {t(`warehouse.statuses.${result.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {warehouseTime(result.allocatedAt)}
          </Text>
        </Group>
        <RulesSummary result={result} />
        {result.lines.map((line) => (
          <LineResult
            key={line.lineNo}
            line={line}
            result={result}
            requestedLot={lines.find((l) => l.lineNo === line.lineNo)?.lotNumber ?? null}
          />
        ))}
      </Stack>
    </Paper>
  );
}

/** The rules this allocation obeyed: policy, tier and age limit, one lot per line, as-of day. */
function RulesSummary({ result }: { result: AllocationResult }) {
  const { t } = useTranslation();
  const tiers = useTierTexts();
  const parts = [t(`warehouse.policies.${result.policy}`)];
  if (result.valueTier) {
    const tier = tiers.tierName('value', result.valueTier);
    if (result.maxStockAgeMonths !== null)
      parts.push(t('warehouse.allocation.ageLimitMonths', { tier, months: result.maxStockAgeMonths }));
    else if (result.maxStockAgeDays !== null)
      parts.push(t('warehouse.allocation.ageLimitDays', { tier, days: result.maxStockAgeDays }));
    else parts.push(t('warehouse.allocation.noAgeLimit', { tier }));
  }
  if (result.singleLotPerLine) parts.push(t('warehouse.order.singleLot'));
  if (!result.allowExpired) parts.push(t('warehouse.allocation.neverExpired'));
  parts.push(t('warehouse.allocation.asOf', { day: result.asOf }));
  return (
    <Text size="sm" c="dimmed" data-testid="allocation-rules">
      {parts.join(' · ')}
    </Text>
  );
}

function LineResult({
  line,
  result,
  requestedLot,
}: {
  line: LineAllocation;
  result: AllocationResult;
  requestedLot: string | null;
}) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  const tiers = useTierTexts();
  const shortText = useShortReasonText();
  const context = {
    strategy: line.strategy,
    tierName: result.valueTier ? tiers.tierName('value', result.valueTier) : null,
    maxStockAgeMonths: result.maxStockAgeMonths,
    maxStockAgeDays: result.maxStockAgeDays,
    requestedLot,
    dateTime: (iso: string) => warehouseTime(iso),
  };
  return (
    <Stack gap={6} data-testid="allocation-line" data-sku={line.sku}>
      <Group gap="sm" wrap="wrap">
        <Text fw={600} size="sm">
          #{line.lineNo}{' '}
          <Text span ff="monospace">
            {line.sku}
          </Text>
        </Text>
        <Badge variant="outline" color="gray" tt="none">
          {t(`warehouse.strategies.${line.strategy}`)}
        </Badge>
        <Text size="sm">
          {t('warehouse.allocation.served', { allocated: line.allocated, requested: line.requested })}
        </Text>
        {line.short > 0 && (
          <Badge color="red" variant="light" tt="none">
            {t('warehouse.allocation.shortBy', { short: line.short })}
            {line.shortReason ? ` · ${shortText(line.shortReason)}` : ''}
          </Badge>
        )}
      </Group>
      {line.candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('warehouse.allocation.noCandidates')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={4} withTableBorder data-testid="candidates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.allocation.decision')}</Table.Th>
                <Table.Th>{t('warehouse.fields.location')}</Table.Th>
                <Table.Th>{t('warehouse.fields.lot')}</Table.Th>
                <Table.Th>{t('warehouse.fields.productionDate')}</Table.Th>
                <Table.Th>{t('warehouse.fields.expiryDate')}</Table.Th>
                <Table.Th>{t('warehouse.fields.putawayAt')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.fields.available')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.allocation.taken')}</Table.Th>
                <Table.Th>{t('warehouse.allocation.rule')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line.candidates.map((candidate) => {
                const rule = candidateRuleText(candidate, context);
                return (
                  <Table.Tr
                    key={candidate.stockId}
                    data-testid="candidate"
                    data-decision={candidate.decision}
                    data-rule={candidate.rule}
                    data-lot={candidate.lotNumber ?? ''}
                  >
                    <Table.Td>
                      <Badge color={decisionColors[candidate.decision]} variant="light" styles={uncutLabel}>
                        {t(`warehouse.decisions.${candidate.decision}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ff="monospace" style={nowrap}>
                      {candidate.locationCode}
                    </Table.Td>
                    <Table.Td style={nowrap}>{candidate.lotNumber ?? '—'}</Table.Td>
                    <Table.Td style={nowrap}>{candidate.productionDate ?? '—'}</Table.Td>
                    <Table.Td>
                      <ExpiryCell expiryDate={candidate.expiryDate} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {warehouseTime(candidate.putawayAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{candidate.available.toLocaleString()}</Table.Td>
                    <Table.Td ta="right" fw={candidate.quantity > 0 ? 600 : 400}>
                      {candidate.quantity > 0 ? candidate.quantity.toLocaleString() : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        c={candidate.decision === 'rejected' ? 'red.8' : undefined}
                        data-testid="candidate-rule"
                      >
                        {t(`warehouse.rules.${rule.key}`, rule.values)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
