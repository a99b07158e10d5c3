/** Picks an item by typing part of its SKU or name; the chosen item stays named while the list changes. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemQuery, itemsQuery } from './warehouse-queries';

/** The item filter of the ledger. */
export function ItemSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q] = useDebouncedValue(typed.trim(), 250);
  const items = useQuery({ ...itemsQuery(q), placeholderData: keepPreviousData });
  const chosen = useQuery({ ...itemQuery(value ?? ''), enabled: value !== undefined });
  const options = new Map<string, string>();
  if (chosen.data) options.set(chosen.data.id, `${chosen.data.sku} · ${chosen.data.name}`);
  for (const item of items.data?.items ?? []) options.set(item.id, `${item.sku} · ${item.name}`);
  return (
    <Select
      label={t('warehouse.fields.item')}
      placeholder={t('warehouse.filters.anyItem')}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      searchable
      onSearchChange={setTyped}
      filter={({ options: shown }) => shown}
      clearable
      nothingFoundMessage={t('warehouse.empty')}
      w={260}
      data-testid="filter-item"
    />
  );
}
