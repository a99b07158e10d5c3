/**
 * The pipeline board (看板) at /sales: one column per stage of the chosen pipeline, the deals as cards.
 * Dragging a card to another column moves the deal there at once and rolls back, with the server's
 * reason, when the move is refused; a won stage wins the deal.
 */
import { Alert, Button, Center, Checkbox, Group, Loader, Select, Stack, Title } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import type { Pipeline } from '../../../src/modules/crm/pipeline/pipeline.contract';
import { describeError } from '../api/problem-text';
import { customerQuery, userDirectoryQuery } from '../api/queries';
import { CUSTOMER_KINDS, type CustomerKind } from '../api/types';
import { useMe } from '../auth/use-me';
import { usePageTitle } from '../shell/use-page-title';
import { Board } from './board';
import { SalesTabs } from './sales-tabs';
import { LoseModal } from './lose-modal';
import { NewDealModal } from './new-deal-modal';
import { boardQuery, moveDeal, pipelinesQuery, winDeal, type BoardFilters } from './sales-queries';
import { defaultText } from './default-names';

/** The pipeline shown first: the default one of the chosen kind (business when none), else the first. */
function firstPipeline(pipelines: Pipeline[], kind: CustomerKind | null): Pipeline | undefined {
  const ofKind = pipelines.filter((p) => p.customerKind === (kind ?? 'business'));
  return ofKind.find((p) => p.isDefault) ?? ofKind[0] ?? pipelines[0];
}

/** The page. */
export function BoardPage() {
  const { t } = useTranslation();
  usePageTitle(t('sales.board.title'));
  const pipelines = useQuery(pipelinesQuery);
  const [kind, setKind] = useState<CustomerKind | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const pipeline =
    pipelines.data?.find((p) => p.id === chosen) ?? (pipelines.data && firstPipeline(pipelines.data, kind));
  if (pipelines.isError) return <Alert color="red">{describeError(pipelines.error)}</Alert>;
  if (!pipelines.data || !pipeline)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  const choices = pipelines.data.filter((p) => kind === null || p.customerKind === kind);
  return (
    <Stack gap="sm" data-testid="sales-board">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2}>{t('sales.board.title')}</Title>
      </Group>
      <SalesTabs />
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Select
          label={t('sales.board.kind')}
          w={150}
          clearable
          placeholder={t('kinds.all')}
          data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={kind}
          onChange={(value) => {
            setKind(value ?? null);
            setChosen(null);
          }}
          data-testid="board-kind"
        />
        <Select
          label={t('sales.board.pipeline')}
          w={220}
          allowDeselect={false}
          data={choices.map((p) => ({ value: p.id, label: defaultText(p.name, t) }))}
          value={pipeline.id}
          onChange={setChosen}
          data-testid="board-pipeline"
        />
        <BoardContent key={pipeline.id} pipeline={pipeline} />
      </Group>
    </Stack>
  );
}

function BoardContent({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const users = useQuery(userDirectoryQuery);
  const [owner, setOwner] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const [creating, setCreating] = useState(false);
  const [losing, setLosing] = useState<Deal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ownerUserId = mine ? me.user.id : (owner ?? undefined);
  const filters: BoardFilters = { pipelineId: pipeline.id, ...(ownerUserId ? { ownerUserId } : {}) };
  const key = boardQuery(filters).queryKey;
  const deals = useQuery(boardQuery(filters));
  const shown = (deals.data ?? []).filter((d) => d.outcome === 'open' || d.outcome === 'won');
  const customerIds = [...new Set(shown.map((d) => d.customerId))];
  const customers = useQueries({
    queries: customerIds.map((id) => ({ ...customerQuery(id), staleTime: 60_000 })),
  });
  const customerNames = new Map(
    customers.flatMap((c) => (c.data ? [[c.data.id, c.data.name] as const] : [])),
  );
  const ownerNames = new Map((users.data ?? []).map((u) => [u.id, u.name] as const));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['sales'] });

  const move = useMutation({
    mutationFn: (input: { id: string; stageId: string }) => moveDeal(input.id, input.stageId),
    onMutate: async (input) => {
      setProblem(null);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData(key);
      queryClient.setQueryData(key, (old: Deal[] | undefined) =>
        old?.map((d) => (d.id === input.id ? { ...d, stageId: input.stageId } : d)),
      );
      return { before };
    },
    onError: (error, _input, context) => {
      queryClient.setQueryData(key, context?.before);
      setProblem(describeError(error));
    },
    onSettled: refresh,
  });
  const win = useMutation({
    mutationFn: (deal: Deal) => winDeal(deal.id),
    onMutate: () => setProblem(null),
    onError: (error) => setProblem(describeError(error)),
    onSettled: refresh,
  });

  return (
    <>
      <Select
        label={t('sales.board.owner')}
        w={180}
        clearable
        disabled={mine}
        placeholder={t('sales.board.anyOwner')}
        data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={owner}
        onChange={setOwner}
        searchable
        data-testid="board-owner"
      />
      <Checkbox
        label={t('sales.board.mine')}
        checked={mine}
        onChange={(event) => setMine(event.currentTarget.checked)}
        mb={8}
        data-testid="board-mine"
      />
      <Button ml="auto" onClick={() => setCreating(true)} data-testid="new-deal">
        {t('sales.newDeal.button')}
      </Button>
      <Stack gap="xs" w="100%">
        {problem && (
          <Alert color="red" withCloseButton onClose={() => setProblem(null)} data-testid="board-problem">
            {problem}
          </Alert>
        )}
        {deals.isError && <Alert color="red">{describeError(deals.error)}</Alert>}
        {deals.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : (
          <Board
            pipeline={pipeline}
            deals={shown}
            customerNames={customerNames}
            ownerNames={ownerNames}
            onMove={(id, stageId) => move.mutate({ id, stageId })}
            onWin={(deal) => win.mutate(deal)}
            onLose={setLosing}
          />
        )}
      </Stack>
      <NewDealModal opened={creating} onClose={() => setCreating(false)} pipelineId={pipeline.id} />
      <LoseModal
        deal={losing}
        onClose={() => setLosing(null)}
        onDone={() => {
          setLosing(null);
          void refresh();
        }}
      />
    </>
  );
}
