/** The customer's timeline: follow-ups, tier changes and moves, newest first, with a follow-up form. */
import { Button, Divider, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerQuery, userDirectoryQuery } from '../../api/queries';
import { useCan, useMe } from '../../auth/use-me';
import type { ActivityItem } from '../../../../src/modules/crm/follow-up/follow-up.contract';
import { useFormat } from '../../shell/use-format';
import { FollowUpForm } from '../tiers/follow-up-form';
import { describeTierError } from '../tiers/tier-errors';
import { timelineQuery } from '../tiers/tier-queries';
import { useTierTexts } from '../tiers/tier-texts';
import { TimelineIcon } from '../tiers/timeline-icons';

/** The kinds of entry this version knows; newer servers may send more, which are skipped. */
const KNOWN_TYPES: readonly string[] = ['follow_up', 'tier_change', 'pool_move'];

/** Pool moves the interface has words for; others read "moved". */
const ACTIONS = [
  'create',
  'claim',
  'assign',
  'transfer',
  'release',
  'recall',
  'recall_warning',
  'merge',
  'import',
] as const;

const bulletColors: Record<ActivityItem['type'], string> = {
  follow_up: 'blue',
  tier_change: 'grape',
  pool_move: 'gray',
};

/** The customer's timeline: follow-ups, tier changes and moves, newest first, with a follow-up form. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = useCan('customers.write');
  const customer = useQuery(customerQuery(customerId));
  const timeline = useInfiniteQuery(timelineQuery(customerId));
  // Pool customers are followed up by whoever claims them; the server says the same.
  const canFollowUp =
    canWrite && customer.data !== undefined && (!customer.data.poolId || me.scope === 'all');
  const items = (timeline.data?.pages.flatMap((page) => page.items) ?? []).filter((item) =>
    KNOWN_TYPES.includes(item.type),
  );
  return (
    <Paper withBorder p="lg" radius="md" data-testid="customer-timeline">
      <Title order={4} mb="md">
        {t('tiers.timeline.title')}
      </Title>
      {canFollowUp && (
        <>
          <FollowUpForm customerId={customerId} />
          <Divider my="lg" />
        </>
      )}
      {timeline.isPending ? (
        <Loader size="sm" />
      ) : timeline.isError ? (
        <Text c="red">{describeTierError(timeline.error, t)}</Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="timeline-empty">
          {t('tiers.timeline.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          <Timeline active={items.length} bulletSize={26} lineWidth={2}>
            {items.map((item) => (
              <Timeline.Item
                key={item.id}
                bullet={<TimelineIcon item={item} />}
                color={bulletColors[item.type]}
                title={<EntryTitle item={item} />}
                data-testid="timeline-item"
                data-type={item.type}
              >
                <EntryBody item={item} />
              </Timeline.Item>
            ))}
          </Timeline>
          {timeline.hasNextPage && (
            <Button
              variant="default"
              size="xs"
              onClick={() => void timeline.fetchNextPage()}
              loading={timeline.isFetchingNextPage}
              data-testid="timeline-load-more"
            >
              {t('tiers.timeline.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** The first line of an entry: the channel, the tier change or the move. */
function EntryTitle({ item }: { item: ActivityItem }) {
  const { t } = useTranslation();
  const texts = useTierTexts();
  const title =
    item.type === 'follow_up'
      ? t(`tiers.timeline.channels.${item.channel}`)
      : item.type === 'tier_change'
        ? t('tiers.timeline.tierChange', {
            dimension: t(`tiers.dimensions.${item.dimension}`),
            from: texts.tierOrUnset(item.dimension, item.from),
            to: texts.tierOrUnset(item.dimension, item.to),
          })
        : t('tiers.timeline.poolMove', {
            action: t(`tiers.timeline.actions.${ACTIONS.find((known) => known === item.action) ?? 'other'}`),
          });
  return (
    <Text size="sm" fw={500}>
      {title}
    </Text>
  );
}

/** Who, when, and the entry's text: the note, the reason, or the move's people and cause. */
function EntryBody({ item }: { item: ActivityItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useQuery(userDirectoryQuery);
  const name = (id: string | null): string =>
    id ? (users.data?.find((user) => user.id === id)?.name ?? '…') : t('tiers.timeline.system');
  const text =
    item.type === 'follow_up'
      ? item.note
      : item.type === 'tier_change'
        ? item.reason
        : [
            item.fromUserId ? t('tiers.timeline.moveFrom', { name: name(item.fromUserId) }) : null,
            item.toUserId ? t('tiers.timeline.moveTo', { name: name(item.toUserId) }) : null,
            item.cause,
          ]
            .filter(Boolean)
            .join(' · ');
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {format.dateTime(item.at)} · {t('tiers.timeline.by', { name: name(item.userId) })}
      </Text>
      {text && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Text>
      )}
    </Stack>
  );
}
