/** Consent records per person and purpose: what may be recorded and how they are answered. */
import { z } from 'zod';

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

/** True when the newest record of `purpose` among `records` grants it (no record: not granted). */
export function isGranted(
  records: Pick<Consent, 'purpose' | 'status' | 'at'>[],
  purpose: ConsentPurpose,
): boolean {
  const newest = records
    .filter((record) => record.purpose === purpose)
    .reduce<(typeof records)[number] | undefined>(
      (best, record) => (!best || record.at > best.at ? record : best),
      undefined,
    );
  return newest?.status === 'granted';
}
