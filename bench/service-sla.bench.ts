/**
 * SLA due-time recomputation (issue 24, "Measure"): see `service-sla.ts`. No database, so it runs
 * once, under the embedded engine's name.
 */
import type { BenchContext, Measurement } from './harness.js';
import { measureSla } from './service-sla.js';

export const engines = ['pglite'] as const;

export function measure(context: BenchContext): Promise<Measurement[]> {
  return Promise.resolve(measureSla(context));
}
