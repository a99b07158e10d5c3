/** The small "back to the list" link above detail and form pages. */
import { Anchor, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackIcon } from './icons';

/** Links back to the customer list. */
export function BackToCustomers() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/customers" size="sm" data-testid="back-to-list">
      <Group gap={4} component="span">
        <BackIcon size={14} />
        {t('customers.backToList')}
      </Group>
    </Anchor>
  );
}
