/** Consent records per person and purpose: what may be recorded and how they are answered. */
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';

/** What a person may consent to. */
export const CONSENT_PURPOSES = ['marketing', 'analytics'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_STATUSES = ['granted', 'withdrawn'] as const;

/** `PUT /api/consents/{subjectId}/{purpose}`. */
export const RecordConsentInput = z.object({
  status: z.enum(CONSENT_STATUSES),
  /** Where the consent was given or withdrawn: `web-form`, `call`, `import`, … */
  source: z.string().trim().min(1).max(100),
  /** When; defaults to now. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type RecordConsentInput = z.infer<typeof RecordConsentInput>;

export const ConsentParams = z.object({ subjectId: z.uuid(), purpose: z.enum(CONSENT_PURPOSES) });
export const ConsentSubjectParams = z.object({ subjectId: z.uuid() });

/** One consent record. */
export const Consent = z.object({
  id: z.uuid(),
  subjectId: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
  status: z.enum(CONSENT_STATUSES),
  source: z.string(),
  at: z.iso.datetime(),
  recordedBy: z.uuid().nullable(),
});
export type Consent = z.infer<typeof Consent>;

/** A subject's consents: the one in force per purpose (none: not asked) and the full history. */
export const ConsentState = z.object({
  subjectId: z.uuid(),
  current: z.object({ marketing: Consent.nullable(), analytics: Consent.nullable() }),
  history: z.array(Consent),
});
export type ConsentState = z.infer<typeof ConsentState>;

/** The record of `purpose` in force among `records`: the newest (none: never asked). */
function newestOf<T extends Pick<Consent, 'purpose' | 'at'>>(
  records: T[],
  purpose: ConsentPurpose,
): T | undefined {
  return records
    .filter((record) => record.purpose === purpose)
    .reduce<T | undefined>((best, record) => (!best || record.at > best.at ? record : best), undefined);
}

/** True when the newest record of `purpose` among `records` grants it (no record: not granted). */
export function isGranted(
  records: Pick<Consent, 'purpose' | 'status' | 'at'>[],
  purpose: ConsentPurpose,
): boolean {
  return newestOf(records, purpose)?.status === 'granted';
}

/**
 * Whom a consumer leaves out for a purpose: `withdrawn`, the subjects whose consent in force is a
 * withdrawal (a marketing export of the accounts one does business with: opt-out); `not-granted`,
 * also those never asked (segments and campaigns aimed at persons: opt-in).
 */
export const CONSENT_RULES = ['withdrawn', 'not-granted'] as const;
export type ConsentRule = (typeof CONSENT_RULES)[number];

/**
 * The port every consumer of consent calls (exports today; segments and campaigns next): for one
 * purpose and rule, which of a page of subjects must be left out. Made by `consentFilter` in the
 * insights context and handed to other contexts by the composition root.
 */
export type ConsentFilter = {
  purpose: ConsentPurpose;
  rule: ConsentRule;
  /** The subset of `subjectIds` to leave out. */
  excluded(db: Db, tenantId: string, subjectIds: readonly string[]): Promise<Set<string>>;
};

/** Makes the filter of a purpose and rule (the composition root passes this to other contexts). */
export type ConsentFilterFactory = (purpose: ConsentPurpose, rule: ConsentRule) => ConsentFilter;

/** Which of `subjectIds` `rule` leaves out for `purpose`, given their consent records. */
export function excludedSubjects(
  records: Pick<Consent, 'subjectId' | 'purpose' | 'status' | 'at'>[],
  subjectIds: readonly string[],
  purpose: ConsentPurpose,
  rule: ConsentRule,
): Set<string> {
  const bySubject = new Map<string, typeof records>();
  for (const record of records)
    bySubject.set(record.subjectId, [...(bySubject.get(record.subjectId) ?? []), record]);
  const inForce = (id: string) => newestOf(bySubject.get(id) ?? [], purpose)?.status;
  return new Set(
    subjectIds.filter((id) =>
      rule === 'withdrawn' ? inForce(id) === 'withdrawn' : inForce(id) !== 'granted',
    ),
  );
}
