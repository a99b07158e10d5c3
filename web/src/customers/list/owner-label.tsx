/** Who has the customer: the owner's name, or a "In pool" badge while it sits in a pool (公海). */
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import type { CustomerLabels } from '../profile/use-customer-labels';

/** The owner's name or the pool badge; a dash when neither is known. */
export function OwnerLabel({
  customer,
  labels,
  size = 'sm',
}: {
  customer: Pick<Customer, 'ownerUserId' | 'poolId'>;
  labels: CustomerLabels;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  if (customer.poolId) {
    return (
      <Badge color="grape" variant="outline" size={size} tt="none" miw="max-content" data-testid="in-pool">
        {t('customers.inPool')}
      </Badge>
    );
  }
  return (
    <Text size={size} c={customer.ownerUserId ? undefined : 'dimmed'} truncate data-testid="owner-name">
      {customer.ownerUserId ? labels.user(customer.ownerUserId) : t('customers.none')}
    </Text>
  );
}
