/** A tenant to send batches to, with readers of what identity resolution stored (tests only). */
import { sql } from 'drizzle-orm';
import { makeTenant } from '../../../../test/helpers/factories.js';
import type { Db } from '../../../platform/db/database.js';
import type { TouchpointMessage } from '../message/message.contract.js';
import { ingestMessages } from './ingest.service.js';
import { ingestDeps, webSource } from './ingest.test-helper.js';

/** When the test batches arrive. */
export const receivedAt = new Date('2026-03-02T00:00:00Z');
/** A time on 1 March 2026, UTC. */
export const at = (time: string): Date => new Date(`2026-03-01T${time}Z`);

/** A fresh tenant and a function sending batches to it. */
export async function setupTenant(db: Db) {
  const source = webSource((await makeTenant(db)).tenant.id);
  const send = (...messages: TouchpointMessage[]) =>
    ingestMessages(ingestDeps(db), source, messages, receivedAt);
  const q = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];
  const tenantId = source.tenantId;
  return {
    tenantId,
    send,
    persons: () =>
      q<{
        id: string;
        merged_into: string | null;
        user_id: string | null;
        traits: Record<string, unknown>;
        email_key: string | null;
      }>(
        sql`select id, merged_into, user_id, traits, email_key from persons where tenant_id = ${tenantId} order by created_at, id`,
      ),
    /** The person an identity points at. */
    owner: async (kind: string, value: string) =>
      (
        await q<{ person_id: string }>(
          sql`select person_id from person_identities where tenant_id = ${tenantId} and kind = ${kind} and value = ${value}`,
        )
      )[0]?.person_id,
    eventPerson: async (messageId: string) =>
      (
        await q<{ person_id: string }>(
          sql`select person_id from events where tenant_id = ${tenantId} and message_id = ${messageId}`,
        )
      )[0]?.person_id,
    /** The events of a survivor and of everyone merged into it, transitively. */
    timeline: async (personId: string) =>
      (
        await q<{ message_id: string }>(sql`
          with recursive cluster (id) as (
            select ${personId}::uuid
            union select p.id from persons p join cluster c on p.tenant_id = ${tenantId} and p.merged_into = c.id
          )
          select message_id from events where tenant_id = ${tenantId} and person_id in (select id from cluster) order by timestamp`)
      ).map((row) => row.message_id),
    traitChanges: (personId: string) =>
      q<{ trait: string; old_value: unknown; new_value: unknown; message_id: string }>(sql`
        select trait, old_value, new_value, message_id from person_trait_changes
        where tenant_id = ${tenantId} and person_id = ${personId} order by changed_at, trait`),
  };
}
