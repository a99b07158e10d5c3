/** The deal's quotes (报价单): every sent version with its PDF, and a new version in a chosen language. */
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import type { QuoteLanguage } from '../../../src/modules/crm/quote/quote.contract';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { currentLocale } from '../i18n/i18n';
import { formatMoney } from './sales-format';
import { createQuote, quotePdfUrl, quotesQuery } from './sales-queries';

/** The card: the versions, newest first, and "New quote" when the deal has lines. */
export function QuotesCard({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const quotes = useQuery(quotesQuery(deal.id));
  const canWrite = useCan('customers.write');
  const [language, setLanguage] = useState<QuoteLanguage>(currentLocale());
  const create = useMutation({
    mutationFn: () => createQuote(deal.id, { language }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: quotesQuery(deal.id).queryKey });
    },
  });
  const items = quotes.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="deal-quotes">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('sales.quotes.title')}</Title>
          {canWrite && deal.lines.length > 0 && (
            <Group gap="xs">
              <SegmentedControl
                size="xs"
                value={language}
                onChange={setLanguage}
                data={[
                  { value: 'zh-CN', label: t('sales.quotes.languages.zh-CN') },
                  { value: 'en', label: t('sales.quotes.languages.en') },
                ]}
                aria-label={t('sales.quotes.language')}
                data-testid="quote-language"
              />
              <Button
                size="xs"
                variant="light"
                onClick={() => create.mutate()}
                loading={create.isPending}
                data-testid="new-quote"
              >
                {t('sales.quotes.new')}
              </Button>
            </Group>
          )}
        </Group>
        {create.isError && <Alert color="red">{describeError(create.error)}</Alert>}
        {quotes.isError && <Alert color="red">{describeError(quotes.error)}</Alert>}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {deal.lines.length === 0 ? t('sales.quotes.noLines') : t('sales.quotes.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table data-testid="quotes-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sales.quotes.version')}</Table.Th>
                  <Table.Th>{t('sales.quotes.date')}</Table.Th>
                  <Table.Th ta="right">{t('sales.quotes.total')}</Table.Th>
                  <Table.Th>{t('sales.quotes.language')}</Table.Th>
                  <Table.Th>{t('sales.quotes.by')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((quote) => (
                  <Table.Tr key={quote.id} data-testid="quote-row" data-version={quote.version}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        v{quote.version}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {quote.number}
                      </Text>
                    </Table.Td>
                    <Table.Td>{new Date(quote.createdAt).toLocaleString(i18n.language)}</Table.Td>
                    <Table.Td ta="right">
                      {formatMoney(quote.totals.total, quote.currency, i18n.language)}
                    </Table.Td>
                    <Table.Td>{t(`sales.quotes.languages.${quote.language}`)}</Table.Td>
                    <Table.Td>{quote.createdByName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor
                        href={quotePdfUrl(deal.id, quote.version)}
                        target="_blank"
                        rel="noopener"
                        size="sm"
                        data-testid="quote-pdf"
                      >
                        {t('sales.quotes.pdf')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
