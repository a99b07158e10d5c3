/** The top of the customer page: name, kind, tiers, who has it, and the ownership actions. */
import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { OwnershipActions } from '../detail/ownership-actions';
import { KindBadge } from '../kind-badge';
import { OwnerLabel } from '../list/owner-label';
import { TierChip } from '../tiers/tier-chip';
import { useCustomerLabels } from './use-customer-labels';

/** Name and badges on the left; claim, release, assign or transfer on the right (below on a phone). */
export function CustomerHeader({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
      <Stack gap={8} miw={0} flex="1 1 320px">
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={2} data-testid="customer-detail-name" style={{ overflowWrap: 'anywhere' }}>
            {customer.name}
          </Title>
          <KindBadge kind={customer.kind} size="lg" />
        </Group>
        <Group gap="xs" wrap="wrap" data-testid="customer-tiers">
          <TierChip dimension="intent" tier={customer.intentTier} />
          <TierChip dimension="satisfaction" tier={customer.satisfactionTier} />
          <TierChip dimension="value" tier={customer.valueTier} />
          <TierChip dimension="persona" tier={customer.persona} />
          <Group gap={6} wrap="nowrap" data-testid="customer-owner">
            <Text size="sm" c="dimmed">
              {t('customers.fields.owner')}:
            </Text>
            <OwnerLabel customer={customer} labels={labels} />
          </Group>
        </Group>
      </Stack>
      <OwnershipActions customer={customer} />
    </Group>
  );
}
