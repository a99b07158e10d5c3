/** How a CDP person is named on screen, from the traits it sent. */
import type { PersonSummary } from '../../../src/modules/insights/timeline/timeline.contract';

/** A trait as text when it is a non-empty string or a number, else null. */
export function traitText(traits: Record<string, unknown>, key: string): string | null {
  const value = traits[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  return typeof value === 'number' ? String(value) : null;
}

/** The name a person gave, else their email, else their user id; null for an anonymous visitor. */
export function personName(person: Pick<PersonSummary, 'traits' | 'userId'>): string | null {
  return traitText(person.traits, 'name') ?? traitText(person.traits, 'email') ?? person.userId;
}

/** A trait value for a table cell: text as is, anything else as compact JSON. */
export function traitValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
