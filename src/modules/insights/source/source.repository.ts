/** Queries of sources and their write keys. */
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import type { SourceKind, SourceRef } from '../message/message.contract.js';
import { sourceChanges, sources, sourceWriteKeys } from './source.table.js';

/** A row of `sources` with its write key (null for the system source, which has none). */
export type SourceRow = typeof sources.$inferSelect & { writeKey: string | null };

/** The columns of a source that change after creation. */
export type SourceChanges = Partial<
  Pick<SourceRow, 'name' | 'rateLimitPerSecond' | 'retentionDays' | 'disabled'>
> & { updatedAt: Date };

const sourceColumns = {
  tenantId: sources.tenantId,
  id: sources.id,
  name: sources.name,
  kind: sources.kind,
  rateLimitPerSecond: sources.rateLimitPerSecond,
  retentionDays: sources.retentionDays,
  disabled: sources.disabled,
  createdAt: sources.createdAt,
  updatedAt: sources.updatedAt,
  writeKey: sourceWriteKeys.writeKey,
};

const keyOfSource = and(
  eq(sourceWriteKeys.tenantId, sources.tenantId),
  eq(sourceWriteKeys.sourceId, sources.id),
);

/**
 * The enabled source behind a write key, or undefined. Two statements: the key (a global table) names
 * the tenant, which the source's lookup then names as a constant (sources is sharded by tenant).
 */
export async function findEnabledSourceByWriteKey(db: Db, writeKey: string): Promise<SourceRef | undefined> {
  const [key] = await db
    .select({ tenantId: sourceWriteKeys.tenantId, sourceId: sourceWriteKeys.sourceId })
    .from(sourceWriteKeys)
    .where(eq(sourceWriteKeys.writeKey, writeKey));
  if (!key) return undefined;
  const [row] = await db
    .select({
      tenantId: sources.tenantId,
      sourceId: sources.id,
      kind: sources.kind,
      rateLimitPerSecond: sources.rateLimitPerSecond,
    })
    .from(sources)
    .where(
      and(eq(sources.tenantId, key.tenantId), eq(sources.id, key.sourceId), eq(sources.disabled, false)),
    );
  return row ? { ...row, kind: row.kind as SourceKind } : undefined;
}

/** The tenant's sources other than the system one, by name. */
export async function listSourceRows(db: Db, tenantId: string): Promise<SourceRow[]> {
  return db
    .select(sourceColumns)
    .from(sources)
    .leftJoin(sourceWriteKeys, keyOfSource)
    .where(and(tenantRows({ tenantId }, sources), ne(sources.kind, 'system')))
    .orderBy(asc(sources.name), asc(sources.id));
}

/** One source of the tenant with its write key, or undefined. */
export async function findSourceRow(db: Db, tenantId: string, id: string): Promise<SourceRow | undefined> {
  const [row] = await db
    .select(sourceColumns)
    .from(sources)
    .leftJoin(sourceWriteKeys, keyOfSource)
    .where(and(tenantRows({ tenantId }, sources), eq(sources.id, id)))
    .limit(1);
  return row;
}

/** One source of the tenant by its exact name, or undefined. */
export async function findSourceRowByName(
  db: Db,
  tenantId: string,
  name: string,
): Promise<SourceRow | undefined> {
  const [row] = await db
    .select(sourceColumns)
    .from(sources)
    .leftJoin(sourceWriteKeys, keyOfSource)
    .where(and(tenantRows({ tenantId }, sources), eq(sources.name, name)))
    .limit(1);
  return row;
}

/** Stores a source; false when the name is taken (the system source's insert relies on this). */
export async function insertSourceRow(db: Db, row: typeof sources.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(sources)
    .values(row)
    .onConflictDoNothing({ target: [sources.tenantId, sources.name] })
    .returning({ id: sources.id });
  return inserted.length > 0;
}

/** Changes a source; false when there is none with this id (system sources are never changed). */
export async function updateSourceRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: SourceChanges,
): Promise<boolean> {
  const updated = await db
    .update(sources)
    .set(changes)
    .where(and(tenantRows({ tenantId }, sources), eq(sources.id, id), ne(sources.kind, 'system')))
    .returning({ id: sources.id });
  return updated.length > 0;
}

/** Gives a source `writeKey` as its only key. */
export async function replaceWriteKey(
  db: Db,
  tenantId: string,
  sourceId: string,
  writeKey: string,
  at: Date,
): Promise<void> {
  await db
    .delete(sourceWriteKeys)
    .where(and(eq(sourceWriteKeys.tenantId, tenantId), eq(sourceWriteKeys.sourceId, sourceId)));
  await db.insert(sourceWriteKeys).values({ writeKey, tenantId, sourceId, createdAt: at });
}

/** A source whose events expire. */
export type RetentionSourceRow = { tenantId: string; id: string; kind: string; retentionDays: number };

/** Every source, of every tenant, with a retention. */
export async function listSourcesWithRetention(db: Db): Promise<RetentionSourceRow[]> {
  const rows = await db
    .select({
      tenantId: sources.tenantId,
      id: sources.id,
      kind: sources.kind,
      retentionDays: sources.retentionDays,
    })
    .from(sources)
    .where(isNotNull(sources.retentionDays))
    .orderBy(sources.tenantId, sources.id);
  return rows.map((row) => ({ ...row, retentionDays: row.retentionDays! }));
}

/** Counts one more change of a source's write key or state (the single row of `source_changes`). */
export async function bumpSourceVersion(db: Db): Promise<void> {
  await db
    .insert(sourceChanges)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: sourceChanges.id, set: { version: sql`${sourceChanges.version} + 1` } });
}

/** How many changes `bumpSourceVersion` has counted (0 before the first). */
export async function readSourceVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: sourceChanges.version })
    .from(sourceChanges)
    .where(eq(sourceChanges.id, 1));
  return row?.version ?? 0;
}
