import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant } from '../../../../test/helpers/factories.js';
import { useTestApp } from '../../../../test/helpers/server.js';
import { systemClock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { createSource } from '../source/source.service.js';
import type { FunnelResult, FunnelStepResult } from './funnel.contract.js';

// Events go in through the Segment endpoint, as the outside checks send them; funnels come out of
// POST /api/insights/funnels.

const t = useTestApp();

type World = Awaited<ReturnType<typeof setup>>;
let world: World;

async function setup() {
  const { tenant, admin } = await makeTenant(t.database.db);
  const source = await createSource({ db: t.database.db, clock: systemClock }, admin.actor, {
    name: 'web',
    kind: 'server',
  });
  const keys = {
    admin: await makeApiKey(t.database.db, tenant.id, 'admin'),
    marketer: await makeApiKey(t.database.db, tenant.id, 'marketer'),
    rep: await makeApiKey(t.database.db, tenant.id, 'sales_rep'),
  };
  const call = (key: string, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}` }, payload });
  const send = async (batch: object[]) => {
    const reply = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${source.writeKey}:`).toString('base64')}` },
      payload: { batch },
    });
    expect(reply.statusCode, reply.body).toBe(200);
  };
  const customer = async (name: string) => {
    const externalId = `ext-${newId()}`;
    const reply = await call(keys.admin, '/api/customers', { kind: 'business', name, externalId });
    expect(reply.statusCode, reply.body).toBe(201);
    return { ...reply.json<{ id: string }>(), externalId };
  };
  return {
    keys,
    call,
    send,
    acme: await customer(`Acme ${newId()}`),
    globex: await customer(`Globex ${newId()}`),
  };
}

const track = (who: object, event: string, timestamp: string, properties: object = {}) => ({
  type: 'track',
  ...who,
  event,
  timestamp,
  properties,
  messageId: `m-${newId()}`,
});

beforeAll(async () => {
  world = await setup();
  const { send, acme, globex } = world;
  await send([
    // u1 converts in 2 hours, on Chrome then Safari; acts for Acme.
    track({ userId: 'u1' }, 'Signed Up', '2026-01-05T10:00:00Z', { plan: 'pro', browser: 'Chrome' }),
    track({ userId: 'u1' }, 'Order Completed', '2026-01-05T12:00:00Z', { browser: 'Safari' }),
    // a2 signs up anonymously, u2 orders an hour later; the identify below merges them.
    track({ anonymousId: 'a2' }, 'Signed Up', '2026-01-06T10:00:00Z', { plan: 'pro', browser: 'Firefox' }),
    track({ userId: 'u2' }, 'Order Completed', '2026-01-06T11:00:00Z'),
    // u3 signs up on the free plan: not the first step.
    track({ userId: 'u3' }, 'Signed Up', '2026-01-06T10:00:00Z', { plan: 'free' }),
    track({ userId: 'u3' }, 'Order Completed', '2026-01-06T10:30:00Z'),
    // u4 orders two days later: outside the 1-day window; acts for Globex.
    track({ userId: 'u4' }, 'Signed Up', '2026-01-07T10:00:00Z', { plan: 'pro', browser: 'Chrome' }),
    track({ userId: 'u4' }, 'Order Completed', '2026-01-09T10:00:00Z'),
    // u5 converts in 30 minutes with a refund in between.
    track({ userId: 'u5' }, 'Signed Up', '2026-01-08T10:00:00Z', { plan: 'pro', browser: 'Chrome' }),
    track({ userId: 'u5' }, 'Refunded', '2026-01-08T10:20:00Z'),
    track({ userId: 'u5' }, 'Order Completed', '2026-01-08T10:30:00Z'),
    // u6 signs up before the range.
    track({ userId: 'u6' }, 'Signed Up', '2025-12-31T23:00:00Z', { plan: 'pro' }),
    track({ userId: 'u6' }, 'Order Completed', '2026-01-01T01:00:00Z'),
  ]);
  await send([
    {
      type: 'identify',
      userId: 'u2',
      anonymousId: 'a2',
      messageId: `m-${newId()}`,
      timestamp: '2026-01-06T12:00:00Z',
    },
    {
      type: 'group',
      userId: 'u1',
      groupId: acme.externalId,
      messageId: `m-${newId()}`,
      timestamp: '2026-01-05T09:00:00Z',
    },
    {
      type: 'group',
      userId: 'u4',
      groupId: globex.externalId,
      messageId: `m-${newId()}`,
      timestamp: '2026-01-07T09:00:00Z',
    },
  ]);
});

const base = {
  steps: [{ event: 'Signed Up', properties: { plan: 'pro' } }, { event: 'Order Completed' }],
  window: { value: 1, unit: 'day' },
  from: '2026-01-01T00:00:00Z',
  to: '2026-02-01T00:00:00Z',
};

async function funnel(body: object, key = world.keys.marketer): Promise<FunnelResult> {
  const reply = await world.call(key, '/api/insights/funnels', { ...base, ...body });
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json<FunnelResult>();
}

const counts = (steps: FunnelStepResult[]) => steps.map((s) => s.count);

describe('POST /api/insights/funnels', () => {
  it('counts persons (merged ones once) by their best attempt, with times to convert', async () => {
    const result = await funnel({});
    expect(result.breakdowns).toBeUndefined();
    expect(result.steps).toEqual([
      {
        event: 'Signed Up',
        count: 4,
        conversionFromFirst: 1,
        conversionFromPrevious: 1,
        averageTimeToConvertSeconds: null,
        medianTimeToConvertSeconds: null,
      },
      {
        event: 'Order Completed',
        count: 3,
        conversionFromFirst: 0.75,
        conversionFromPrevious: 0.75,
        averageTimeToConvertSeconds: 4200, // (7200 + 3600 + 1800) / 3
        medianTimeToConvertSeconds: 3600,
      },
    ]);
  });

  it('discards attempts with an excluded event between the steps', async () => {
    const result = await funnel(
      { exclusions: [{ event: 'Refunded', fromStep: 0, toStep: 1 }] },
      world.keys.admin,
    );
    expect(counts(result.steps)).toEqual([3, 2]);
    expect(result.steps[1]!.medianTimeToConvertSeconds).toBe(5400); // (7200 + 3600) / 2
  });

  it('breaks strict funnels at any other event', async () => {
    expect(counts((await funnel({ order: 'strict' })).steps)).toEqual([4, 2]);
  });

  it('takes the steps in any order in an unordered funnel', async () => {
    const result = await funnel({ order: 'unordered', steps: [...base.steps].reverse() });
    // u3 and u6 only have an order in range (u3's sign-up is free, u6's before `from`); u4's is late.
    expect(counts(result.steps)).toEqual([6, 3]);
    expect(result.steps[1]!.averageTimeToConvertSeconds).toBe(4200);
  });

  it('breaks down by first and last touch', async () => {
    const first = await funnel({ breakdown: { property: 'browser', attribution: 'first_touch' } });
    expect(first.breakdowns!.map((b) => [b.value, counts(b.steps)])).toEqual([
      ['Chrome', [3, 2]],
      ['Firefox', [1, 1]],
    ]);
    const last = await funnel({ breakdown: { property: 'browser', attribution: 'last_touch' } });
    expect(last.breakdowns!.map((b) => [b.value, counts(b.steps)])).toEqual([
      ['Chrome', [2, 1]],
      ['Firefox', [1, 1]],
      ['Safari', [1, 1]],
    ]);
  });

  it('counts accounts: the customers the persons act for, once each', async () => {
    expect(counts((await funnel({ aggregateBy: 'customer' })).steps)).toEqual([2, 1]);
  });

  it('answers 400 naming the field, and 403 without the permission', async () => {
    const bad = async (body: object) => {
      const reply = await world.call(world.keys.marketer, '/api/insights/funnels', { ...base, ...body });
      expect(reply.statusCode, reply.body).toBe(400);
      return reply.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    };
    const three = [{ event: 'A' }, { event: 'B' }, { event: 'C' }];
    expect(
      await bad({ steps: three, order: 'unordered', exclusions: [{ event: 'X', fromStep: 0, toStep: 1 }] }),
    ).toEqual(['exclusions.0.fromStep']);
    expect(await bad({ steps: [] })).toEqual(['steps']);
    expect(await bad({ steps: Array.from({ length: 21 }, () => ({ event: 'A' })) })).toEqual(['steps']);
    expect(await bad({ window: { value: 1, unit: 'year' } })).toEqual(['window.unit']);
    expect(await bad({ from: '2026-02-02T00:00:00Z' })).toEqual(['to']);
    expect(await bad({ exclusions: [{ event: 'X', fromStep: 0, toStep: 2 }] })).toEqual([
      'exclusions.0.toStep',
    ]);
    const refused = await world.call(world.keys.rep, '/api/insights/funnels', base);
    expect(refused.statusCode).toBe(403);
  });
});

describe('POST /api/insights/funnels/persons', () => {
  type Page = { items: { id: string; stepsReached: number }[]; nextCursor: string | null };
  const page = async (body: object) => {
    const reply = await world.call(world.keys.marketer, '/api/insights/funnels/persons', {
      ...base,
      ...body,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json<Page>();
  };

  it('lists the persons of a step, a page at a time, and those who dropped off', async () => {
    const first = await page({ step: 1, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]!.id);
    const second = await page({ step: 1, limit: 2, after: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const converted = [...first.items, ...second.items];
    expect(converted.every((item) => item.stepsReached === 2)).toBe(true);
    expect(new Set(converted.map((item) => item.id)).size).toBe(3);
    expect(converted.map((item) => item.id)).toEqual(converted.map((item) => item.id).sort());
    const dropped = await page({ step: 1, dropOff: true });
    expect(dropped.items.map((item) => item.stepsReached)).toEqual([1]);
    expect(converted.map((item) => item.id)).not.toContain(dropped.items[0]!.id);
    expect((await page({ step: 0 })).items).toHaveLength(4);
  });

  it('keeps the units of one breakdown value', async () => {
    const firefox = await page({
      step: 0,
      breakdown: { property: 'browser', attribution: 'first_touch' },
      breakdownValue: 'Firefox',
    });
    expect(firefox.items).toEqual([{ id: expect.any(String), stepsReached: 2 }]);
  });

  it('answers 400 for a step past the end or a drop-off before the first step', async () => {
    for (const [body, path] of [
      [{ step: 2 }, 'step'],
      [{ step: 0, dropOff: true }, 'dropOff'],
    ] as const) {
      const reply = await world.call(world.keys.marketer, '/api/insights/funnels/persons', {
        ...base,
        ...body,
      });
      expect(reply.statusCode).toBe(400);
      expect(reply.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([path]);
    }
  });
});
