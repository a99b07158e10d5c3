/** The coloured label of a lead's status. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lead } from './lead-api';

const colors: Record<Lead['status'], string> = {
  new: 'blue',
  working: 'yellow',
  qualified: 'teal',
  disqualified: 'gray',
};

/** A badge naming the status in the interface language. */
export function LeadStatusBadge({ status }: { status: Lead['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" data-testid="lead-status" data-status={status}>
      {t(`leads.status.${status}`)}
    </Badge>
  );
}
