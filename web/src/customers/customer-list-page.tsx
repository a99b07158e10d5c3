/**
 * The customer list: filter by kind, intent tier, owner, pool and value tier, search by name, sort,
 * save the filters as a view, import and export, and load more pages as the user asks.
 */
import { Box, Button, Group, Loader, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerSummaryQuery, customersQuery } from '../api/queries';
import { CUSTOMER_KINDS } from '../api/types';
import { useCan, useMe } from '../auth/use-me';
import type { CustomerListSearch } from './list/list-search';
import { PlusIcon, SearchIcon } from '../shell/icons';
import { usePageTitle } from '../shell/use-page-title';
import { KindMix } from './kind-mix';
import { CustomerListBody } from './list/list-body';
import { IntentTierChips, OtherFilterBadges, OwnershipFilters, type SetFilter } from './list/list-filters';
import { exportHref, isFiltered, parseCustomerListSearch, toApiFilters } from './list/list-search';
import { SavedViewsMenu } from './list/saved-views-menu';

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
  const me = useMe();
  const [text, setText] = useSearchText();
  const filters = toApiFilters(search, me.user.id);
  // Keep the old rows on screen while a new filter loads, so the table does not flash empty.
  const list = useInfiniteQuery({ ...customersQuery(filters), placeholderData: keepPreviousData });
  const summary = useQuery({ ...customerSummaryQuery(filters), placeholderData: keepPreviousData });
  const replaceSearch = (next: CustomerListSearch): void => {
    setText(next.q ?? '');
    void navigate({ search: next, replace: true });
  };
  const setFilter: SetFilter = (key, value) =>
    void navigate({ search: (prev) => ({ ...prev, [key]: value }), replace: true });
  const chooseKind = (value: string): void =>
    setFilter(
      'kind',
      CUSTOMER_KINDS.find((k) => k === value),
    );
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2}>{t('customers.title')}</Title>
        <ListActions
          search={search}
          exportLink={exportHref(filters)}
          onApplyView={(viewFilters) => replaceSearch(parseCustomerListSearch(viewFilters))}
        />
      </Group>
      <Group gap="sm" wrap="wrap" align="flex-end">
        {/* On a phone the four kinds are wider than the screen: they scroll rather than get cut off. */}
        <Box maw="100%" style={{ overflowX: 'auto' }}>
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
        </Box>
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
      <Group gap="md" wrap="wrap" align="flex-end">
        <IntentTierChips search={search} summary={summary.data} setFilter={setFilter} />
        <OwnershipFilters search={search} setFilter={setFilter} />
      </Group>
      <OtherFilterBadges search={search} setFilter={setFilter} />
      {summary.data && !search.kind && <KindMix summary={summary.data} onChoose={chooseKind} />}
      <CustomerListBody
        customers={list.data?.pages.flatMap((page) => page.items) ?? []}
        pending={list.isPending}
        error={list.error}
        filtered={isFiltered(search)}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        onClearFilters={() => replaceSearch({})}
      />
    </Stack>
  );
}

/** Views, import, export and "New customer", each only for roles that may use it. */
function ListActions({
  search,
  exportLink,
  onApplyView,
}: {
  search: CustomerListSearch;
  exportLink: string;
  onApplyView: (filters: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('customers.write');
  const canImport = useCan('customers.import');
  const canExport = useCan('customers.export');
  return (
    <Group gap="xs" wrap="wrap">
      <SavedViewsMenu search={search} onApply={onApplyView} />
      {canImport && (
        <Button component={Link} to="/customers/import" variant="default" data-testid="import-customers">
          {t('customers.import')}
        </Button>
      )}
      {canExport && (
        <Button component="a" href={exportLink} download variant="default" data-testid="export-customers">
          {t('customers.export')}
        </Button>
      )}
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
  );
}
