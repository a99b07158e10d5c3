/**
 * First/last-seen widening of persons that batches only sent events for, taken out of the batches'
 * transactions and coalesced: each committed batch adds its persons' event-time ranges to a pending
 * set (one entry per person, ranges merged), and the set is written, one statement per tenant, by the
 * batch that leaves no other batch of this process running (so an idle or sequential caller, like a test,
 * finds its persons widened when `ingestMessages` returns), when it grows past `MAX_PENDING`, or at
 * the latest `FLUSH_AFTER_MS` after its first entry. So under load first/last seen lag the events by
 * up to that long, and a crash loses at most that much widening (the person's next event moves it
 * on). Rows another transaction holds are skipped and stay pending: waiting for them could deadlock
 * against person locks.
 */
import type { Db } from '../../../platform/db/database.js';
import { touchPersonsSeen, type PendingTouch } from './person-touch.repository.js';
import type { SeenWrite } from './person-write.repository.js';

/** Pending persons that make the next committed batch write them at once. */
export const MAX_PENDING = 5_000;
/** The longest a pending widening waits for a quiet moment. */
export const FLUSH_AFTER_MS = 2_000;

const keyOf = (row: { tenantId: string; id: string }): string => `${row.tenantId}|${row.id}`;

/**
 * The pending widening of one database in this process. The pending touches live in this process's
 * memory, so the late flush is a timer of this process too (not a job of the shared queue): the
 * ingest runtime owns this object, and `close()` stops the timer and writes what is left.
 */
export class PersonTouches {
  private pending = new Map<string, PendingTouch>();
  private running = 0;
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /** `onMissing` runs when a flush finds pending persons that do not exist (the database was reset under us). */
  constructor(
    private readonly db: Db,
    private readonly onMissing: () => void = () => undefined,
  ) {}

  /** Marks a batch as running (flushes wait for the last one to end); call `batchEnded` after. */
  batchStarted(): void {
    this.running++;
  }

  /** Adds persons' seen ranges to the pending set. */
  noteSeen(tenantId: string, rows: SeenWrite[]): void {
    for (const row of rows) {
      this.merge({ tenantId, id: row.id, first: row.firstSeenAt.getTime(), last: row.lastSeenAt.getTime() });
    }
  }

  /**
   * Ends a batch started with `batchStarted`: writes the pending widening now when no other batch
   * runs or too much is pending, else makes sure the timer will. Never fails: a widening that could
   * not be written stays pending for the timer.
   */
  async batchEnded(): Promise<void> {
    this.running--;
    if (this.pending.size === 0) return;
    if (this.running === 0 || this.pending.size >= MAX_PENDING) {
      try {
        await this.flush();
        return;
      } catch {
        // Kept pending: the timer below tries again.
      }
    }
    this.armTimer();
  }

  /** Writes the pending widening now (waits for a flush under way first). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    this.stopTimer();
    const rows = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.write(rows).finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  /** Stops the timer for good and writes what is pending. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopTimer();
    await this.flush();
  }

  private armTimer(): void {
    if (this.closed) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => this.armTimer());
    }, FLUSH_AFTER_MS).unref();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Writes the rows one tenant at a time (the tenants with pending work are those of the rows): on
   * Citus a statement that locks rows must name its tenant, so one statement cannot sweep them all.
   * A tenant whose write fails keeps its rows pending and the others still go through.
   */
  private async write(rows: PendingTouch[]): Promise<void> {
    const byTenant = new Map<string, PendingTouch[]>();
    for (const row of rows) {
      const group = byTenant.get(row.tenantId);
      if (group) group.push(row);
      else byTenant.set(row.tenantId, [row]);
    }
    const failures: unknown[] = [];
    for (const [tenantId, tenantRows] of byTenant) {
      try {
        await this.writeTenant(tenantId, tenantRows);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0)
      throw new AggregateError(failures, `widening failed for ${failures.length} tenant(s)`);
  }

  private async writeTenant(tenantId: string, rows: PendingTouch[]): Promise<void> {
    let outcome: { skipped: string[]; missing: number };
    try {
      outcome = await touchPersonsSeen(this.db, tenantId, rows);
    } catch (error) {
      for (const row of rows) this.merge(row);
      throw error;
    }
    if (outcome.missing > 0) this.onMissing();
    const skipped = new Set(outcome.skipped);
    for (const row of rows) if (skipped.has(row.id)) this.merge(row);
  }

  /** Puts a range into the pending set, merging with what is there. */
  private merge(row: PendingTouch): void {
    const key = keyOf(row);
    const entry = this.pending.get(key);
    if (!entry) this.pending.set(key, { ...row });
    else {
      entry.first = Math.min(entry.first, row.first);
      entry.last = Math.max(entry.last, row.last);
    }
  }
}
