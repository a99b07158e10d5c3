/** The customer list: filter by kind, search by name, load more pages as the user asks. */
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { customerSummaryQuery, customersQuery } from '../api/queries';
import { CUSTOMER_KINDS, type Customer } from '../api/types';
import { useCan } from '../auth/use-me';
import { PlusIcon, SearchIcon } from '../shell/icons';
import { usePageTitle } from '../shell/use-page-title';
import { CustomerCards } from './customer-cards';
import { CustomerTable } from './customer-table';
import { KindMix } from './kind-mix';

const route = getRouteApi('/app/customers');

/** The search box's text, written to the address `q` once the user pauses typing. */
function useSearchText(): [string, (text: string) => void] {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  // Only a change of the typed text moves the address; reacting to the address too would fight the
  // "clear filters" button and the back button with a stale debounced value.
  const applied = useRef(debounced);
  useEffect(() => {
    if (applied.current === debounced) return;
    applied.current = debounced;
    void navigate({ search: (prev) => ({ ...prev, q: debounced || undefined }), replace: true });
  }, [debounced, navigate]);
  return [text, setText];
}

/** The page at /customers; the filters live in the address so they survive reloads and links. */
export function CustomerListPage() {
  const { t } = useTranslation();
  usePageTitle(t('customers.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canWrite = useCan('customers.write');
  const [text, setText] = useSearchText();
  // Keep the old rows on screen while a new filter loads, so the table does not flash empty.
  const list = useInfiniteQuery({ ...customersQuery(search), placeholderData: keepPreviousData });
  const summary = useQuery({ ...customerSummaryQuery(search), placeholderData: keepPreviousData });
  const clearFilters = (): void => {
    setText('');
    void navigate({ search: {}, replace: true });
  };
  const chooseKind = (value: string): void => {
    const kind = CUSTOMER_KINDS.find((k) => k === value);
    void navigate({ search: (prev) => ({ ...prev, kind }), replace: true });
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('customers.title')}</Title>
        {canWrite && (
          <Button
            component={Link}
            to="/customers/new"
            leftSection={<PlusIcon size={16} />}
            data-testid="new-customer"
          >
            {t('customers.new')}
          </Button>
        )}
      </Group>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={search.kind ?? 'all'}
          onChange={chooseKind}
          aria-label={t('customers.kindFilter')}
          data-testid="kind-filter"
          data={(['all', ...CUSTOMER_KINDS] as const).map((kind) => {
            const count = summary.data && (kind === 'all' ? summary.data.total : summary.data.byKind[kind]);
            const label = t(`kinds.${kind}`);
            return {
              value: kind,
              label: count === undefined ? label : t('customers.kindCount', { label, count }),
            };
          })}
        />
        <TextInput
          flex="1 1 240px"
          maw={420}
          placeholder={t('customers.search')}
          aria-label={t('customers.searchLabel')}
          leftSection={<SearchIcon size={16} />}
          rightSection={list.isPlaceholderData ? <Loader size={14} /> : null}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          type="search"
          data-testid="customer-search"
        />
      </Group>
      {summary.data && !search.kind && <KindMix summary={summary.data} onChoose={chooseKind} />}
      <CustomerListBody
        customers={list.data?.pages.flatMap((page) => page.items) ?? []}
        pending={list.isPending}
        error={list.error}
        filtered={search.kind !== undefined || search.q !== undefined}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        onClearFilters={clearFilters}
      />
    </Stack>
  );
}

type BodyProps = {
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
function CustomerListBody(props: BodyProps) {
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
