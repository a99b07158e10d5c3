import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { testEngine } from '../../../test/helpers/engine.js';
import { snapshotRepository } from '../../../test/helpers/sql-capture.js';
import type { Database } from '../db/database.js';
import * as repo from './limit.repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const at = (iso: string) => new Date(iso);

describe('shared limit counters', () => {
  it('add up in a window and start again after it', async () => {
    const db = database.db;
    const from = at('2026-05-01T07:45:00Z');
    expect(await repo.hitLimitCounter(db, 'k1', 1, at('2026-05-01T08:00:00Z'), from)).toBe(1);
    expect(await repo.hitLimitCounter(db, 'k1', 2, at('2026-05-01T08:01:00Z'), from)).toBe(3);
    const later = at('2026-05-01T08:20:00Z');
    expect(await repo.hitLimitCounter(db, 'k1', 1, later, at('2026-05-01T08:05:00Z'))).toBe(1);
    expect(await repo.readLimitCounters(db, ['k1', 'k2'], at('2026-05-01T08:05:00Z'))).toEqual([
      { key: 'k1', count: 1, lastAt: later },
    ]);
    expect(await repo.deleteLimitCountersBefore(db, at('2026-05-01T09:00:00Z'))).toBe(1);
  });
});

describe.skipIf(testEngine() !== 'pglite')('limit repository queries', () => {
  it('match limit.repository.sql', async () => {
    const now = at('2026-01-01T00:00:00Z');
    const text = await snapshotRepository(database.pool, repo, [
      ['hitLimitWindow', (db) => repo.hitLimitWindow(db, 'snap', 1, now, now)],
      ['hitLimitCounter', (db) => repo.hitLimitCounter(db, 'snap', 1, now, now)],
      ['readLimitCounters', (db) => repo.readLimitCounters(db, ['snap'], now)],
      ['deleteLimitCountersBefore', (db) => repo.deleteLimitCountersBefore(db, now)],
    ]);
    await expect(text).toMatchFileSnapshot('./limit.repository.sql');
  });
});
