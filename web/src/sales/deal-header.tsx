/** The deal's header: what it is worth and for whom, and what can happen to it next. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import type { Pipeline } from '../../../src/modules/crm/pipeline/pipeline.contract';
import { describeError } from '../api/problem-text';
import { customerQuery, userDirectoryQuery } from '../api/queries';
import { useFormat } from '../shell/use-format';
import { LoseModal } from './lose-modal';
import { formatMoney } from './sales-format';
import { moveDeal, reopenDeal, winDeal } from './sales-queries';
import { defaultText } from './default-names';

const outcomeColors = { open: 'blue', won: 'teal', lost: 'red', invalid: 'gray' } as const;

type Props = { deal: Deal; pipeline: Pipeline | undefined };

/** The header card. */
export function DealHeader({ deal, pipeline }: Props) {
  const { t, i18n } = useTranslation();
  const { date } = useFormat();
  const customer = useQuery(customerQuery(deal.customerId));
  const users = useQuery(userDirectoryQuery);
  const owner = users.data?.find((u) => u.id === deal.ownerUserId)?.name;
  const money = (minor: number) => formatMoney(minor, deal.currency, i18n.language);
  return (
    <Paper withBorder p="md" data-testid="deal-header">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={2} data-testid="deal-name">
                {deal.name}
              </Title>
              <Badge
                color={outcomeColors[deal.outcome]}
                variant="light"
                data-testid="deal-outcome"
                data-outcome={deal.outcome}
              >
                {t(`sales.outcomes.${deal.outcome}`)}
              </Badge>
            </Group>
            <Anchor
              renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: deal.customerId }} />}
              size="sm"
              data-testid="deal-customer-link"
            >
              {customer.data?.name ?? '…'}
            </Anchor>
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text fw={700} size="xl" data-testid="deal-amount">
              {money(deal.amount)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('sales.deal.tax', { amount: money(deal.tax) })}
            </Text>
          </Stack>
        </Group>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            {t('sales.deal.expectedClose')}: {deal.expectedCloseDate ? date(deal.expectedCloseDate) : '—'}
          </Text>
          <Text size="sm">
            {t('sales.deal.owner')}: {owner ?? t('sales.board.noOwner')}
          </Text>
          {deal.lostReason && (
            <Text size="sm" c="red.7">
              {t('sales.deal.lostReason')}: {deal.lostReason}
            </Text>
          )}
        </Group>
        <DealActions deal={deal} pipeline={pipeline} />
      </Stack>
    </Paper>
  );
}

/** Move, win, lose, reopen: each refreshes the deal and the board. */
function DealActions({ deal, pipeline }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [losing, setLosing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [cancelOrder, setCancelOrder] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['sales'] });
  const act = useMutation({
    mutationFn: (action: { kind: 'move'; stageId: string } | { kind: 'win' } | { kind: 'reopen' }) =>
      action.kind === 'move'
        ? moveDeal(deal.id, action.stageId)
        : action.kind === 'win'
          ? winDeal(deal.id)
          : reopenDeal(deal.id, cancelOrder),
    onSuccess: async () => {
      setReopening(false);
      await refresh();
    },
  });
  const stages = (pipeline?.stages ?? []).filter((s) => !s.lost && s.id !== deal.stageId);
  const open = deal.outcome === 'open';
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" align="flex-end">
        {(open || deal.outcome === 'won') && (
          <Select
            size="xs"
            w={200}
            placeholder={t('sales.actions.move')}
            aria-label={t('sales.actions.move')}
            data={stages
              .filter((s) => open || s.won)
              .map((s) => ({ value: s.id, label: defaultText(s.name, t) }))}
            value={null}
            onChange={(stageId) => stageId && act.mutate({ kind: 'move', stageId })}
            data-testid="deal-move"
          />
        )}
        {open && (
          <>
            <Button
              size="xs"
              color="teal"
              onClick={() => act.mutate({ kind: 'win' })}
              loading={act.isPending}
              data-testid="deal-win"
            >
              {t('sales.actions.win')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => setLosing(true)}
              data-testid="deal-lose"
            >
              {t('sales.actions.lose')}
            </Button>
          </>
        )}
        {!open && (
          <Button size="xs" variant="default" onClick={() => setReopening(true)} data-testid="deal-reopen">
            {t('sales.actions.reopen')}
          </Button>
        )}
      </Group>
      {act.isError && !reopening && <Alert color="red">{describeError(act.error)}</Alert>}
      <LoseModal
        deal={losing ? deal : null}
        onClose={() => setLosing(false)}
        onDone={() => {
          setLosing(false);
          void refresh();
        }}
      />
      <Modal opened={reopening} onClose={() => setReopening(false)} title={t('sales.reopen.title')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('sales.reopen.text')}</Text>
          {deal.orders.length > 0 && (
            <Checkbox
              label={t('sales.reopen.cancelOrder')}
              checked={cancelOrder}
              onChange={(event) => setCancelOrder(event.currentTarget.checked)}
              data-testid="reopen-cancel-order"
            />
          )}
          {act.isError && <Alert color="red">{describeError(act.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReopening(false)}>
              {t('sales.actions.cancel')}
            </Button>
            <Button
              onClick={() => act.mutate({ kind: 'reopen' })}
              loading={act.isPending}
              data-testid="reopen-confirm"
            >
              {t('sales.actions.reopen')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
