/**
 * Touchpoints for the demo tenant: a website, a mini-program and a trade-show list, with visitors of
 * whom some sign in with the e-mail of a demo CRM contact — so persons, identity merges, contact links
 * and account timelines have something to show on first start.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import { seededRandom } from '../../../platform/random.js';
import { ingestMessages } from '../ingest/ingest.service.js';
import type { SourceRef, TouchpointMessage } from '../message/message.contract.js';
import type { InsightsDeps } from '../insights-deps.js';
import { createSource } from '../source/source.service.js';
import { DAY_MS } from '../../../platform/clock.js';

const PAGES = [
  ['/', '首页'],
  ['/products/industrial-sensors', '工业传感器 Industrial sensors'],
  ['/solutions/warehouse', '仓储方案 Warehouse solution'],
  ['/pricing', '价格 Pricing'],
  ['/cases/hangzhou-logistics', '客户案例 Case study'],
] as const;
const WEB_TRACKS = ['Whitepaper Downloaded', 'Demo Requested', 'Product Viewed', 'Webinar Registered'];
const APP_TRACKS = ['Coupon Claimed', 'Product Viewed', 'Order Completed'];

type Draft = Omit<TouchpointMessage, 'originalTimestamp' | 'sentAt' | 'context' | 'previousId' | 'groupId'> &
  Partial<TouchpointMessage>;

function message(draft: Draft): TouchpointMessage {
  return { originalTimestamp: null, sentAt: null, context: null, previousId: null, groupId: null, ...draft };
}

/** What the demo's generators share: the clock, the random stream and where messages go. */
type Seeding = {
  now: number;
  rnd: () => number;
  pick: <T>(items: readonly T[]) => T;
  add: (source: SourceRef, draft: Omit<Draft, 'messageId'>) => void;
  contactEmail: (index: number) => string;
};

/** Creates the demo sources and a few hundred touchpoints; `contactEmail(i)` names demo CRM contacts. */
export async function seedDemoTouchpoints(
  deps: InsightsDeps,
  actor: Actor,
  contactEmail: (index: number) => string,
): Promise<void> {
  const now = deps.clock.now().getTime();
  const rnd = seededRandom(20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const ref = async (name: string, kind: 'web' | 'mini_program' | 'offline'): Promise<SourceRef> => {
    const source = await createSource(deps, actor, { name, kind });
    return {
      tenantId: actor.tenantId,
      sourceId: source.id,
      kind,
      rateLimitPerSecond: source.rateLimitPerSecond,
    };
  };
  const web = await ref('官网 Website', 'web');
  const app = await ref('小程序 Mini-program', 'mini_program');
  const fair = await ref('线下展会 Trade shows', 'offline');
  const batches = new Map<SourceRef, TouchpointMessage[]>([
    [web, []],
    [app, []],
    [fair, []],
  ]);
  let n = 0;
  const add = (source: SourceRef, draft: Omit<Draft, 'messageId'>) =>
    batches.get(source)!.push(message({ ...draft, messageId: `demo-${n++}` }));
  const seeding: Seeding = { now, rnd, pick, add, contactEmail };
  for (let visitor = 0; visitor < 90; visitor++) addVisitor(seeding, visitor, web, app);
  addTradeShowScans(seeding, fair);
  for (const [source, messages] of batches) {
    for (let i = 0; i < messages.length; i += 500)
      await ingestMessages(deps, source, messages.slice(i, i + 500), new Date(now));
  }
}

/** One visitor's visits over the last month; half of them sign in and become known. */
function addVisitor(
  { now, rnd, pick, add, contactEmail }: Seeding,
  visitor: number,
  web: SourceRef,
  app: SourceRef,
) {
  const anonymousId = `demo-visitor-${visitor}`;
  const known = visitor < 45;
  const userId = known ? `demo-user-${visitor}` : null;
  let at = now - (2 + rnd() * 28) * DAY_MS;
  const steps = 3 + Math.floor(rnd() * 9);
  // Visits spread over the time between the first one and a day ago, in order.
  const gap = (now - DAY_MS - at) / steps;
  for (let step = 0; step < steps; step++) {
    at += rnd() * gap;
    const timestamp = new Date(at);
    const ids = { anonymousId, userId: known && step > 1 ? userId : null };
    if (known && step === 1) {
      add(web, {
        type: 'identify',
        ...ids,
        userId,
        event: null,
        timestamp,
        properties: {},
        traits: { email: contactEmail(visitor * 2), signedUpFrom: 'website' },
      });
    } else if (visitor % 3 === 0 && step % 2 === 1) {
      add(app, { type: 'track', ...ids, event: pick(APP_TRACKS), timestamp, properties: {}, traits: null });
    } else if (rnd() < 0.55) {
      const [path, title] = pick(PAGES);
      add(web, { type: 'page', ...ids, event: title, timestamp, properties: { path, title }, traits: null });
    } else {
      add(web, { type: 'track', ...ids, event: pick(WEB_TRACKS), timestamp, properties: {}, traits: null });
    }
  }
}

/** Badge scans at a trade show: CRM contacts known by email, recorded offline. */
function addTradeShowScans({ now, add, contactEmail }: Seeding, fair: SourceRef): void {
  for (let scan = 0; scan < 15; scan++) {
    const email = contactEmail(scan * 5 + 1);
    const timestamp = new Date(now - (10 + scan) * DAY_MS);
    const anonymousId = `offline:${email}`;
    const base = { anonymousId, userId: null, timestamp, channel: 'offline' as const };
    add(fair, { ...base, type: 'identify', event: null, properties: {}, traits: { email } });
    add(fair, {
      ...base,
      type: 'track',
      event: 'Trade Show Visited',
      properties: { show: '2026 上海工业博览会 CIIF', booth: 'B-118' },
      traits: null,
    });
  }
}
