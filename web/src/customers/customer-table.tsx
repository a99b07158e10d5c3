/** The table of customers: one row each, the whole row opens the customer. */
import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/types';
import { useFormat } from '../shell/use-format';
import { KindBadge } from './kind-badge';

/** Lists `customers`; scrolls sideways on narrow screens instead of squeezing the columns. */
export function CustomerTable({ customers }: { customers: Customer[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const none = t('customers.none');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="customer-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('customers.fields.name')}</Table.Th>
            <Table.Th>{t('customers.fields.kind')}</Table.Th>
            <Table.Th>{t('customers.fields.region')}</Table.Th>
            <Table.Th>{t('customers.fields.phone')}</Table.Th>
            <Table.Th>{t('customers.fields.email')}</Table.Th>
            <Table.Th>{t('customers.fields.created')}</Table.Th>
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
              <Table.Td maw={320}>
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
                <Text size="sm">{customer.region ?? none}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {customer.phone ?? none}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={customer.email ? undefined : 'dimmed'} truncate maw={240}>
                  {customer.email ?? none}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {format.date(customer.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
