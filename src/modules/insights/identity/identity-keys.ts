/**
 * The identifiers a message names, as identity keys: what identity resolution looks persons up by.
 * Email and phone count only from an identify's traits (a group's traits describe the account) and
 * only in the CRM's normalised form, so a person is found however the address was typed.
 */
import type { TouchpointMessage } from '../message/message.contract.js';

/** What a person may be known by (`person_identities.kind`). */
export const IDENTITY_KINDS = ['user_id', 'anonymous_id', 'email', 'phone'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** One identity of a person. */
export type IdentityRef = { kind: IdentityKind; value: string };

/** The map key of an identity, e.g. `user_id:42` (kinds hold no colon, so keys cannot collide). */
export const identityKey = (ref: IdentityRef): string => `${ref.kind}:${ref.value}`;

/** One identifier besides the userId: the keys it may already be known by, in order, and the identity to add when none is. */
export type MessageIdentifier = { lookups: IdentityRef[]; create: IdentityRef };

/** Everything that names the person behind one message. */
export type MessageIdentity = {
  userId: string | null;
  /** Strongest first: anonymousId, alias previousId, email, phone. */
  others: MessageIdentifier[];
  /** The CRM contact a domain event names. */
  crmPersonId: string | null;
};

/** The CRM's normalisations of email addresses and phone numbers. */
export type ContactKeyMakers = {
  emailKey(raw: string): string | undefined;
  phoneKey(raw: string): string | undefined;
};

const single = (ref: IdentityRef): MessageIdentifier => ({ lookups: [ref], create: ref });

/** The contact keys in an identify's traits (`email`, `phone`), normalised; undefined when absent or malformed. */
export function traitContactKeys(
  traits: Record<string, unknown> | null,
  makers: ContactKeyMakers,
): { emailKey?: string; phoneKey?: string } {
  const email = traits?.email;
  const phone = traits?.phone;
  return {
    emailKey: typeof email === 'string' ? makers.emailKey(email) : undefined,
    phoneKey: typeof phone === 'string' ? makers.phoneKey(phone) : undefined,
  };
}

/**
 * The identifiers of `message`. An alias's previousId may be an earlier userId or an anonymousId,
 * so it is looked up as both; unknown, it is kept as an anonymousId.
 */
export function identifiersOf(message: TouchpointMessage, makers: ContactKeyMakers): MessageIdentity {
  const others: MessageIdentifier[] = [];
  if (message.anonymousId) others.push(single({ kind: 'anonymous_id', value: message.anonymousId }));
  const previous = message.type === 'alias' ? message.previousId : null;
  if (previous && previous !== message.userId && previous !== message.anonymousId) {
    others.push({
      lookups: [
        { kind: 'user_id', value: previous },
        { kind: 'anonymous_id', value: previous },
      ],
      create: { kind: 'anonymous_id', value: previous },
    });
  }
  if (message.type === 'identify') {
    const keys = traitContactKeys(message.traits, makers);
    if (keys.emailKey) others.push(single({ kind: 'email', value: keys.emailKey }));
    if (keys.phoneKey) others.push(single({ kind: 'phone', value: keys.phoneKey }));
  }
  return { userId: message.userId || null, others, crmPersonId: message.crmPersonId ?? null };
}
