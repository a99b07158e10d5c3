/** The coloured label of a customer's kind: business, consumer or government. */
import { Badge, type MantineColor, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerKind } from '../api/types';

/** The colour of each kind, the same everywhere it appears. */
export const kindColors: Record<CustomerKind, MantineColor> = {
  business: 'indigo',
  consumer: 'pink',
  government: 'orange',
};

/** A badge naming the kind in the interface language. */
export function KindBadge({ kind, size = 'sm' }: { kind: CustomerKind; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={kindColors[kind]}
      variant="light"
      size={size}
      miw="max-content"
      data-testid="kind-badge"
      data-kind={kind}
    >
      {t(`kinds.${kind}`)}
    </Badge>
  );
}
