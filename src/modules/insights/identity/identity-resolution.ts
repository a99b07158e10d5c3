/**
 * Identity resolution as a pure function: given the messages' identifiers (in message order) and
 * what is stored, decide each message's person, the persons and identities to create and the
 * merges. The rules (Segment's, as the touchpoints brief states them):
 * - all the ids in one message belong to one person: unknown ids join it;
 * - ids found on two persons merge them, the older person surviving — unless both carry different
 *   userIds (a person has at most one): then there is no merge and the message goes to the
 *   person of its own userId;
 * - a domain event that names only a CRM contact goes to a person linked to that contact, created
 *   when there is none.
 * Stored persons always survive new ones; stored persons are older by `createdAt`, then id.
 */
import { identityKey, type IdentityRef, type MessageIdentity } from './identity-keys.js';

/** What resolution needs of a stored person (its merge chain is followed through `mergedInto`). */
export type KnownPerson = {
  id: string;
  mergedInto: string | null;
  userId: string | null;
  crmPersonId: string | null;
  createdAt: Date;
};

/** The stored state resolution starts from. */
export type ResolveInput = {
  messages: MessageIdentity[];
  /** identityKey → the person id stored for it. */
  identities: ReadonlyMap<string, string>;
  /** Stored persons by id, with every person their merge chains lead to. */
  persons: ReadonlyMap<string, KnownPerson>;
  /** CRM contact id → a stored person linked to it. */
  crmPersons: ReadonlyMap<string, string>;
  /**
   * The id of a new person, given the identity key it is first known by: the same key should give
   * the same id, so resolving again (after a concurrent batch's write) keeps the ids already used.
   */
  newId: (firstKnownBy: string) => string;
};

/** A person to create. */
export type CreatedPerson = { id: string; userId: string | null; crmPersonId: string | null };

/** The outcome; every person id in it is a survivor (a stored root or a created person). */
export type Resolution = {
  /** Each message's person, or null when it names nobody. */
  personIds: (string | null)[];
  created: CreatedPerson[];
  /** Identities to add, each with its person. */
  identities: (IdentityRef & { personId: string })[];
  /** Stored persons merged away, and the survivor each went into. */
  merges: { loserId: string; survivorId: string }[];
  /** Stored survivors whose userId or CRM contact this resolution sets. */
  updates: Map<string, { userId: string | null; crmPersonId: string | null }>;
  /** Stored persons this resolution changes: to be locked, and re-checked, before writing. */
  touched: Set<string>;
};

type Node = {
  id: string;
  stored: boolean;
  seq: number;
  createdAt: number;
  userId: string | null;
  crmPersonId: string | null;
  parent: string | undefined;
};

const MAX_CHAIN = 64;

/** Resolves `input.messages`; see the file comment for the rules. */
export function resolveIdentities(input: ResolveInput): Resolution {
  return new Resolver(input).run();
}

class Resolver {
  private readonly nodes = new Map<string, Node>();
  private readonly identities = new Map<string, string>();
  private readonly crmPersons = new Map<string, string>();
  private readonly added: IdentityRef[] = [];
  private seq = 0;

  constructor(private readonly input: ResolveInput) {
    for (const [key, id] of input.identities) this.identities.set(key, id);
    for (const [key, id] of input.crmPersons) this.crmPersons.set(key, id);
  }

  run(): Resolution {
    const personIds = this.input.messages.map((message) => this.resolveMessage(message)?.id ?? null);
    return this.outcome(personIds);
  }

  private resolveMessage(message: MessageIdentity): Node | undefined {
    if (!message.userId && message.others.length === 0) {
      return message.crmPersonId ? this.personOfContact(message.crmPersonId) : undefined;
    }
    const userRef: IdentityRef | undefined = message.userId
      ? { kind: 'user_id', value: message.userId }
      : undefined;
    const byUser = userRef ? this.lookup(userRef) : undefined;
    const found = message.others.map((other) => ({
      other,
      node: other.lookups.map((ref) => this.lookup(ref)).find(Boolean),
    }));
    let target =
      byUser ??
      found.map((entry) => entry.node).find((node) => node && compatible(node.userId, message.userId)) ??
      this.createNode(message.userId, null, identityKey(userRef ?? message.others[0]!.create));
    for (const entry of found) {
      const node = entry.node && this.find(entry.node.id);
      if (node && compatible(node.userId, message.userId ?? target.userId)) target = this.union(target, node);
    }
    if (message.userId && !target.userId) target.userId = message.userId;
    if (userRef && !byUser) this.addIdentity(userRef, target);
    for (const { other, node } of found) if (!node) this.addIdentity(other.create, target);
    if (message.crmPersonId && !target.crmPersonId) target.crmPersonId = message.crmPersonId;
    return target;
  }

  private personOfContact(crmPersonId: string): Node {
    const id = this.crmPersons.get(crmPersonId);
    if (id) return this.find(id);
    const node = this.createNode(null, crmPersonId, `crm:${crmPersonId}`);
    this.crmPersons.set(crmPersonId, node.id);
    return node;
  }

  private lookup(ref: IdentityRef): Node | undefined {
    const id = this.identities.get(identityKey(ref));
    return id ? this.find(id) : undefined;
  }

  private addIdentity(ref: IdentityRef, node: Node): void {
    const key = identityKey(ref);
    if (this.identities.has(key)) return;
    this.identities.set(key, node.id);
    this.added.push(ref);
  }

  private createNode(userId: string | null, crmPersonId: string | null, firstKnownBy: string): Node {
    const node: Node = {
      id: this.input.newId(firstKnownBy),
      stored: false,
      seq: this.seq++,
      createdAt: Number.POSITIVE_INFINITY,
      userId,
      crmPersonId,
      parent: undefined,
    };
    this.nodes.set(node.id, node);
    return node;
  }

  /** The stored root a stored id's merge chain ends at (a broken or cyclic chain stops where it is). */
  private storedRoot(id: string): string {
    let current = id;
    for (let step = 0; step < MAX_CHAIN; step++) {
      const next = this.input.persons.get(current)?.mergedInto;
      if (!next || !this.input.persons.has(next)) return current;
      current = next;
    }
    return current;
  }

  private find(id: string): Node {
    let node = this.nodes.get(id) ?? this.storedNode(this.storedRoot(id));
    while (node.parent) node = this.nodes.get(node.parent)!;
    return node;
  }

  private storedNode(id: string): Node {
    const existing = this.nodes.get(id);
    if (existing) return existing;
    const person = this.input.persons.get(id);
    const node: Node = {
      id,
      stored: true,
      seq: 0,
      createdAt: person?.createdAt.getTime() ?? 0,
      userId: person?.userId ?? null,
      crmPersonId: person?.crmPersonId ?? null,
      parent: undefined,
    };
    this.nodes.set(id, node);
    return node;
  }

  private union(first: Node, second: Node): Node {
    const a = this.find(first.id);
    const b = this.find(second.id);
    if (a === b) return a;
    const [survivor, loser] = older(a, b) ? [a, b] : [b, a];
    loser.parent = survivor.id;
    survivor.userId ??= loser.userId;
    survivor.crmPersonId ??= loser.crmPersonId;
    return survivor;
  }

  private outcome(personIds: (string | null)[]): Resolution {
    const touched = new Set<string>();
    const merges: Resolution['merges'] = [];
    const created: CreatedPerson[] = [];
    const updates: Resolution['updates'] = new Map();
    for (const node of this.nodes.values()) {
      const root = this.find(node.id);
      if (!node.stored) {
        if (!node.parent) created.push({ id: node.id, userId: node.userId, crmPersonId: node.crmPersonId });
        continue;
      }
      if (node.parent) {
        merges.push({ loserId: node.id, survivorId: root.id });
        touched.add(node.id).add(root.id);
        continue;
      }
      const before = this.input.persons.get(node.id);
      if (node.userId !== (before?.userId ?? null) || node.crmPersonId !== (before?.crmPersonId ?? null)) {
        updates.set(node.id, { userId: node.userId, crmPersonId: node.crmPersonId });
        touched.add(node.id);
      }
    }
    const identities = this.added.map((ref) => {
      const root = this.find(this.identities.get(identityKey(ref))!);
      if (root.stored) touched.add(root.id);
      return { ...ref, personId: root.id };
    });
    return {
      personIds: personIds.map((id) => (id ? this.find(id).id : null)),
      created,
      identities,
      merges,
      updates,
      touched,
    };
  }
}

/** A person with `userId` may take a message of `other`: at least one is unknown, or they are the same. */
const compatible = (userId: string | null, other: string | null): boolean =>
  !userId || !other || userId === other;

/** Stored before new; then earlier creation; then lower id (UUIDv7: earlier) or earlier in the batch. */
function older(a: Node, b: Node): boolean {
  if (a.stored !== b.stored) return a.stored;
  if (!a.stored) return a.seq < b.seq;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
  return a.id < b.id;
}
