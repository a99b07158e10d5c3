/** Small helpers the benches share to summarise and label what they measured. */
import os from 'node:os';

/** The machine's load average: other work on it makes every number here slower. */
export function loadNote(): string {
  return `load avg ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cpus`;
}

/**
 * The messages of an error and its causes, innermost first: drizzle's "Failed query: <the SQL>" wraps
 * the database's own message, which is the one that says what went wrong.
 */
export function causesOf(error: unknown): string[] {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.unshift(e.message.slice(0, 400));
  return messages.length ? messages : [String(error)];
}

/** The p-th percentile (nearest rank) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function perSecond(count: number, ms: number): number {
  return count / (ms / 1000);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** 1000000 → `1M`, 200000 → `200k`, 1500 → `1.5k`. */
export function countLabel(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}
