/**
 * Segment-shaped traffic for the touchpoints bench: a population of visitors (most anonymous, some
 * signed in) sending track, page and identify events of a few hundred bytes each, the way
 * analytics.js sends them, packed into `/v1/batch` bodies. Seeded, so every run sends the same shape.
 */
import { randomUUID } from 'node:crypto';
import { DAY_MS } from '../src/platform/clock.js';
export { seededRandom } from '../src/platform/random.js';

/** One visitor: an anonymous id always, a user id and traits once signed in. */
export type Visitor = {
  anonymousId: string;
  userId: string | null;
  email: string;
  name: string;
  phone: string;
};

/** `count` visitors, `knownShare` of them signed in. */
export function makeVisitors(count: number, knownShare: number, rnd: () => number): Visitor[] {
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
  return Array.from({ length: count }, (_, i) => ({
    anonymousId: randomUUID(),
    userId: rnd() < knownShare ? `u-${100_000 + i}` : null,
    email: `visitor${i}@example.cn`,
    name: `${surnames[i % surnames.length]}${i}`,
    phone: `+86 139${String(10_000_000 + i).slice(-8)}`,
  }));
}

const PAGES = [
  ['/', '首页 - Kehu Demo Shop'],
  ['/products/espresso-machine-e61', 'E61 意式咖啡机'],
  ['/products/grinder-64mm', '64mm 磨豆机'],
  ['/pricing', '价格方案'],
  ['/cart', '购物车'],
  ['/checkout', '结算'],
] as const;
const TRACKS = ['Product Viewed', 'Product Added', 'Checkout Started', 'Order Completed', 'Signed Up'];
const AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148 MicroMessenger/8.0.47',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36',
];

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)]!;

/** One event of `visitor` at `at`: 60% track, 30% page, 10% identify (signed-in visitors only). */
export function makeEvent(visitor: Visitor, at: Date, rnd: () => number): Record<string, unknown> {
  const [path, title] = pick(PAGES, rnd);
  const context = {
    library: { name: 'analytics.js', version: '2.11.1' },
    page: { path, url: `https://shop.example.cn${path}`, title, referrer: 'https://www.baidu.com/' },
    userAgent: pick(AGENTS, rnd),
    locale: 'zh-CN',
  };
  const ids = { anonymousId: visitor.anonymousId, ...(visitor.userId ? { userId: visitor.userId } : {}) };
  const base = { ...ids, messageId: randomUUID(), timestamp: at.toISOString(), context };
  const roll = rnd();
  if (roll < 0.1 && visitor.userId) {
    const traits = {
      email: visitor.email,
      name: visitor.name,
      phone: visitor.phone,
      plan: pick(['free', 'pro'], rnd),
    };
    return { type: 'identify', ...base, traits };
  }
  if (roll < 0.4) return { type: 'page', name: title, ...base, properties: { path, title } };
  const sku = `SKU-${Math.floor(rnd() * 5000)}`;
  return {
    type: 'track',
    event: pick(TRACKS, rnd),
    ...base,
    properties: {
      sku,
      category: 'coffee',
      price: Math.floor(rnd() * 900_000) / 100,
      currency: 'CNY',
      quantity: 1,
    },
  };
}

/**
 * `count` events from random visitors, spread over the last `days` days, as `/v1/batch` bodies of
 * `batchSize` events each (each carrying its `sentAt`), serialised ahead so the clients cost nothing.
 */
export function makeBatchBodies(
  visitors: readonly Visitor[],
  count: number,
  batchSize: number,
  days: number,
  rnd: () => number,
): { bodies: Buffer[]; averageEventBytes: number } {
  const bodies: Buffer[] = [];
  const nowMs = Date.now();
  let eventBytes = 0;
  for (let start = 0; start < count; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, count - start) }, () =>
      makeEvent(pick(visitors, rnd), new Date(nowMs - Math.floor(rnd() * days * DAY_MS)), rnd),
    );
    for (const event of batch) eventBytes += Buffer.byteLength(JSON.stringify(event));
    bodies.push(Buffer.from(JSON.stringify({ batch, sentAt: new Date(nowMs).toISOString() })));
  }
  return { bodies, averageEventBytes: eventBytes / count };
}
