/**
 * The customer page's "Lifecycle" card: the four stages (first contact, POC, in use, expansion) with
 * the current one, the history of moves (by a deal or by hand), and a way to move it by hand.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Stepper,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LIFECYCLE_STAGES,
  type LifecycleChange,
  type LifecycleStage,
} from '../../../src/modules/crm/lifecycle/lifecycle.contract';
import { describeError } from '../api/problem-text';
import { userDirectoryQuery } from '../api/queries';
import { useCan } from '../auth/use-me';
import { useFormat } from '../shell/use-format';
import { lifecycleQuery, moveLifecycle } from './lifecycle-queries';

/** The card. */
export function CustomerLifecycle({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const lifecycle = useQuery(lifecycleQuery(customerId));
  const stage = lifecycle.data?.stage ?? null;
  return (
    <Paper withBorder p="md" data-testid="customer-lifecycle" data-stage={stage ?? ''}>
      <Stack gap="sm">
        <Title order={4}>{t('lifecycle.title')}</Title>
        {lifecycle.isError && <Alert color="red">{describeError(lifecycle.error)}</Alert>}
        <Stepper
          active={stage ? LIFECYCLE_STAGES.indexOf(stage) : -1}
          size="xs"
          orientation={phone ? 'vertical' : 'horizontal'}
          allowNextStepsSelect={false}
        >
          {LIFECYCLE_STAGES.map((s) => (
            <Stepper.Step
              key={s}
              label={t(`lifecycle.stages.${s}`)}
              data-testid="lifecycle-step"
              data-current={s === stage}
            />
          ))}
        </Stepper>
        {lifecycle.data && stage === null && (
          <Text size="sm" c="dimmed">
            {t('lifecycle.none')}
          </Text>
        )}
        {lifecycle.data && <MoveForm customerId={customerId} current={stage} />}
        {lifecycle.data && lifecycle.data.history.length > 0 && (
          <LifecycleHistory history={lifecycle.data.history} />
        )}
      </Stack>
    </Paper>
  );
}

/** Moves the stage by hand, to any stage, with a note; only for those who may edit customers. */
function MoveForm({ customerId, current }: { customerId: string; current: LifecycleStage | null }) {
  const { t } = useTranslation();
  const canWrite = useCan('customers.write');
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<LifecycleStage | null>(null);
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: (to: LifecycleStage) =>
      moveLifecycle(customerId, { stage: to, note: note.trim() || undefined }),
    onSuccess: (saved) => {
      queryClient.setQueryData(lifecycleQuery(customerId).queryKey, saved);
      setStage(null);
      setNote('');
    },
  });
  if (!canWrite) return null;
  const options = LIFECYCLE_STAGES.filter((s) => s !== current).map((s) => ({
    value: s,
    label: t(`lifecycle.stages.${s}`),
  }));
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label={t('lifecycle.moveTo')}
          placeholder={t('lifecycle.pick')}
          data={options}
          value={stage}
          onChange={(value) => setStage(value)}
          size="xs"
          w={180}
          data-testid="lifecycle-stage-select"
        />
        <Textarea
          label={t('lifecycle.note')}
          placeholder={t('lifecycle.notePlaceholder')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={1}
          size="xs"
          style={{ flex: 1, minWidth: 200 }}
          data-testid="lifecycle-note"
        />
        <Button
          size="xs"
          disabled={!stage}
          loading={move.isPending}
          onClick={() => stage && move.mutate(stage)}
          data-testid="lifecycle-move"
        >
          {t('lifecycle.move')}
        </Button>
      </Group>
      {move.isError && <Alert color="red">{describeError(move.error)}</Alert>}
    </Stack>
  );
}

/** The moves, newest first: from → to, by whom and when, from which deal, and the note. */
function LifecycleHistory({ history }: { history: LifecycleChange[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const users = useQuery(userDirectoryQuery);
  const userName = (id: string | null) =>
    id ? (users.data?.find((u) => u.id === id)?.name ?? '—') : t('lifecycle.apiKey');
  const title = (change: LifecycleChange) =>
    change.fromStage
      ? `${t(`lifecycle.stages.${change.fromStage}`)} → ${t(`lifecycle.stages.${change.toStage}`)}`
      : t(`lifecycle.stages.${change.toStage}`);
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase">
        {t('lifecycle.history')}
      </Text>
      <Timeline active={0} bulletSize={12} lineWidth={2}>
        {history.map((change) => (
          <Timeline.Item key={change.id} title={title(change)} data-testid="lifecycle-change">
            <Group gap={6}>
              <Badge size="xs" variant="light" color={change.source === 'deal' ? 'blue' : 'gray'}>
                {t(`lifecycle.sources.${change.source}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('lifecycle.by', { user: userName(change.actorUserId), at: dateTime(change.at) })}
              </Text>
              {change.dealId && (
                <Anchor
                  size="xs"
                  renderRoot={(props) => (
                    <Link {...props} to="/sales/deals/$id" params={{ id: change.dealId! }} />
                  )}
                >
                  {t('lifecycle.openDeal')}
                </Anchor>
              )}
            </Group>
            {change.note && <Text size="sm">{change.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
