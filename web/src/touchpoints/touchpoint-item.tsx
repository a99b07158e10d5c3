/** One entry of a touchpoint timeline: what happened, through which channel, when, and its data on demand. */
import {
  Anchor,
  Badge,
  Code,
  Collapse,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Touchpoint } from '../../../src/modules/insights/timeline/timeline.contract';
import { useRelativeTime } from '../customers/list/relative-time';
import { useFormat } from '../shell/use-format';
import { traitValue } from './person-labels';
import { CHANNEL_COLORS, ChannelIcon } from './touchpoint-channels';

/** JSON as people read it: two-space indents, keys in the order they were sent. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** The page a `page` call describes, if it says: its URL or path. */
function pageAddress(item: Touchpoint): string | null {
  if (item.type !== 'page') return null;
  const { url, path } = item.properties;
  if (typeof url === 'string' && url) return url;
  return typeof path === 'string' && path ? path : null;
}

/** The traits an identify or group call sent, in one line: `name: 孙浩 · plan: pro`. */
function traitsLine(item: Touchpoint): string | null {
  if (!item.traits) return null;
  const entries = Object.entries(item.traits);
  return entries.length === 0
    ? null
    : entries.map(([key, value]) => `${key}: ${traitValue(value)}`).join(' · ');
}

/** A timeline item; the bullet carries the channel's icon and colour. */
export function TouchpointItem({ item, ...rest }: { item: Touchpoint }) {
  return (
    <Timeline.Item
      {...rest}
      bullet={<ChannelIcon channel={item.channel} />}
      color={CHANNEL_COLORS[item.channel]}
      title={<ItemTitle item={item} />}
      data-testid="touchpoint-item"
      data-channel={item.channel}
      data-type={item.type}
      data-event={item.event ?? ''}
    >
      <ItemBody item={item} />
    </Timeline.Item>
  );
}

/** The event name (track), the page or screen name, or the type; then the type and channel badges. */
function ItemTitle({ item }: { item: Touchpoint }) {
  const { t } = useTranslation();
  const name =
    item.event ??
    (item.type === 'group' && item.groupId
      ? t('touchpoints.timeline.groupName', { groupId: item.groupId })
      : t(`touchpoints.types.${item.type}`));
  return (
    <Group gap={6} wrap="wrap" align="center">
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="touchpoint-name">
        {name}
      </Text>
      {/* Without an event name the title already says the type. */}
      {item.event !== null && (
        <Badge size="xs" variant="outline" color="gray" tt="none" data-testid="touchpoint-type">
          {t(`touchpoints.types.${item.type}`)}
        </Badge>
      )}
      <Badge size="xs" variant="light" color={CHANNEL_COLORS[item.channel]} tt="none">
        {t(`touchpoints.channels.${item.channel}`)}
      </Badge>
    </Group>
  );
}

/** When (relative, the exact time on the same line), who, and the properties behind a toggle. */
function ItemBody({ item }: { item: Touchpoint }) {
  const { t } = useTranslation();
  const format = useFormat();
  const relative = useRelativeTime();
  const [open, { toggle }] = useDisclosure(false);
  const summary = pageAddress(item) ?? traitsLine(item);
  const hasTraits = item.traits !== null && Object.keys(item.traits).length > 0;
  return (
    <Stack gap={4} mt={2}>
      <Text size="xs" c="dimmed">
        <Tooltip label={t('touchpoints.timeline.receivedAt', { time: format.dateTime(item.receivedAt) })}>
          <span>{relative(item.timestamp)}</span>
        </Tooltip>
        {' · '}
        <time dateTime={item.timestamp}>{format.dateTime(item.timestamp)}</time>
      </Text>
      {summary && (
        <Text size="xs" c="dimmed" truncate maw={560} data-testid="touchpoint-summary">
          {summary}
        </Text>
      )}
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={toggle}
        aria-expanded={open}
        w="fit-content"
        data-testid="touchpoint-toggle"
      >
        {open ? t('touchpoints.timeline.hideDetails') : t('touchpoints.timeline.showDetails')}
      </Anchor>
      <Collapse expanded={open}>{open && <ItemDetails item={item} showTraits={hasTraits} />}</Collapse>
    </Stack>
  );
}

/** The ids a message carried, and its properties (and traits) as pretty JSON. */
function ItemDetails({ item, showTraits }: { item: Touchpoint; showTraits: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids: [string, string | null][] = [
    [t('touchpoints.fields.userId'), item.userId],
    [t('touchpoints.fields.anonymousId'), item.anonymousId],
    [t('touchpoints.fields.groupId'), item.groupId],
    [t('touchpoints.fields.messageId'), item.messageId],
    [t('touchpoints.fields.receivedAt'), format.dateTime(item.receivedAt)],
  ];
  return (
    <Stack gap="xs" pt={4} data-testid="touchpoint-details">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={2}>
        {ids
          .filter((entry): entry is [string, string] => entry[1] !== null)
          .map(([label, value]) => (
            <Text key={label} size="xs" style={{ overflowWrap: 'anywhere' }}>
              <Text span c="dimmed" size="xs">
                {label}:{' '}
              </Text>
              <Text span ff="monospace" size="xs">
                {value}
              </Text>
            </Text>
          ))}
      </SimpleGrid>
      <Text size="xs" fw={500}>
        {t('touchpoints.fields.properties')}
      </Text>
      <Code block data-testid="touchpoint-properties" style={{ maxHeight: 320, overflow: 'auto' }}>
        {prettyJson(item.properties)}
      </Code>
      {showTraits && (
        <>
          <Text size="xs" fw={500}>
            {t('touchpoints.fields.traits')}
          </Text>
          <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
            {prettyJson(item.traits)}
          </Code>
        </>
      )}
    </Stack>
  );
}
