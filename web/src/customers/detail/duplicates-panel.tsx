/** Likely duplicates of a customer, the keys they share, and merging them in. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { describeError } from '../../api/problem-text';
import type { Customer, DuplicateCandidate } from '../../api/types';
import { useCan } from '../../auth/use-me';
import { KindBadge } from '../kind-badge';
import { OwnerLabel } from '../list/owner-label';
import { useCustomerLabels } from '../profile/use-customer-labels';
import type { DuplicateList } from '../../../../src/modules/crm/customer/customer.contract';
import { matchLabelKey } from '../duplicate-match';
import type { MergeResult } from '../../../../src/modules/crm/merge/merge.contract';

const path = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

/** The likely duplicates of customer `id`, strongest match first. */
function duplicatesQuery(id: string) {
  return queryOptions({
    queryKey: ['customers', 'duplicates', id],
    queryFn: () => callApi<DuplicateList>('GET', `${path(id)}/duplicates`),
  });
}

/**
 * Merges customers into `intoId`. Everything about customers may have changed (the merged ones are
 * gone, the target gained fields, members and history), so every customer view refreshes, and the
 * committee, people and views that show them too.
 */
function useMergeCustomers(intoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (from: string[]) => callApi<MergeResult>('POST', `${path(intoId)}/merge`, { from }),
    onSuccess: async () => {
      await Promise.all(
        ['customers', 'committee', 'people', 'tiers', 'pools'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}

/**
 * The 查重 panel of the customer page: customers of the whole tenant sharing a phone, email, company
 * name or credit code with this one. Users who may merge tick candidates and merge them into this
 * customer after a confirmation that says what moves.
 */
export function DuplicatesPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const canMerge = useCan('customers.merge');
  const duplicates = useQuery(duplicatesQuery(customer.id));
  const merge = useMergeCustomers(customer.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const items = duplicates.data?.items ?? [];
  const chosen = items.filter((item) => selected.includes(item.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  return (
    <Paper withBorder p="lg" radius="md" data-testid="duplicates-panel">
      <Stack gap="sm">
        <Title order={4}>{t('duplicates.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('duplicates.intro')}
        </Text>
        {duplicates.isPending && <Loader size="sm" />}
        {duplicates.isError && (
          <Alert color="red" title={t('duplicates.loadFailed')}>
            {describeError(duplicates.error)}
          </Alert>
        )}
        {duplicates.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="duplicates-none">
            {t('duplicates.none')}
          </Text>
        )}
        {items.map((candidate) => (
          <CandidateLine
            key={candidate.id}
            candidate={candidate}
            customerName={customer.name}
            selectable={canMerge}
            checked={selected.includes(candidate.id)}
            onCheck={(on) => toggle(candidate.id, on)}
          />
        ))}
        {merge.isSuccess && (
          <Alert color="teal" data-testid="merge-done">
            {t('duplicates.merged', { count: merge.data.merged.length, ...merge.data.repointed })}
          </Alert>
        )}
        {canMerge && items.length > 0 && (
          <Group>
            <Button
              size="xs"
              disabled={chosen.length === 0}
              onClick={() => setConfirming(true)}
              data-testid="merge-open"
            >
              {chosen.length > 1
                ? t('duplicates.mergeCount', { count: chosen.length })
                : t('duplicates.merge')}
            </Button>
          </Group>
        )}
      </Stack>
      <MergeModal
        opened={confirming}
        target={customer}
        sources={chosen}
        pending={merge.isPending}
        error={merge.error}
        onClose={() => {
          merge.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          merge.mutate(
            chosen.map((item) => item.id),
            {
              onSuccess: () => {
                setSelected([]);
                setConfirming(false);
              },
            },
          )
        }
      />
    </Paper>
  );
}

type LineProps = {
  candidate: DuplicateCandidate;
  /** The name of the customer whose duplicates these are, to tell a same name from a similar one. */
  customerName: string;
  selectable: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
};

/** One candidate: a tick box (for those who may merge), its name, kind, shared keys and holder. */
function CandidateLine({ candidate, customerName, selectable, checked, onCheck }: LineProps) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  return (
    <Group gap="xs" wrap="wrap" data-testid="duplicate-line" data-customer-id={candidate.id}>
      {selectable && (
        <Checkbox
          checked={checked}
          onChange={(event) => onCheck(event.currentTarget.checked)}
          aria-label={t('duplicates.select', { name: candidate.name })}
          data-testid="duplicate-select"
        />
      )}
      <Anchor
        renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: candidate.id }} />}
        fw={500}
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
      >
        {candidate.name}
      </Anchor>
      <KindBadge kind={candidate.kind} />
      {candidate.matchedOn.map((key) => (
        <Badge key={key} size="sm" color="orange" variant="outline" tt="none" data-testid="duplicate-key">
          {t(`duplicates.matchedOn.${matchLabelKey(key, customerName, candidate.name)}`)}
        </Badge>
      ))}
      <OwnerLabel customer={candidate} labels={labels} size="xs" />
    </Group>
  );
}

type MergeModalProps = {
  opened: boolean;
  target: Customer;
  sources: DuplicateCandidate[];
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
};

/** The confirmation: which customers disappear into `target`, and that their relations move with them. */
function MergeModal({ opened, target, sources, pending, error, onClose, onConfirm }: MergeModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('duplicates.confirmTitle', { name: target.name })}
      centered
    >
      <Stack gap="sm" data-testid="merge-dialog">
        <Text size="sm">{t('duplicates.confirmIntro', { name: target.name })}</Text>
        <List size="sm" withPadding>
          {sources.map((source) => (
            <List.Item key={source.id}>{source.name}</List.Item>
          ))}
        </List>
        <Text size="sm">{t('duplicates.confirmMoves', { name: target.name })}</Text>
        <Text size="sm" c="dimmed">
          {t('duplicates.confirmOwner', { name: target.name })}
        </Text>
        {error !== null && error !== undefined && (
          <Alert color="red" title={t('duplicates.failed')} data-testid="merge-error">
            {describeError(error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('duplicates.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm} data-testid="merge-confirm">
            {t('duplicates.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
