/**
 * A touchpoint timeline, newest first: channel chips and an event-name filter above, "load more" below.
 * The same component serves customers, CRM contacts and CDP persons; only the events address differs.
 */
import {
  Alert,
  Box,
  Button,
  Center,
  Chip,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { SearchIcon } from '../shell/icons';
import { CHANNEL_COLORS, CHANNELS, ChannelIcon, type Channel } from './touchpoint-channels';
import { TouchpointItem } from './touchpoint-item';
import { touchpointsQuery, type TouchpointFilters } from './touchpoint-queries';

type Props = {
  /** The events address, e.g. `eventsPath.customer(id)`. */
  path: string;
  /** Defaults to "Touchpoint timeline". */
  title?: string;
};

/** The timeline with its filters; the filters are this component's own, so each page starts unfiltered. */
export function TouchpointTimeline({ path, title }: Props) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel | undefined>(undefined);
  const [eventText, setEventText] = useState('');
  const [event] = useDebouncedValue(eventText.trim(), 300);
  const filters: TouchpointFilters = { channel, event: event || undefined };
  // Old entries stay on screen while a new filter loads, so the list does not flash empty.
  const timeline = useInfiniteQuery({
    ...touchpointsQuery(path, filters),
    placeholderData: keepPreviousData,
  });
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = channel !== undefined || event !== '';
  return (
    <Paper withBorder p="lg" radius="md" data-testid="touchpoint-timeline">
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="sm" wrap="wrap">
          <Title order={4}>{title ?? t('touchpoints.timeline.title')}</Title>
          <TextInput
            size="xs"
            w={240}
            maw="100%"
            leftSection={<SearchIcon size={14} />}
            placeholder={t('touchpoints.timeline.eventFilter')}
            aria-label={t('touchpoints.timeline.eventFilter')}
            value={eventText}
            onChange={(change) => setEventText(change.currentTarget.value)}
            data-testid="touchpoint-event-filter"
          />
        </Group>
        <ChannelChips value={channel} onChange={setChannel} />
        {timeline.isPending ? (
          <Center p="lg">
            <Loader size="sm" />
          </Center>
        ) : timeline.isError ? (
          <Alert color="red" title={t('touchpoints.timeline.loadFailed')}>
            {describeError(timeline.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" py="md" ta="center" data-testid="touchpoint-empty">
            {filtered ? t('touchpoints.timeline.emptyFiltered') : t('touchpoints.timeline.empty')}
          </Text>
        ) : (
          <Stack gap="md" style={{ opacity: timeline.isPlaceholderData ? 0.6 : 1 }}>
            <Timeline active={items.length} bulletSize={26} lineWidth={2}>
              {items.map((item) => (
                <TouchpointItem key={item.id} item={item} />
              ))}
            </Timeline>
            <Group justify="center" gap="md">
              {timeline.hasNextPage ? (
                <>
                  <Text size="sm" c="dimmed">
                    {t('touchpoints.timeline.shown', { count: items.length })}
                  </Text>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => void timeline.fetchNextPage()}
                    loading={timeline.isFetchingNextPage}
                    data-testid="touchpoint-load-more"
                  >
                    {t('touchpoints.timeline.loadMore')}
                  </Button>
                </>
              ) : (
                <Text size="sm" c="dimmed" data-testid="touchpoint-all-loaded">
                  {t('touchpoints.timeline.allLoaded', { count: items.length })}
                </Text>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** "All" and one chip per channel; on a phone the row scrolls instead of wrapping into a wall. */
function ChannelChips({
  value,
  onChange,
}: {
  value: Channel | undefined;
  onChange: (next?: Channel) => void;
}) {
  const { t } = useTranslation();
  return (
    <Box style={{ overflowX: 'auto' }} pb={2}>
      <Chip.Group
        multiple={false}
        value={value ?? 'all'}
        onChange={(next) => onChange(CHANNELS.find((candidate) => candidate === next))}
      >
        <Group gap={6} wrap="nowrap" role="radiogroup" aria-label={t('touchpoints.timeline.channelFilter')}>
          <Chip value="all" size="xs" wrapperProps={{ 'data-testid': 'touchpoint-channel-all' }}>
            {t('touchpoints.timeline.allChannels')}
          </Chip>
          {CHANNELS.map((channel) => (
            <Chip
              key={channel}
              value={channel}
              size="xs"
              color={CHANNEL_COLORS[channel]}
              icon={<ChannelIcon channel={channel} size={12} />}
              wrapperProps={{ 'data-testid': `touchpoint-channel-${channel}` }}
            >
              {t(`touchpoints.channels.${channel}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Box>
  );
}
