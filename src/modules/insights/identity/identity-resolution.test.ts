import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageIdentifier, MessageIdentity } from './identity-keys.js';
import { identityKey } from './identity-keys.js';
import { resolveIdentities, type KnownPerson, type ResolveInput } from './identity-resolution.js';

const anon = (value: string): MessageIdentifier => ({
  lookups: [{ kind: 'anonymous_id', value }],
  create: { kind: 'anonymous_id', value },
});
const email = (value: string): MessageIdentifier => ({
  lookups: [{ kind: 'email', value }],
  create: { kind: 'email', value },
});
const msg = (userId: string | null, ...others: MessageIdentifier[]): MessageIdentity => ({
  userId,
  others,
  crmPersonId: null,
});

function input(messages: MessageIdentity[], stored: Partial<ResolveInput> = {}): ResolveInput {
  let seq = 0;
  return {
    messages,
    identities: new Map(),
    persons: new Map(),
    crmPersons: new Map(),
    newId: () => `new-${seq++}`,
    ...stored,
  };
}

const person = (id: string, fields: Partial<KnownPerson> = {}): KnownPerson => ({
  id,
  mergedInto: null,
  userId: null,
  crmPersonId: null,
  createdAt: new Date(`2026-01-0${id.length % 9 || 1}T00:00:00Z`),
  ...fields,
});

describe('resolveIdentities', () => {
  it('makes one new person for a message and adds its ids', () => {
    const result = resolveIdentities(input([msg('u1', anon('a1'))]));
    expect(result.created).toEqual([{ id: 'new-0', userId: 'u1', crmPersonId: null }]);
    expect(result.personIds).toEqual(['new-0']);
    expect(result.identities.map((r) => [identityKey(r), r.personId])).toEqual([
      ['user_id:u1', 'new-0'],
      ['anonymous_id:a1', 'new-0'],
    ]);
  });

  it('merges two stored persons an identify names, the older surviving with the userId', () => {
    const older = person('p-old', { createdAt: new Date('2025-01-01') });
    const younger = person('p-young', { userId: 'u1', createdAt: new Date('2025-06-01') });
    const result = resolveIdentities(
      input([msg('u1', anon('a1'))], {
        identities: new Map([
          ['anonymous_id:a1', 'p-old'],
          ['user_id:u1', 'p-young'],
        ]),
        persons: new Map([
          [older.id, older],
          [younger.id, younger],
        ]),
      }),
    );
    expect(result.merges).toEqual([{ loserId: 'p-young', survivorId: 'p-old' }]);
    expect(result.updates.get('p-old')).toEqual({ userId: 'u1', crmPersonId: null });
    expect(result.personIds).toEqual(['p-old']);
    expect(result.created).toEqual([]);
    expect([...result.touched].sort()).toEqual(['p-old', 'p-young']);
  });

  it('does not merge persons with different userIds; the message goes to its own userId', () => {
    const other = person('p-other', { userId: 'u2' });
    const result = resolveIdentities(
      input([msg('u1', anon('a1'), email('x@example.com'))], {
        identities: new Map([['anonymous_id:a1', 'p-other']]),
        persons: new Map([[other.id, other]]),
      }),
    );
    expect(result.merges).toEqual([]);
    expect(result.personIds).toEqual(['new-0']);
    // The unknown email joins the message's person; the anonymous id stays where it was.
    expect(result.identities.map((r) => [identityKey(r), r.personId])).toEqual([
      ['user_id:u1', 'new-0'],
      ['email:x@example.com', 'new-0'],
    ]);
  });

  it('lets a stored person survive a person the same batch created', () => {
    const stored = person('p-stored');
    const result = resolveIdentities(
      input([msg(null, anon('fresh')), msg(null, anon('fresh'), email('known@example.com'))], {
        identities: new Map([['email:known@example.com', 'p-stored']]),
        persons: new Map([[stored.id, stored]]),
      }),
    );
    expect(result.personIds).toEqual(['p-stored', 'p-stored']);
    expect(result.created).toEqual([]);
    expect(result.merges).toEqual([]);
    expect(result.identities).toEqual([{ kind: 'anonymous_id', value: 'fresh', personId: 'p-stored' }]);
  });

  it('follows stored merge chains to the survivor', () => {
    const persons = new Map([
      ['p1', person('p1', { mergedInto: 'p2' })],
      ['p2', person('p2', { mergedInto: 'p3' })],
      ['p3', person('p3', { userId: 'u3' })],
    ]);
    const result = resolveIdentities(
      input([msg(null, anon('a1'))], { identities: new Map([['anonymous_id:a1', 'p1']]), persons }),
    );
    expect(result.personIds).toEqual(['p3']);
    expect(result.touched.size).toBe(0);
  });

  it('looks an alias previousId up as a userId, then as an anonymous id', () => {
    const previous: MessageIdentifier = {
      lookups: [
        { kind: 'user_id', value: 'old' },
        { kind: 'anonymous_id', value: 'old' },
      ],
      create: { kind: 'anonymous_id', value: 'old' },
    };
    const known = person('p-anon');
    const result = resolveIdentities(
      input([msg('u-new', previous)], {
        identities: new Map([['anonymous_id:old', 'p-anon']]),
        persons: new Map([[known.id, known]]),
      }),
    );
    expect(result.personIds).toEqual(['p-anon']);
    expect(result.updates.get('p-anon')?.userId).toBe('u-new');
  });

  it('gives a contact-only message the person linked to the contact, or one new person per contact', () => {
    const only = (crmPersonId: string): MessageIdentity => ({ userId: null, others: [], crmPersonId });
    const linked = person('p-linked', { crmPersonId: 'c1' });
    const result = resolveIdentities(
      input([only('c1'), only('c2'), only('c2'), msg(null)], {
        crmPersons: new Map([['c1', 'p-linked']]),
        persons: new Map([[linked.id, linked]]),
      }),
    );
    expect(result.personIds).toEqual(['p-linked', 'new-0', 'new-0', null]);
    expect(result.created).toEqual([{ id: 'new-0', userId: null, crmPersonId: 'c2' }]);
  });

  it('asks for the same new id again when resolving again with the same first identity', () => {
    const ids = new Map<string, string>();
    const newId = (key: string) => ids.get(key) ?? (ids.set(key, `id-for-${key}`), `id-for-${key}`);
    const first = resolveIdentities({ ...input([msg(null, anon('a1'))]), newId });
    const again = resolveIdentities({ ...input([msg(null, anon('a1'))]), newId });
    expect(first.personIds).toEqual(['id-for-anonymous_id:a1']);
    expect(again.personIds).toEqual(first.personIds);
  });
});

// Property: whatever the messages (small id universes, so ids collide a lot), the outcome keeps the
// rules: one person per userId, every identity on exactly one person, each message's person carries
// its userId, and every identity a message names ends on its person unless a different userId holds it.
const arbitraryMessage = fc.record({
  userId: fc.option(fc.constantFrom('u1', 'u2', 'u3'), { nil: null }),
  anonymous: fc.option(fc.constantFrom('a1', 'a2', 'a3', 'a4'), { nil: null }),
  email: fc.option(fc.constantFrom('e1', 'e2'), { nil: null }),
});

describe('resolveIdentities (property)', () => {
  it('keeps the identity rules for any batch', () => {
    fc.assert(
      fc.property(fc.array(arbitraryMessage, { minLength: 1, maxLength: 12 }), (raw) => {
        const messages = raw
          .map((m) =>
            msg(m.userId, ...(m.anonymous ? [anon(m.anonymous)] : []), ...(m.email ? [email(m.email)] : [])),
          )
          .filter((m) => m.userId || m.others.length > 0);
        const result = resolveIdentities(input(messages));
        const owner = new Map(result.identities.map((r) => [identityKey(r), r.personId]));
        expect(owner.size).toBe(result.identities.length);
        const userOf = new Map(result.created.map((p) => [p.id, p.userId]));
        const personOfUser = new Map<string, string>();
        for (const [id, userId] of userOf) {
          if (!userId) continue;
          expect(personOfUser.get(userId) ?? id).toBe(id);
          personOfUser.set(userId, id);
          expect(owner.get(`user_id:${userId}`)).toBe(id);
        }
        messages.forEach((m, index) => {
          const id = result.personIds[index]!;
          expect(userOf.has(id)).toBe(true);
          if (m.userId) expect(userOf.get(id)).toBe(m.userId);
          for (const other of m.others) {
            const holder = owner.get(identityKey(other.create))!;
            const holderUser = userOf.get(holder);
            if (holder !== id)
              expect(holderUser && userOf.get(id) && holderUser !== userOf.get(id)).toBeTruthy();
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});
