/**
 * A lead's (or its customer's) source in the interface language: the known sources are translated,
 * the tenant's own words shown as written.
 */
import type { TFunction } from 'i18next';
import { LEAD_SOURCES } from './lead-api';

const known = (source: string): source is (typeof LEAD_SOURCES)[number] =>
  (LEAD_SOURCES as readonly string[]).includes(source);

/** The label of `source`. */
export function sourceLabel(t: TFunction, source: string): string {
  return known(source) ? t(`leads.source.${source}`) : source;
}

/** The source a typed label names: a known source's label gives its key, anything else is the tenant's own word. */
export function sourceOf(t: TFunction, text: string): string {
  const trimmed = text.trim();
  return LEAD_SOURCES.find((source) => t(`leads.source.${source}`) === trimmed) ?? trimmed;
}
