/** The few line icons the shell needs, drawn inline so the app carries no icon library. */
import type { ReactNode } from 'react';

/** The props every icon takes. */
export type IconProps = { size?: number };

function Svg({ size = 18, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

/** People: the customer list. */
export function CustomersIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="9" cy="8" r="3.2" />
      <path d="M3.5 19c.6-3.2 2.8-5 5.5-5s4.9 1.8 5.5 5" />
      <circle cx="17" cy="9" r="2.4" />
      <path d="M16 14.2c2.3.1 3.9 1.6 4.5 4.3" />
    </Svg>
  );
}

/** Water in a basin: the public pools (公海) customers wait in. */
export function PoolIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 10h18v5a5 5 0 0 1-5 5H8a5 5 0 0 1-5-5z" />
      <path d="M6 14c1.5 1 3 1 4.5 0s3-1 4.5 0 3 1 3 0" />
      <circle cx="12" cy="5" r="1.6" />
    </Svg>
  );
}

/** A rising line: sales. */
export function SalesIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 17l5.5-5.5 4 4L21 7" />
      <path d="M15 7h6v6" />
    </Svg>
  );
}

/** Bars: insights. */
export function InsightsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 20h16" />
      <rect x="5.5" y="11" width="3" height="6" rx="0.8" />
      <rect x="10.5" y="6" width="3" height="11" rx="0.8" />
      <rect x="15.5" y="9" width="3" height="8" rx="0.8" />
    </Svg>
  );
}

/** A box: the warehouse. */
export function WarehouseIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 3l8 4.5v9L12 21l-8-4.5v-9L12 3z" />
      <path d="M4 7.5l8 4.5 8-4.5M12 12v9" />
    </Svg>
  );
}

/** Sliders: settings. */
export function SettingsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </Svg>
  );
}

/** A plus sign: create something. */
export function PlusIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 5v14M5 12h14" />
    </Svg>
  );
}

/** A magnifier: search. */
export function SearchIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="11" cy="11" r="6.5" />
      <path d="M20 20l-4.2-4.2" />
    </Svg>
  );
}

/** An arrow to the left: back. */
export function BackIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M19 12H5M11 6l-6 6 6 6" />
    </Svg>
  );
}
