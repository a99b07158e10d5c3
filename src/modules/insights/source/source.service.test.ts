import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import {
  createSource,
  ensureSystemSource,
  findSourceByWriteKey,
  getSourceByIdOrName,
  newWriteKey,
  SYSTEM_SOURCE_NAME,
} from './source.service.js';
import { sources, sourceWriteKeys } from './source.table.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T00:00:00Z');

describe('sources', () => {
  it('makes write keys of wk_ and 32 URL-safe characters, never the same twice', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newWriteKey()));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^wk_[A-Za-z0-9_-]{32}$/);
  });

  it('creates the system source once, even when asked many times at once, and without a write key', async () => {
    const { tenant } = await makeTenant(database.db);
    const refs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? ensureSystemSource(database.db, tenant.id)
          : database.db.transaction((tx) => ensureSystemSource(tx, tenant.id)),
      ),
    );
    expect(new Set(refs.map((ref) => ref.sourceId)).size).toBe(1);
    expect(refs[0]).toMatchObject({ tenantId: tenant.id, kind: 'system', rateLimitPerSecond: 2000 });
    const rows = await database.db.select().from(sources).where(eq(sources.tenantId, tenant.id));
    expect(rows).toMatchObject([{ name: SYSTEM_SOURCE_NAME, kind: 'system', retentionDays: null }]);
    const keys = await database.db
      .select()
      .from(sourceWriteKeys)
      .where(and(eq(sourceWriteKeys.tenantId, tenant.id)));
    expect(keys).toEqual([]);
    await expect(getSourceByIdOrName(database, tenant.id, SYSTEM_SOURCE_NAME)).rejects.toMatchObject({
      code: 'insights.source.not_found',
    });
    // Another tenant gets its own.
    const other = await makeTenant(database.db);
    expect((await ensureSystemSource(database.db, other.tenant.id)).sourceId).not.toBe(refs[0]!.sourceId);
  });

  it('finds a source by id or name, only in its tenant; unknown keys resolve to nothing', async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const other = await makeTenant(database.db);
    const source = await createSource({ db: database.db, clock }, admin.actor, {
      name: '沙龙',
      kind: 'offline',
    });
    expect((await getSourceByIdOrName(database, tenant.id, source.id)).name).toBe('沙龙');
    expect((await getSourceByIdOrName(database, tenant.id, '沙龙')).ref).toEqual({
      tenantId: tenant.id,
      sourceId: source.id,
      kind: 'offline',
      rateLimitPerSecond: 2000,
    });
    await expect(getSourceByIdOrName(database, other.tenant.id, source.id)).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(source.createdAt).toBe('2026-03-01T00:00:00.000Z');
    expect(await findSourceByWriteKey(database, 'wk_unknown')).toBeUndefined();
    expect(await findSourceByWriteKey(database, '')).toBeUndefined();
  });
});
