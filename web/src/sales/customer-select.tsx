/** A searchable customer select: types a name, asks the customer list for the first matches. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi, queryString } from '../api/client';
import type { CustomerPage } from '../api/types';

type Props = { value: string | null; onChange: (id: string | null) => void; fixedName?: string };

/** The select; `fixedName` names a customer chosen beforehand (from the customer page). */
export function CustomerSelect({ value, onChange, fixedName }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ['sales', 'customer-search', q],
    queryFn: () => callApi<CustomerPage>('GET', `/api/customers${queryString({ q, limit: 20 })}`),
    enabled: fixedName === undefined,
  });
  const data =
    fixedName !== undefined && value
      ? [{ value, label: fixedName }]
      : (found.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Select
      label={t('sales.newDeal.customer')}
      placeholder={t('sales.newDeal.searchCustomer')}
      searchable
      required
      disabled={fixedName !== undefined}
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('sales.newDeal.noCustomer')}
      data-testid="deal-customer"
    />
  );
}
