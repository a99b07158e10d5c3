/**
 * The customers of one pool with search and tier filters; Claim on each row (the server's refusal,
 * such as a limit or a cooldown, shown above the list), and Assign one or many for managers.
 */
import {
  Alert,
  Anchor,
  Button,
  Center,
  Chip,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import type { Customer } from '../api/types';
import { useCan } from '../auth/use-me';
import { SearchIcon } from '../shell/icons';
import { AssignModal, type AssignTarget } from './assign-modal';
import {
  claimCustomer,
  poolCustomersQuery,
  TIER_FILTERS,
  useRefreshCustomers,
  type Pool,
  type TierFilter,
} from './pool-api';
import { PoolCustomerList } from './pool-customer-list';
import { usePoolErrorText } from './pool-errors';

/** What the last claim did, shown above the list until the next one. */
type ClaimOutcome = { ok: true; customer: Customer } | { ok: false; customer: Customer; text: string };

/** The list of one pool. */
export function PoolCustomers({ pool }: { pool: Pool }) {
  const { t } = useTranslation();
  const canClaim = useCan('customers.claim');
  const canAssign = useCan('customers.assign');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [tiers, setTiers] = useState<TierFilter[]>([]);
  const list = useInfiniteQuery({
    ...poolCustomersQuery({ poolId: pool.id, q: q || undefined, tiers }),
    placeholderData: keepPreviousData,
  });
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];
  const selection = useSelection();
  const [assigning, setAssigning] = useState<AssignTarget[]>([]);
  const claim = useClaim();
  const chosen = customers.filter((customer) => selection.selected.has(customer.id));
  const body = list.isPending ? (
    <Center p="xl">
      <Loader size="sm" />
    </Center>
  ) : list.isError ? (
    <Alert color="red" m="md">
      {describeError(list.error)}
    </Alert>
  ) : customers.length === 0 ? (
    <Text c="dimmed" p="xl" ta="center" data-testid="pool-empty">
      {q || tiers.length ? t('pools.emptyFiltered') : t('pools.empty')}
    </Text>
  ) : (
    <PoolCustomerList
      customers={customers}
      canClaim={canClaim}
      canAssign={canAssign}
      selected={selection.selected}
      onSelect={selection.select}
      claimingId={claim.pendingId}
      onClaim={claim.run}
      onAssign={(customer) => setAssigning([customer])}
    />
  );
  return (
    <Stack gap="md">
      <PoolFilters
        text={text}
        onText={setText}
        tiers={tiers}
        onTiers={setTiers}
        loading={list.isPlaceholderData}
      />
      {canAssign && chosen.length > 0 && (
        <Group gap="sm">
          <Button onClick={() => setAssigning(chosen)} data-testid="assign-selected">
            {t('pools.assignSelected', { count: chosen.length })}
          </Button>
          <Button variant="subtle" onClick={selection.clear}>
            {t('pools.clearSelection')}
          </Button>
        </Group>
      )}
      <ClaimMessage outcome={claim.outcome} />
      <Paper withBorder radius="md">
        {body}
      </Paper>
      {customers.length > 0 && (
        <Group justify="center">
          {list.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('pools.loadMore')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('pools.allShown', { count: customers.length })}
            </Text>
          )}
        </Group>
      )}
      <AssignModal targets={assigning} onClose={() => setAssigning([])} onDone={selection.clear} />
    </Stack>
  );
}

/** The search box and the intent tier chips. */
function PoolFilters(props: {
  text: string;
  onText: (text: string) => void;
  tiers: TierFilter[];
  onTiers: (tiers: TierFilter[]) => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <TextInput
        flex="1 1 220px"
        maw={420}
        placeholder={t('pools.search')}
        aria-label={t('pools.searchLabel')}
        leftSection={<SearchIcon size={16} />}
        rightSection={props.loading ? <Loader size={14} /> : null}
        value={props.text}
        onChange={(event) => props.onText(event.currentTarget.value)}
        type="search"
        data-testid="pool-search"
      />
      <Chip.Group
        multiple
        value={props.tiers}
        onChange={(value) => props.onTiers(TIER_FILTERS.filter((tier) => value.includes(tier)))}
      >
        <Group gap={6} aria-label={t('pools.tierFilter')} role="group">
          {TIER_FILTERS.map((tier) => (
            <Chip key={tier} value={tier} size="xs" data-testid={`tier-filter-${tier}`}>
              {tier === 'none' ? t('pools.tierNone') : tier}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Group>
  );
}

/** The ids ticked for a bulk assignment. */
function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return {
    selected,
    select: (ids: string[], on: boolean): void => {
      const next = new Set(selected);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      setSelected(next);
    },
    clear: (): void => setSelected(new Set()),
  };
}

/** Claiming from the list: one at a time, remembering how the last one went. */
function useClaim() {
  const refresh = useRefreshCustomers();
  const errorText = usePoolErrorText();
  const [outcome, setOutcome] = useState<ClaimOutcome | null>(null);
  const mutation = useMutation({
    mutationFn: (customer: Customer) => claimCustomer(customer.id),
    onMutate: () => setOutcome(null),
    onSuccess: async (_claimed, customer) => {
      setOutcome({ ok: true, customer });
      await refresh();
    },
    onError: (error, customer) => setOutcome({ ok: false, customer, text: errorText(error) }),
  });
  return {
    outcome,
    pendingId: mutation.isPending ? (mutation.variables?.id ?? null) : null,
    run: (customer: Customer) => mutation.mutate(customer),
  };
}

function ClaimMessage({ outcome }: { outcome: ClaimOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  const link = (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: outcome.customer.id }} />}
      size="sm"
    >
      {t('pools.openCustomer')}
    </Anchor>
  );
  return outcome.ok ? (
    <Alert color="green" data-testid="claim-success">
      <Group gap="sm">
        <Text size="sm">{t('pools.claimed', { name: outcome.customer.name })}</Text>
        {link}
      </Group>
    </Alert>
  ) : (
    <Alert
      color="red"
      title={t('pools.claimFailed', { name: outcome.customer.name })}
      data-testid="claim-error"
    >
      {outcome.text}
    </Alert>
  );
}
