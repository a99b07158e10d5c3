/** A source form's state, what is missing from it, and how it becomes the body of a request. */
import type { Source } from '../../../../src/modules/insights/source/source.contract';

/** The events per second a new source accepts unless told otherwise (the server's default too). */
export const DEFAULT_RATE_LIMIT = 2000;

/** The bounds the server checks, repeated so the inputs can enforce them first. */
export const RATE_LIMIT_MAX = 100_000;
export const RETENTION_DAYS_MAX = 3650;

/** What the form holds; the numbers are '' while their input is empty. */
export type SourceDraft = {
  name: string;
  rateLimitPerSecond: number | '';
  keepForever: boolean;
  retentionDays: number | '';
};

/** The draft of a new source: the server's defaults. */
export const emptyDraft: SourceDraft = {
  name: '',
  rateLimitPerSecond: DEFAULT_RATE_LIMIT,
  keepForever: true,
  retentionDays: 365,
};

/** The draft of an existing source. */
export function draftOf(source: Source): SourceDraft {
  return {
    name: source.name,
    rateLimitPerSecond: source.rateLimitPerSecond,
    keepForever: source.retentionDays === null,
    retentionDays: source.retentionDays ?? 365,
  };
}

/** The draft as the API takes it, or the fields left empty (a request would default or keep them). */
export function toInput(
  draft: SourceDraft,
):
  | { ok: true; input: { name: string; rateLimitPerSecond: number; retentionDays: number | null } }
  | { ok: false; missing: ('rateLimitPerSecond' | 'retentionDays')[] } {
  const { rateLimitPerSecond, retentionDays, keepForever } = draft;
  if (rateLimitPerSecond === '' || (!keepForever && retentionDays === '')) {
    return {
      ok: false,
      missing: [
        ...(rateLimitPerSecond === '' ? (['rateLimitPerSecond'] as const) : []),
        ...(!keepForever && retentionDays === '' ? (['retentionDays'] as const) : []),
      ],
    };
  }
  return {
    ok: true,
    input: {
      name: draft.name.trim(),
      rateLimitPerSecond,
      retentionDays: keepForever || retentionDays === '' ? null : retentionDays,
    },
  };
}
