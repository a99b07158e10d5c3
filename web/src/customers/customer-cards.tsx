/** The customer list for phone-size screens: one compact card per customer instead of a wide table. */
import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/types';
import { KindBadge } from './kind-badge';
import { TierChip } from './tiers/tier-chip';
import { OwnerLabel } from './list/owner-label';
import { useRelativeTime } from './list/relative-time';
import { useCustomerLabels } from './profile/use-customer-labels';

/**
 * Lists `customers` as tappable cards: name, tiers and kind first, then owner (or pool) and the last
 * follow-up, then region and phone.
 */
export function CustomerCards({ customers }: { customers: Customer[] }) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  const labels = useCustomerLabels();
  return (
    <Stack gap={0} data-testid="customer-cards">
      {customers.map((customer, index) => {
        const facts = [customer.region, customer.phone ?? customer.email].filter(Boolean).join(' · ');
        return (
          <UnstyledButton
            key={customer.id}
            renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: customer.id }} />}
            px="md"
            py="sm"
            style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            data-testid="customer-row"
            data-customer-id={customer.id}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
              <Group gap={6} wrap="nowrap" miw={0}>
                <TierChip dimension="intent" tier={customer.intentTier} />
                <Text fw={500} size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {customer.name}
                </Text>
              </Group>
              <Group gap={4} wrap="nowrap">
                <TierChip dimension="value" tier={customer.valueTier} />
                <KindBadge kind={customer.kind} />
              </Group>
            </Group>
            <Group justify="space-between" wrap="nowrap" gap="sm" mt={4}>
              <OwnerLabel customer={customer} labels={labels} size="xs" />
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {customer.lastFollowUpAt
                  ? t('customers.followedUp', { when: relative(customer.lastFollowUpAt) })
                  : t('customers.neverFollowedUp')}
              </Text>
            </Group>
            {facts && (
              <Text size="xs" c="dimmed" truncate mt={2}>
                {facts}
              </Text>
            )}
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
