/** The small labels of an order, the same in the pool and on the order page. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, Priority } from '../../../src/modules/warehouse/orders/order.contract';
import { priorityColors, statusColors } from './warehouse-labels';

/**
 * Badge styles for table cells: the label keeps its full width, so a narrow column wraps the other
 * cells instead of cutting the badge to "URGE…".
 */
export const uncutLabel = { label: { overflow: 'visible' } } as const;

/** For cells holding codes and dates, which read badly when broken over lines. */
export const nowrap = { whiteSpace: 'nowrap' } as const;

/** The priority; urgent is filled red. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={priorityColors[priority]}
      variant={priority === 'urgent' ? 'filled' : 'light'}
      styles={uncutLabel}
      data-testid="order-priority"
    >
      {t(`warehouse.priorities.${priority}`)}
    </Badge>
  );
}

/** Where the order stands. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      styles={uncutLabel}
      data-testid="order-status"
      data-status={status}
    >
      {t(`warehouse.statuses.${status}`)}
    </Badge>
  );
}
