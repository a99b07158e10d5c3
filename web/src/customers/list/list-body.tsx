/** The rows of the customer list (a table, or cards on a phone), why there are none, and "Load more". */
import { Alert, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/problem-text';
import type { Customer } from '../../api/types';
import { CustomerCards } from '../customer-cards';
import { CustomerTable } from '../customer-table';

/** What the body shows and the callbacks of its buttons. */
export type BodyProps = {
  customers: Customer[];
  pending: boolean;
  error: Error | null;
  filtered: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onClearFilters: () => void;
};

/** The rows (a table, or cards on a phone), or why there are none, and the "Load more" footer. */
export function CustomerListBody(props: BodyProps) {
  const { t } = useTranslation();
  // Read at once rather than after mount, so a phone never flashes the wide table first.
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { customers, filtered } = props;
  let content;
  if (props.pending) {
    content = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (props.error) {
    content = (
      <Alert color="red" m="md" title={t('errors.title')}>
        {describeError(props.error)}
      </Alert>
    );
  } else if (customers.length === 0) {
    content = (
      <Stack align="center" gap="sm" p="xl" data-testid="customer-empty">
        <Text c="dimmed">{filtered ? t('customers.empty') : t('customers.emptyNoFilter')}</Text>
        {filtered && (
          <Button variant="subtle" onClick={props.onClearFilters}>
            {t('customers.clearFilters')}
          </Button>
        )}
      </Stack>
    );
  } else {
    content = narrow ? <CustomerCards customers={customers} /> : <CustomerTable customers={customers} />;
  }
  return (
    <>
      <Paper withBorder radius="md">
        {content}
      </Paper>
      {customers.length > 0 && (
        <Group justify="center" gap="md">
          {props.hasMore ? (
            <>
              <Text size="sm" c="dimmed">
                {t('customers.shown', { count: customers.length })}
              </Text>
              <Button
                variant="default"
                onClick={props.onLoadMore}
                loading={props.loadingMore}
                data-testid="load-more"
              >
                {t('customers.loadMore')}
              </Button>
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid="all-loaded">
              {t('customers.allLoaded', { count: customers.length })}
            </Text>
          )}
        </Group>
      )}
    </>
  );
}
