/** The deal's lines: shown with the server's totals, editable in place (quotes are quotes-card.tsx). */
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import { describeError } from '../api/problem-text';
import { LinesEditor, draftsOf, linesInput, type DraftLine } from './lines-editor';
import { formatMoney } from './sales-format';
import { productsQuery, saveDealLines } from './sales-queries';

/** The card; "edit" swaps the table for the editor, "save" sends all lines and shows the new totals. */
export function DealLinesCard({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const products = useQuery(productsQuery);
  const [draft, setDraft] = useState<DraftLine[] | null>(null);
  const save = useMutation({
    mutationFn: (lines: DraftLine[]) => saveDealLines(deal.id, linesInput(lines)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['sales', 'deal', deal.id], saved);
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: ['sales'] });
    },
  });
  const money = (minor: number) => formatMoney(minor, deal.currency, i18n.language);
  const productName = (id: string) => products.data?.find((p) => p.id === id)?.name ?? '…';
  const editable = deal.outcome === 'open';
  return (
    <Paper withBorder p="md" data-testid="deal-lines">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('sales.lines.title')}</Title>
          {editable && draft === null && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setDraft(draftsOf(deal.lines))}
              data-testid="edit-lines"
            >
              {t('sales.lines.edit')}
            </Button>
          )}
        </Group>
        {draft !== null ? (
          <>
            <LinesEditor value={draft} onChange={setDraft} />
            {save.isError && <Alert color="red">{describeError(save.error)}</Alert>}
            <Group justify="flex-end">
              <Button size="xs" variant="default" onClick={() => setDraft(null)}>
                {t('sales.actions.cancel')}
              </Button>
              <Button
                size="xs"
                onClick={() => save.mutate(draft)}
                loading={save.isPending}
                data-testid="save-lines"
              >
                {t('sales.lines.save')}
              </Button>
            </Group>
          </>
        ) : deal.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sales.lines.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table data-testid="lines-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sales.lines.product')}</Table.Th>
                  <Table.Th ta="right">{t('sales.lines.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('sales.lines.unitPrice')}</Table.Th>
                  <Table.Th ta="right">{t('sales.lines.discount')}</Table.Th>
                  <Table.Th ta="right">{t('sales.lines.net')}</Table.Th>
                  <Table.Th ta="right">{t('sales.lines.tax')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deal.lines.map((line) => (
                  <Table.Tr key={line.lineNo}>
                    <Table.Td>{productName(line.productId)}</Table.Td>
                    <Table.Td ta="right">{line.quantity}</Table.Td>
                    <Table.Td ta="right">{money(line.unitPrice)}</Table.Td>
                    <Table.Td ta="right">{line.discountPercent ? `${line.discountPercent}%` : '—'}</Table.Td>
                    <Table.Td ta="right">{money(line.net)}</Table.Td>
                    <Table.Td ta="right">{money(line.tax)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={4}>{t('sales.lines.total')}</Table.Th>
                  <Table.Th ta="right" data-testid="lines-net-total">
                    {money(deal.amount)}
                  </Table.Th>
                  <Table.Th ta="right">{money(deal.tax)}</Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th colSpan={4}>{t('sales.lines.gross')}</Table.Th>
                  <Table.Th ta="right" colSpan={2} data-testid="lines-gross-total">
                    {money(deal.amount + deal.tax)}
                  </Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
