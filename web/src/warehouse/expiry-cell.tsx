/** An expiry date that warns: red once passed, orange within 30 days. */
import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { expiryState, todayUtc } from './warehouse-labels';
import { uncutLabel } from './order-badges';

/** An expiry date, red when passed and orange within 30 days. */
export function ExpiryCell({ expiryDate }: { expiryDate: string | null }) {
  const { t } = useTranslation();
  const state = expiryState(expiryDate, todayUtc());
  if (state === null) return <Text size="sm">—</Text>;
  if (state === 'ok') return <Text size="sm">{expiryDate}</Text>;
  return (
    <Tooltip label={t(`warehouse.expiry.${state}`)} withArrow>
      <Badge
        styles={uncutLabel}
        color={state === 'expired' ? 'red' : 'orange'}
        variant="light"
        tt="none"
        data-testid={`expiry-${state}`}
      >
        {expiryDate}
      </Badge>
    </Tooltip>
  );
}
