import { describe, expect, it } from 'vitest';
import { message } from '../ingest/ingest.test-helper.js';
import { IdentityCache } from './identity-cache.js';

const T = 'tenant-1';
const known = { customerId: null, firstSeen: 0, lastSeen: 0 };

function cacheWith(max = 100): IdentityCache {
  const cache = new IdentityCache(max);
  cache.setIdentity(T, 'user_id:u1', 'p1');
  cache.setIdentity(T, 'anonymous_id:a1', 'p1');
  cache.setIdentity(T, 'anonymous_id:a2', 'p2');
  cache.setPerson(T, 'p1', { ...known, customerId: 'c1' });
  cache.setPerson(T, 'p2', known);
  return cache;
}

describe('IdentityCache', () => {
  it('places a track, page or screen whose ids all lead to one cached person', () => {
    const cache = cacheWith();
    for (const type of ['track', 'page', 'screen'] as const) {
      expect(cache.resolve(T, message({ type, userId: 'u1', anonymousId: 'a1' }))?.personId).toBe('p1');
    }
    expect(cache.resolve(T, message({ anonymousId: 'a1' }))?.person).toMatchObject({ customerId: 'c1' });
  });

  it('leaves to resolution what may change a person, unknown ids, ids that disagree, other tenants', () => {
    const cache = cacheWith();
    for (const type of ['identify', 'group', 'alias'] as const) {
      expect(cache.resolve(T, message({ type, userId: 'u1' }))).toBeUndefined();
    }
    expect(cache.resolve(T, message({ userId: 'u1', traits: { plan: 'pro' } }))).toBeUndefined();
    expect(cache.resolve(T, message({ userId: 'u1', crmPersonId: 'x' }))).toBeUndefined();
    expect(cache.resolve(T, message({ userId: 'u1', anonymousId: 'unknown' }))).toBeUndefined();
    expect(cache.resolve(T, message({ userId: 'u1', anonymousId: 'a2' }))).toBeUndefined();
    expect(cache.resolve(T, message({}))).toBeUndefined();
    expect(cache.resolve('tenant-2', message({ userId: 'u1' }))).toBeUndefined();
    cache.forgetPerson(T, 'p2');
    expect(cache.resolve(T, message({ anonymousId: 'a2' }))).toBeUndefined();
  });

  it('follows merges made in this process to the survivor', () => {
    const cache = cacheWith();
    cache.setPerson(T, 'p2', { mergedInto: 'p1' });
    expect(cache.resolve(T, message({ userId: 'u1', anonymousId: 'a2' }))?.personId).toBe('p1');
    cache.setPerson(T, 'p1', { mergedInto: 'p2' });
    expect(cache.resolve(T, message({ anonymousId: 'a2' }))).toBeUndefined();
  });

  it('widens the known seen range only outward', () => {
    const cache = cacheWith();
    cache.setPerson(T, 'p3', { customerId: null, firstSeen: 100, lastSeen: 200 });
    expect(cache.widenSeen(T, 'p3', new Date(150))).toBe(false);
    expect(cache.widenSeen(T, 'p3', new Date(250))).toBe(true);
    expect(cache.widenSeen(T, 'p3', new Date(250))).toBe(false);
    expect(cache.widenSeen(T, 'p3', new Date(50))).toBe(true);
    expect(cache.getPerson(T, 'p3')).toEqual({ customerId: null, firstSeen: 50, lastSeen: 250 });
    expect(cache.widenSeen(T, 'nobody', new Date(1))).toBe(false);
  });

  it('keeps at most its bound, evicting the least recently used', () => {
    const cache = new IdentityCache(4);
    for (let i = 0; i < 10; i++) cache.setIdentity(T, `anonymous_id:a${i}`, `p${i}`);
    cache.setPerson(T, 'p8', known);
    cache.setPerson(T, 'p9', known);
    expect(cache.size).toBeLessThanOrEqual(4);
    expect(cache.resolve(T, message({ anonymousId: 'a9' }))?.personId).toBe('p9');
    expect(cache.resolve(T, message({ anonymousId: 'a0' }))).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
