/** One stage of the board: a drop target with its count, total and weighted total. */
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import type { Stage } from '../../../src/modules/crm/pipeline/pipeline.contract';
import { columnTotals, formatMoney } from './sales-format';
import { defaultText } from './default-names';

type Props = { stage: Stage; deals: Deal[]; currency: string; children: ReactNode };

/** The column: its header sums the deals in it; it lights up while a card hovers over it. */
export function BoardColumn({ stage, deals, currency, children }: Props) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const totals = columnTotals(deals);
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      bg={isOver ? 'teal.0' : 'gray.0'}
      miw={240}
      w={240}
      style={{ flexShrink: 0 }}
      data-testid="board-column"
      data-stage-id={stage.id}
      data-stage-key={stage.key}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text fw={600} size="sm" lineClamp={1}>
            {defaultText(stage.name, t)}
          </Text>
          <Badge variant="light" color={stage.won ? 'teal' : 'gray'} data-testid="column-count">
            {totals.count}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" data-testid="column-totals">
          {t('sales.board.total', { amount: money(totals.total) })} ·{' '}
          {t('sales.board.weighted', { amount: money(totals.weighted) })}
        </Text>
        <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto" offsetScrollbars>
          <Stack gap={6} mih={80}>
            {children}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
