/** One deal on the board: draggable to another stage, with win and lose at hand. */
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import { daysBetween, formatMoney } from './sales-format';

type Props = {
  deal: Deal;
  customerName: string | undefined;
  ownerName: string | undefined;
  onWin: (deal: Deal) => void;
  onLose: (deal: Deal) => void;
};

/** The card: name (to the deal page), customer, amount, owner, days since its last change. */
export function DealCard({ deal, customerName, ownerName, onWin, onLose }: Props) {
  const { t, i18n } = useTranslation();
  const open = deal.outcome === 'open';
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: deal.id,
    data: { stageId: deal.stageId },
    disabled: deal.outcome === 'invalid',
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      style={{ touchAction: 'manipulation', cursor: 'grab', opacity: isDragging ? 0.4 : 1 }}
      data-testid="deal-card"
      data-deal-id={deal.id}
      {...attributes}
      {...listeners}
    >
      <Stack gap={4}>
        <Anchor
          renderRoot={(props) => <Link {...props} to="/sales/deals/$id" params={{ id: deal.id }} />}
          fw={600}
          size="sm"
          lineClamp={2}
        >
          {deal.name}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {customerName ?? '…'}
        </Text>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="sm" fw={500} data-testid="deal-card-amount">
            {formatMoney(deal.amount, deal.currency, i18n.language)}
          </Text>
          {deal.outcome !== 'open' && (
            <Badge size="xs" color={deal.outcome === 'won' ? 'teal' : 'gray'}>
              {t(`sales.outcomes.${deal.outcome}`)}
            </Badge>
          )}
        </Group>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed" lineClamp={1}>
            {ownerName ?? t('sales.board.noOwner')}
          </Text>
          <Text size="xs" c="dimmed" title={t('sales.board.daysHint')}>
            {t('sales.board.days', { count: daysBetween(deal.stageEnteredAt, new Date()) })}
          </Text>
        </Group>
        {open && (
          <Group gap={4} grow onPointerDown={(event) => event.stopPropagation()}>
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              onClick={() => onWin(deal)}
              data-testid="card-win"
            >
              {t('sales.actions.win')}
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              color="red"
              onClick={() => onLose(deal)}
              data-testid="card-lose"
            >
              {t('sales.actions.lose')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** What follows the pointer while a card is dragged (drawn above the scrolling columns). */
export function DragPreview({ deal }: { deal: Deal }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder shadow="md" p="xs" w={230} style={{ cursor: 'grabbing' }}>
      <Text fw={600} size="sm" lineClamp={1}>
        {deal.name}
      </Text>
      <Text size="sm">{formatMoney(deal.amount, deal.currency, i18n.language)}</Text>
    </Paper>
  );
}
