/**
 * The fuzz suites' world: one app per file on a fresh database, an admin's session for `/api`, a source
 * write key for `/v1`, and a runner that sends an operation's hostile requests and checks that none
 * answers 5xx and that every refused one left every table as it was.
 */
import { expect } from 'vitest';
import { renderOpenApi } from '../../src/app/openapi.js';
import { makeTenant, TEST_PASSWORD } from './factories.js';
import { hostileRequests } from './fuzz-requests.js';
import { operationsOf, type Operation } from './fuzz-schema.js';
import { changedTables, censusTaker, type Census } from './row-census.js';
import { signInCookie, useTestApp } from './server.js';

/** Which fuzz suite covers an operation, so each file stays short and they run side by side. */
export type FuzzPart = 'core' | 'warehouse' | 'insights';

const WAREHOUSE = /^\/api\/(warehouses|warehouse|items|suppliers|stock|stock-moves|outbound-orders)(\/|$)/;
const INSIGHTS = /^(\/v1\/|\/api\/(sources|persons|touchpoints|jobs)(\/|$))|\/events$/;

function partOf(path: string): FuzzPart {
  if (WAREHOUSE.test(path)) return 'warehouse';
  if (INSIGHTS.test(path)) return 'insights';
  return 'core';
}

/** The operations of the app's own OpenAPI document that `part` covers. */
export async function fuzzOperations(part: FuzzPart): Promise<Operation[]> {
  const document = JSON.parse(await renderOpenApi()) as Parameters<typeof operationsOf>[0];
  return operationsOf(document).filter((operation) => partOf(operation.path) === part);
}

/** One app per file, signed in as an admin, with a write key, and the fuzz runner. */
export function useFuzzWorld(): { run(operation: Operation): Promise<void> } {
  const t = useTestApp();
  let ready: Promise<{ cookie: string; basic: string; census: () => Promise<Census> }> | undefined;
  const world = () =>
    (ready ??= (async () => {
      const { admin } = await makeTenant(t.database.db);
      const cookie = await signInCookie(t.app, admin.email, TEST_PASSWORD);
      const source = await t.app.inject({
        method: 'POST',
        url: '/api/sources',
        headers: { cookie },
        payload: { name: 'fuzz', kind: 'web', rateLimitPerSecond: 10_000 },
      });
      const writeKey = source.json<{ writeKey: string }>().writeKey;
      const basic = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
      return { cookie, basic, census: await censusTaker(t.database.db) };
    })());

  return {
    async run(operation) {
      const { cookie, basic, census } = await world();
      const credentials: Record<string, string> = operation.path.startsWith('/v1/')
        ? { authorization: basic }
        : { cookie };
      let before = await census();
      for (const request of hostileRequests(operation, credentials)) {
        const { label, mustRefuse, ...inject } = request;
        const response = await t.app.inject({ ...inject, method: inject.method as 'GET' });
        const where = `${operation.method} ${operation.path} — ${label}: ${response.statusCode} ${response.body.slice(0, 300)}`;
        expect(response.statusCode, where).toBeLessThan(500);
        if (mustRefuse) expect(response.statusCode, where).toBeGreaterThanOrEqual(400);
        const after = await census();
        if (response.statusCode >= 400) expect(changedTables(before, after), where).toEqual([]);
        before = after;
      }
    },
  };
}
