/** Line icons for the entries of the customer timeline, drawn inline like the shell's icons. */
import type { ReactNode } from 'react';
import type { ActivityItem } from '../../../../src/modules/crm/follow-up/follow-up.contract';

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg
      width={14}
      height={14}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

const paths: Record<string, ReactNode> = {
  call: (
    <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />
  ),
  visit: (
    <>
      <path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z" />
      <circle cx="12" cy="10" r="2.5" />
    </>
  ),
  meeting: (
    <>
      <circle cx="9" cy="8" r="3" />
      <path d="M3.5 19c.6-3.2 2.8-5 5.5-5s4.9 1.8 5.5 5" />
      <circle cx="17" cy="9" r="2.2" />
      <path d="M16 14.2c2.3.1 3.9 1.6 4.5 4.3" />
    </>
  ),
  message: <path d="M4 5h16v11H9l-5 4z" />,
  email: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 7l9 6 9-6" />
    </>
  ),
  other: <circle cx="12" cy="12" r="3" />,
  tier_change: <path d="M4 19h5v-5h5V9h5V4" />,
  pool_move: (
    <>
      <path d="M4 8h13l-3-3" />
      <path d="M20 16H7l3 3" />
    </>
  ),
};

/** The icon of a timeline entry: the channel of a follow-up, else its type. */
export function TimelineIcon({ item }: { item: ActivityItem }) {
  const key = item.type === 'follow_up' ? item.channel : item.type;
  return <Svg>{paths[key] ?? paths.other}</Svg>;
}
