/**
 * Proof with real clients: Kehu listens on a port, the official `@segment/analytics-node` and
 * `@rudderstack/rudder-sdk-node` send every message type to it, and the database must hold every
 * event exactly once on the right person. The rules of the HTTP API, broken on purpose, are in
 * touchpoints-http-rules.test.ts.
 */
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { Analytics as SegmentAnalytics } from '@segment/analytics-node';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/database.js';
import { startIngestWorld, storedEvents as storedOf, type IngestWorld } from './helpers/ingest-world.js';

let world: IngestWorld;
let db: Db;
let server: IngestWorld['server'];
let keys: IngestWorld['keys'];

beforeAll(async () => {
  world = await startIngestWorld();
  ({ db, server, keys } = world);
});
afterAll(async () => world?.server.close());

const storedEvents = (prefix: string) => storedOf(db, prefix);

/** The person a person id ends up as, following merges. */
async function survivorOf(personId: string): Promise<string> {
  let current = personId;
  for (let hops = 0; hops < 20; hops++) {
    const result = await db.execute<{ merged_into: string | null }>(
      sql`select merged_into from persons where id = ${current}`,
    );
    const next = result.rows[0]?.merged_into;
    if (!next) return current;
    current = next;
  }
  throw new Error('merge chain too long');
}

async function personUserId(personId: string): Promise<string | null> {
  const result = await db.execute<{ user_id: string | null }>(
    sql`select user_id from persons where id = ${personId}`,
  );
  return result.rows[0]?.user_id ?? null;
}

/** Every event of `prefix` stored once, and all of them on one person known by `userId`. */
async function expectOnePerson(prefix: string, messageIds: string[], userId: string): Promise<void> {
  const events = await storedEvents(prefix);
  expect(events.map((e) => e.message_id).sort()).toEqual([...messageIds].sort());
  const survivors = new Set(await Promise.all(events.map((e) => survivorOf(e.person_id!))));
  expect(survivors.size).toBe(1);
  expect(await personUserId([...survivors][0]!)).toBe(userId);
}

describe('@segment/analytics-node', () => {
  it('delivers every message type; each stored once, anonymous and identified on one person', async () => {
    const analytics = new SegmentAnalytics({
      writeKey: keys.segment,
      host: server.url,
      path: '/v1/batch',
      flushAt: 3,
      flushInterval: 100,
      maxRetries: 2,
    });
    const failures: unknown[] = [];
    const done = (err: unknown) => err && failures.push(err);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    analytics.track({ anonymousId: 'seg-a2', event: 'Ad Clicked', messageId: 'seg-0' }, done);
    analytics.page(
      { anonymousId: 'seg-a1', name: 'Home', properties: { path: '/' }, messageId: 'seg-1' },
      done,
    );
    analytics.track(
      { anonymousId: 'seg-a1', event: 'Viewed Pricing', timestamp: anHourAgo, messageId: 'seg-2' },
      done,
    );
    analytics.identify(
      { userId: 'seg-u1', anonymousId: 'seg-a1', traits: { name: '李雷', plan: 'pro' }, messageId: 'seg-3' },
      done,
    );
    analytics.track(
      { userId: 'seg-u1', event: 'Signed Up', properties: { plan: 'pro' }, messageId: 'seg-4' },
      done,
    );
    analytics.screen({ userId: 'seg-u1', name: 'Dashboard', messageId: 'seg-5' }, done);
    analytics.group(
      { userId: 'seg-u1', groupId: 'seg-g1', traits: { name: 'Acme' }, messageId: 'seg-6' },
      done,
    );
    analytics.alias({ userId: 'seg-u1', previousId: 'seg-a2', messageId: 'seg-7' }, done);
    await analytics.closeAndFlush({ timeout: 30_000 });
    expect(failures).toEqual([]);

    const ids = Array.from({ length: 8 }, (_, i) => `seg-${i}`);
    await expectOnePerson('seg-', ids, 'seg-u1');
    const byId = new Map((await storedEvents('seg-')).map((e) => [e.message_id, e]));
    expect(byId.get('seg-1')).toMatchObject({ type: 'page', event: 'Home' });
    expect(byId.get('seg-5')).toMatchObject({ type: 'screen', event: 'Dashboard' });
    expect(byId.get('seg-7')).toMatchObject({ type: 'alias' });
    // Sent an hour late with sentAt: the skew-corrected time is still the event's own.
    expect(Math.abs(byId.get('seg-2')!.timestamp.getTime() - anHourAgo.getTime())).toBeLessThan(5_000);
  });
});

describe('@rudderstack/rudder-sdk-node', () => {
  it('delivers every message type gzipped; each stored once, anonymous and identified on one person', async () => {
    const failures: unknown[] = [];
    const client = new RudderAnalytics(keys.rudder, {
      dataPlaneUrl: server.url,
      flushAt: 3,
      flushInterval: 100,
      logLevel: 'error',
      retryCount: 2,
      errorHandler: (error) => failures.push(error),
    });
    type Message = Parameters<typeof client.track>[0];
    // Each call's callback runs once its batch got an answer; all of them must, without an error.
    const delivered: Promise<void>[] = [];
    const send = (method: 'track' | 'page' | 'identify' | 'screen' | 'group' | 'alias', message: object) =>
      delivered.push(
        new Promise<void>((resolve) =>
          (client[method] as (m: Message, callback: (error?: unknown) => void) => unknown)(
            message as Message,
            (error?: unknown) => {
              if (error) failures.push(error);
              resolve();
            },
          ),
        ),
      );
    send('track', { anonymousId: 'rud-a2', event: 'Ad Clicked', messageId: 'rud-0' });
    send('page', { anonymousId: 'rud-a1', name: 'Home', messageId: 'rud-1' });
    send('track', { anonymousId: 'rud-a1', event: 'Viewed Pricing', messageId: 'rud-2' });
    send('identify', {
      userId: 'rud-u1',
      anonymousId: 'rud-a1',
      traits: { name: 'Han Meimei' },
      messageId: 'rud-3',
    });
    send('track', { userId: 'rud-u1', event: 'Signed Up', messageId: 'rud-4' });
    send('screen', { userId: 'rud-u1', name: 'Dashboard', messageId: 'rud-5' });
    send('group', { userId: 'rud-u1', groupId: 'rud-g1', traits: { name: 'Acme' }, messageId: 'rud-6' });
    send('alias', { userId: 'rud-u1', previousId: 'rud-a2', messageId: 'rud-7' });
    await client.flush();
    await Promise.all(delivered);
    expect(failures).toEqual([]);

    await expectOnePerson(
      'rud-',
      Array.from({ length: 8 }, (_, i) => `rud-${i}`),
      'rud-u1',
    );
  });
});
