/**
 * Deal lines as the user writes them: product, quantity and, optionally, unit price, discount and tax.
 * Left empty, the server prices the line for the customer (kind and value tier) and takes the
 * product's tax rate; the totals always come back from the server.
 */
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DealLine, DealLineInput } from '../../../src/modules/crm/deal/deal.contract';
import { productsQuery } from './sales-queries';

/** A line being edited; prices in major units, discount and tax in percent, empty = the server's. */
export type DraftLine = {
  productId: string | null;
  quantity: number | string;
  unitPrice: number | string;
  discountPercent: number | string;
  taxPercent: number | string;
};

export const emptyLine = (): DraftLine => ({
  productId: null,
  quantity: 1,
  unitPrice: '',
  discountPercent: '',
  taxPercent: '',
});

/** The stored lines as drafts (the server's prices written out, so saving keeps them). */
export function draftsOf(lines: DealLine[]): DraftLine[] {
  return lines.map((line) => ({
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: line.unitPrice / 100,
    discountPercent: line.discountPercent,
    taxPercent: Math.round(line.taxRate * 10000) / 100,
  }));
}

const num = (value: number | string): number | undefined =>
  value === '' || Number.isNaN(Number(value)) ? undefined : Number(value);

/** The drafts with a product, as the API takes them. */
export function linesInput(drafts: DraftLine[]): DealLineInput[] {
  return drafts.flatMap((draft) => {
    if (!draft.productId) return [];
    const unitPrice = num(draft.unitPrice);
    const discountPercent = num(draft.discountPercent);
    const taxPercent = num(draft.taxPercent);
    return [
      {
        productId: draft.productId,
        quantity: num(draft.quantity) ?? 1,
        ...(unitPrice !== undefined ? { unitPrice: Math.round(unitPrice * 100) } : {}),
        ...(discountPercent !== undefined ? { discountPercent } : {}),
        ...(taxPercent !== undefined ? { taxRate: taxPercent / 100 } : {}),
      },
    ];
  });
}

type Props = { value: DraftLine[]; onChange: (lines: DraftLine[]) => void };

/** The editor: one row per line, a button to add one. */
export function LinesEditor({ value, onChange }: Props) {
  const { t } = useTranslation();
  const products = useQuery(productsQuery);
  const options = (products.data ?? []).map((p) => ({
    value: p.id,
    label: p.sku ? `${p.name} (${p.sku})` : p.name,
  }));
  const set = (index: number, patch: Partial<DraftLine>) =>
    onChange(value.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} data-testid="lines-editor">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.lines.product')}</Table.Th>
              <Table.Th w={90}>{t('sales.lines.quantity')}</Table.Th>
              <Table.Th w={110}>{t('sales.lines.unitPrice')}</Table.Th>
              <Table.Th w={80}>{t('sales.lines.discount')}</Table.Th>
              <Table.Th w={80}>{t('sales.lines.tax')}</Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((line, index) => (
              <Table.Tr key={index} data-testid="line-row">
                <Table.Td>
                  <Select
                    size="xs"
                    data={options}
                    value={line.productId}
                    onChange={(productId) => set(index, { productId })}
                    searchable
                    placeholder={t('sales.lines.pickProduct')}
                    aria-label={t('sales.lines.product')}
                    data-testid="line-product"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    value={line.quantity}
                    onChange={(q) => set(index, { quantity: q })}
                    aria-label={t('sales.lines.quantity')}
                    data-testid="line-quantity"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    decimalScale={2}
                    value={line.unitPrice}
                    placeholder={t('sales.lines.auto')}
                    onChange={(p) => set(index, { unitPrice: p })}
                    aria-label={t('sales.lines.unitPrice')}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    max={100}
                    value={line.discountPercent}
                    placeholder="0"
                    suffix="%"
                    onChange={(d) => set(index, { discountPercent: d })}
                    aria-label={t('sales.lines.discount')}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    max={100}
                    value={line.taxPercent}
                    placeholder={t('sales.lines.auto')}
                    suffix="%"
                    onChange={(x) => set(index, { taxPercent: x })}
                    aria-label={t('sales.lines.tax')}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                    aria-label={t('sales.lines.remove')}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('sales.lines.none')}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => onChange([...value, emptyLine()])}
          data-testid="add-line"
        >
          {t('sales.lines.add')}
        </Button>
      </Group>
    </Stack>
  );
}
