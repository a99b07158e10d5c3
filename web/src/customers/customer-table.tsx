/** The table of customers: one row each, the whole row opens the customer. */
import { Anchor, Box, Table, Text, Tooltip } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/types';
import { useFormat } from '../shell/use-format';
import { KindBadge } from './kind-badge';
import { TierChip } from './tiers/tier-chip';
import { OwnerLabel } from './list/owner-label';
import { useRelativeTime } from './list/relative-time';
import { useCustomerLabels } from './profile/use-customer-labels';

/** Lists `customers`; scrolls sideways on narrow screens instead of squeezing the columns. */
export function CustomerTable({ customers }: { customers: Customer[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const relative = useRelativeTime();
  const labels = useCustomerLabels();
  const navigate = useNavigate();
  const none = t('customers.none');
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="customer-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={nowrap}>{t('customers.fields.name')}</Table.Th>
            <Table.Th style={nowrap}>{t('customers.fields.kind')}</Table.Th>
            <Table.Th style={nowrap}>{t('customers.fields.intentTierShort')}</Table.Th>
            <Table.Th style={nowrap}>{t('customers.fields.valueTier')}</Table.Th>
            <Table.Th style={nowrap}>{t('customers.fields.owner')}</Table.Th>
            <Table.Th style={nowrap}>{t('customers.fields.lastFollowUp')}</Table.Th>
            <Table.Th style={nowrap}>{t('customers.fields.region')}</Table.Th>
            <Table.Th style={nowrap}>{t('customers.fields.phone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => (
            <Table.Tr
              key={customer.id}
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate({ to: '/customers/$id', params: { id: customer.id } })}
              data-testid="customer-row"
              data-customer-id={customer.id}
            >
              <Table.Td maw={300}>
                {/* A real link too, so the row opens with the keyboard and in a new tab. */}
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: customer.id }} />}
                  fw={500}
                  c="inherit"
                  lineClamp={1}
                  onClick={(event) => event.stopPropagation()}
                >
                  {customer.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <KindBadge kind={customer.kind} />
              </Table.Td>
              <Table.Td>
                {customer.intentTier ? (
                  <TierChip dimension="intent" tier={customer.intentTier} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {none}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {customer.valueTier ? (
                  // Wide enough for the whole label: a badge would otherwise shrink to "Stand…".
                  <Box w="max-content">
                    <TierChip dimension="value" tier={customer.valueTier} />
                  </Box>
                ) : (
                  <Text size="sm" c="dimmed">
                    {none}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={160}>
                <OwnerLabel customer={customer} labels={labels} />
              </Table.Td>
              <Table.Td>
                {customer.lastFollowUpAt ? (
                  <Tooltip label={format.dateTime(customer.lastFollowUpAt)}>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="last-follow-up">
                      {relative(customer.lastFollowUpAt)}
                    </Text>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="last-follow-up">
                    {t('customers.never')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate maw={160}>
                  {customer.region ?? none}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {customer.phone ?? none}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
