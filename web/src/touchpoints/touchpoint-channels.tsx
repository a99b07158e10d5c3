/** The channels a touchpoint comes through, each with its colour and line icon, and the message types. */
import type { ReactNode } from 'react';
import type { Touchpoint } from '../../../src/modules/insights/timeline/timeline.contract';

/** Where a touchpoint came from: a source kind, or the part of Kehu that recorded it. */
export type Channel = Touchpoint['channel'];

/** A Segment message type. */
export type MessageType = Touchpoint['type'];

/** Every channel, in the order the filter chips show them. */
export const CHANNELS = [
  'web',
  'app',
  'mini_program',
  'server',
  'offline',
  'sales',
  'service',
  'warehouse',
  'marketing',
] as const satisfies readonly Channel[];

/** Every message type. */
export const MESSAGE_TYPES = [
  'track',
  'page',
  'screen',
  'identify',
  'group',
  'alias',
] as const satisfies readonly MessageType[];

// Fails to compile when the server adds a channel or a type this list lacks.
type Covers<List extends readonly string[], Union extends string> = [Exclude<Union, List[number]>] extends [
  never,
]
  ? true
  : false;
const complete: [Covers<typeof CHANNELS, Channel>, Covers<typeof MESSAGE_TYPES, MessageType>] = [true, true];
void complete;

/** The Mantine colour of each channel, for the bullet and the badge. */
export const CHANNEL_COLORS: Record<Channel, string> = {
  web: 'blue',
  app: 'indigo',
  mini_program: 'green',
  server: 'gray',
  offline: 'orange',
  sales: 'teal',
  service: 'cyan',
  warehouse: 'yellow',
  marketing: 'grape',
};

const paths: Record<Channel, ReactNode> = {
  web: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.4 2.6 3.5 5.4 3.5 8.5s-1.1 5.9-3.5 8.5c-2.4-2.6-3.5-5.4-3.5-8.5s1.1-5.9 3.5-8.5z" />
    </>
  ),
  app: (
    <>
      <rect x="7" y="3" width="10" height="18" rx="2" />
      <path d="M11 18h2" />
    </>
  ),
  mini_program: (
    <>
      <rect x="4" y="4" width="7" height="7" rx="1.5" />
      <rect x="13" y="4" width="7" height="7" rx="1.5" />
      <rect x="4" y="13" width="7" height="7" rx="1.5" />
      <circle cx="16.5" cy="16.5" r="3.5" />
    </>
  ),
  server: (
    <>
      <rect x="4" y="4" width="16" height="7" rx="1.5" />
      <rect x="4" y="13" width="16" height="7" rx="1.5" />
      <path d="M8 7.5h.01M8 16.5h.01" />
    </>
  ),
  offline: (
    <>
      <path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z" />
      <circle cx="12" cy="10" r="2.5" />
    </>
  ),
  sales: (
    <>
      <path d="M3 17l5.5-5.5 4 4L21 7" />
      <path d="M15 7h6v6" />
    </>
  ),
  service: (
    <>
      <path d="M4 14v-2a8 8 0 0 1 16 0v2" />
      <rect x="3" y="14" width="4" height="6" rx="1.5" />
      <rect x="17" y="14" width="4" height="6" rx="1.5" />
    </>
  ),
  warehouse: (
    <>
      <path d="M12 3l8 4.5v9L12 21l-8-4.5v-9L12 3z" />
      <path d="M4 7.5l8 4.5 8-4.5M12 12v9" />
    </>
  ),
  marketing: (
    <>
      <path d="M4 10v4h3l7 4V6L7 10H4z" />
      <path d="M17.5 9a4 4 0 0 1 0 6" />
    </>
  ),
};

/** The line icon of a channel, sized for a timeline bullet or a chip. */
export function ChannelIcon({ channel, size = 14 }: { channel: Channel; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {paths[channel]}
    </svg>
  );
}
