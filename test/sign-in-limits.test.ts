/**
 * Password spraying (issue 14, finding 4): failed sign-ins are limited per address across emails, per
 * account across addresses and per pair, with a wait that doubles, and the counts live in the
 * database, so two app instances on one database enforce one limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { fixedClock } from '../src/platform/clock.js';
import type { Database } from '../src/platform/db/database.js';
import type { HttpApp } from '../src/platform/http/server.js';
import { createTestDatabase } from './helpers/db.js';
import { makeTenant, TEST_PASSWORD } from './helpers/factories.js';

const clock = fixedClock('2026-05-01T08:00:00.000Z');
let database: Database;
let apps: HttpApp[];

beforeAll(async () => {
  database = await createTestDatabase();
  apps = [];
  for (let i = 0; i < 2; i++) {
    const app = await buildApp({ db: database.db, clock, logLevel: false, serveWeb: false });
    await app.ready();
    apps.push(app);
  }
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
});

let nextAddress = 1;
const freshAddress = () => `10.9.${Math.floor(nextAddress / 250)}.${nextAddress++ % 250}`;

function attempt(n: number, email: string, password: string, address: string) {
  return apps[n % 2]!.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: address,
    payload: { email, password },
  });
}

describe('sign-in limits shared by every server process', () => {
  it('counts one pair of address and email across two instances', async () => {
    const { admin } = await makeTenant(database.db);
    const address = freshAddress();
    for (let i = 0; i < 20; i++)
      expect((await attempt(i, admin.email, 'guess', address)).statusCode).toBe(401);
    const limited = await attempt(20, admin.email, 'guess', address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'request.rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBe(30);
    // Even the right password waits: the limit comes before the check.
    expect((await attempt(21, admin.email, TEST_PASSWORD, address)).statusCode).toBe(429);
  });

  it('stops one address spraying many emails', async () => {
    const address = freshAddress();
    for (let i = 0; i < 50; i++) {
      expect((await attempt(i, `sprayed-${i}@example.com`, 'Spring2026!', address)).statusCode).toBe(401);
    }
    expect((await attempt(50, 'one-more@example.com', 'Spring2026!', address)).statusCode).toBe(429);
    expect((await attempt(51, 'one-more@example.com', 'Spring2026!', freshAddress())).statusCode).toBe(401);
  });

  it('stops many addresses on one account, and doubles the wait with each failure past the limit', async () => {
    const { admin } = await makeTenant(database.db);
    for (let i = 0; i < 30; i++) {
      expect((await attempt(i, admin.email, `guess-${i}`, freshAddress())).statusCode).toBe(401);
    }
    const first = await attempt(30, admin.email, 'guess', freshAddress());
    expect(first.statusCode).toBe(429);
    expect(Number(first.headers['retry-after'])).toBe(30);

    clock.set(new Date(clock.now().getTime() + 30_000));
    expect((await attempt(31, admin.email, 'guess', freshAddress())).statusCode).toBe(401);
    const second = await attempt(32, admin.email, 'guess', freshAddress());
    expect(Number(second.headers['retry-after'])).toBe(60);

    // After the window the account is open again, and the right password signs in.
    clock.set(new Date(clock.now().getTime() + 15 * 60_000));
    expect((await attempt(33, admin.email, TEST_PASSWORD, freshAddress())).statusCode).toBe(200);
  });
});
