/** Every move of a customer between owners and pools, with its cause. */
import { Alert, Center, Loader, Paper, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/problem-text';
import { userDirectoryQuery } from '../../api/queries';
import { endsOf, type MoveEnd } from '../../pools/move-ends';
import { poolLogQuery, poolsQuery, type PoolMove } from '../../pools/pool-api';
import { useFormat } from '../../shell/use-format';

const actionColors: Partial<Record<PoolMove['action'], string>> = {
  claim: 'teal',
  assign: 'blue',
  transfer: 'blue',
  release: 'orange',
  recall: 'red',
  recall_warning: 'yellow',
};

/** Every move of a customer between owners and pools, with its cause. */
export function PoolLog({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const log = useQuery(poolLogQuery(customerId));
  const moves = log.data ?? [];
  return (
    <Paper withBorder p="lg" radius="md" data-testid="pool-log">
      <Title order={4} mb="md">
        {t('pools.log.title')}
      </Title>
      {log.isPending ? (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      ) : log.isError ? (
        <Alert color="red">{describeError(log.error)}</Alert>
      ) : moves.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('pools.log.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={moves.length - 1}>
          {moves.map((move) => (
            <Timeline.Item
              key={move.id}
              color={actionColors[move.action] ?? 'gray'}
              title={t(`pools.actions.${move.action}`)}
              data-testid="pool-move"
              data-action={move.action}
            >
              <MoveDetails move={move} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

/** "from → to", the cause, and when and by whom. */
function MoveDetails({ move }: { move: PoolMove }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useEndNames();
  const { from, to } = endsOf(move);
  const path = [from, to].filter((end) => end !== null).map(name);
  return (
    <>
      {path.length > 0 && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {from && to ? `${name(from)} → ${name(to)}` : path[0]}
        </Text>
      )}
      {move.cause && (
        <Text size="sm" c="dimmed" fs="italic" style={{ overflowWrap: 'anywhere' }}>
          {move.cause}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={2}>
        {format.dateTime(move.at)} ·{' '}
        {move.actorUserId
          ? t('pools.log.by', { name: name({ kind: 'user', id: move.actorUserId }) })
          : t('pools.log.bySystem')}
      </Text>
    </>
  );
}

/** Names users from the directory and pools from the pool list; an ellipsis while they load. */
function useEndNames(): (end: MoveEnd) => string {
  const { t } = useTranslation();
  const users = useQuery(userDirectoryQuery);
  const pools = useQuery(poolsQuery);
  return (end) => {
    if (end.kind === 'user')
      return users.data?.find((u) => u.id === end.id)?.name ?? (users.isPending ? '…' : end.id);
    return pools.data?.find((p) => p.id === end.id)?.name ?? (pools.isPending ? '…' : t('pools.log.aPool'));
  };
}
