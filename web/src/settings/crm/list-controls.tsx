/** Small buttons to move a row of an ordered list up or down, or remove it. */
import { ActionIcon, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Moves item `index` of `list` by `step` (−1 up, +1 down); out-of-range moves change nothing. */
export function moveItem<T>(list: T[], index: number, step: number): T[] {
  const target = index + step;
  if (target < 0 || target >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

type Props = {
  index: number;
  count: number;
  onMove: (step: number) => void;
  onRemove: () => void;
  /** False when the list must keep at least one row. */
  canRemove?: boolean;
  testId: string;
};

/** ↑ ↓ × for one row; each button says what it does to screen readers. */
export function RowControls({ index, count, onMove, onRemove, canRemove = true, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={index === 0}
        onClick={() => onMove(-1)}
        aria-label={t('settings.crm.moveUp')}
        data-testid={`${testId}-up`}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        aria-label={t('settings.crm.moveDown')}
        data-testid={`${testId}-down`}
      >
        ↓
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        disabled={!canRemove}
        onClick={onRemove}
        aria-label={t('settings.crm.remove')}
        data-testid={`${testId}-remove`}
      >
        ×
      </ActionIcon>
    </Group>
  );
}
