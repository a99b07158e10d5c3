/**
 * Hostile values (NUL, lone surrogates, 1 MB strings, deep nesting, wrong types) in the path, query
 * and JSON body of every insights operation of the OpenAPI document: never a 5xx, and a refused request
 * writes no row. The other parts are in the sibling fuzz-operations files.
 */
import { describe, expect, it } from 'vitest';
import { fuzzOperations, useFuzzWorld } from './helpers/fuzz-world.js';

const operations = await fuzzOperations('insights');
const world = useFuzzWorld();

describe('hostile input on insights operations', () => {
  it('covers operations', () => expect(operations.length).toBeGreaterThan(10));
  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s', async (_name, operation) => {
    await world.run(operation);
  });
});
