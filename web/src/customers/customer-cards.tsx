/** The customer list for phone-size screens: one compact card per customer instead of a wide table. */
import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/types';
import { useFormat } from '../shell/use-format';
import { KindBadge } from './kind-badge';

/** Lists `customers` as tappable cards: name and kind first, then region, phone and date. */
export function CustomerCards({ customers }: { customers: Customer[] }) {
  const { t } = useTranslation();
  const format = useFormat();
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
              <Text fw={500} size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                {customer.name}
              </Text>
              <KindBadge kind={customer.kind} />
            </Group>
            <Group justify="space-between" wrap="nowrap" gap="sm" mt={4}>
              <Text size="xs" c="dimmed" truncate>
                {facts || t('customers.none')}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {format.date(customer.createdAt)}
              </Text>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
