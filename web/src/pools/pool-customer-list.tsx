/** The customers of one pool: a table on wide screens, cards on a phone, each with Claim and Assign. */
import { Anchor, Button, Checkbox, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/types';
import { KindBadge } from '../customers/kind-badge';
import { useFormat } from '../shell/use-format';
import { TierChip } from '../customers/tiers/tier-chip';

/** What the list shows and what its buttons do. */
export type PoolListProps = {
  customers: Customer[];
  canClaim: boolean;
  canAssign: boolean;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  claimingId: string | null;
  onClaim: (customer: Customer) => void;
  onAssign: (customer: Customer) => void;
};

/** Picks the table or the cards by screen width. */
export function PoolCustomerList(props: PoolListProps) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return narrow ? <PoolCustomerCards {...props} /> : <PoolCustomerTable {...props} />;
}

function CustomerLink({ customer }: { customer: Customer }) {
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: customer.id }} />}
      fw={500}
      c="inherit"
      lineClamp={1}
      style={{ overflowWrap: 'anywhere' }}
    >
      {customer.name}
    </Anchor>
  );
}

/** Claim and Assign for one customer. */
function RowActions({ customer, ...props }: PoolListProps & { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      {props.canClaim && (
        <Button
          size="xs"
          onClick={() => props.onClaim(customer)}
          loading={props.claimingId === customer.id}
          disabled={props.claimingId !== null && props.claimingId !== customer.id}
          data-testid={`claim-${customer.id}`}
        >
          {t('pools.claim')}
        </Button>
      )}
      {props.canAssign && (
        <Button
          size="xs"
          variant="default"
          onClick={() => props.onAssign(customer)}
          data-testid={`assign-${customer.id}`}
        >
          {t('pools.assign')}
        </Button>
      )}
    </Group>
  );
}

function PoolCustomerTable(props: PoolListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { customers, selected } = props;
  const allOn = customers.length > 0 && customers.every((c) => selected.has(c.id));
  const someOn = customers.some((c) => selected.has(c.id));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="pool-customer-table">
        <Table.Thead>
          <Table.Tr>
            {props.canAssign && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('pools.selectAll')}
                  checked={allOn}
                  indeterminate={someOn && !allOn}
                  onChange={() =>
                    props.onSelect(
                      customers.map((c) => c.id),
                      !allOn,
                    )
                  }
                  data-testid="select-all"
                />
              </Table.Th>
            )}
            <Table.Th>{t('pools.columns.name')}</Table.Th>
            <Table.Th>{t('pools.columns.tier')}</Table.Th>
            <Table.Th>{t('pools.columns.kind')}</Table.Th>
            <Table.Th>{t('pools.columns.region')}</Table.Th>
            <Table.Th>{t('pools.columns.lastFollowUp')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('pools.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => (
            <Table.Tr key={customer.id} data-testid="pool-row" data-customer-id={customer.id}>
              {props.canAssign && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('pools.selectRow', { name: customer.name })}
                    checked={selected.has(customer.id)}
                    onChange={(event) => props.onSelect([customer.id], event.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              <Table.Td maw={300}>
                <CustomerLink customer={customer} />
              </Table.Td>
              <Table.Td>
                <TierChip dimension="intent" tier={customer.intentTier} />
              </Table.Td>
              <Table.Td>
                <KindBadge kind={customer.kind} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{customer.region ?? t('customers.none')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {customer.lastFollowUpAt ? format.date(customer.lastFollowUpAt) : t('pools.never')}
                </Text>
              </Table.Td>
              <Table.Td>
                <RowActions {...props} customer={customer} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PoolCustomerCards(props: PoolListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={0} data-testid="pool-customer-cards">
      {props.customers.map((customer, index) => (
        <Stack
          key={customer.id}
          gap={6}
          px="md"
          py="sm"
          style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
          data-testid="pool-row"
          data-customer-id={customer.id}
        >
          <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              {props.canAssign && (
                <Checkbox
                  aria-label={t('pools.selectRow', { name: customer.name })}
                  checked={props.selected.has(customer.id)}
                  onChange={(event) => props.onSelect([customer.id], event.currentTarget.checked)}
                />
              )}
              <CustomerLink customer={customer} />
            </Group>
            <Group gap={4} wrap="nowrap">
              <TierChip dimension="intent" tier={customer.intentTier} />
              <KindBadge kind={customer.kind} />
            </Group>
          </Group>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="xs" c="dimmed" truncate>
              {[customer.region, customer.lastFollowUpAt && format.date(customer.lastFollowUpAt)]
                .filter(Boolean)
                .join(' · ') || t('customers.none')}
            </Text>
            <RowActions {...props} customer={customer} />
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
