/**
 * Hostile requests for one OpenAPI operation: NUL, lone surrogates, 1 MB strings, deep nesting and
 * wrong types in its path parameters, query parameters and JSON body fields, a few requests each.
 */
import {
  isFreeText,
  propertiesOf,
  validValue,
  wrongType,
  type JsonSchema,
  type Operation,
} from './fuzz-schema.js';

/** One hostile request; `mustRefuse` when the answer must be a 4xx (else only: never a 5xx). */
export type FuzzRequest = {
  label: string;
  mustRefuse: boolean;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
};

const NUL_TEXT = 'fuzz\u0000text';
const SURROGATE_TEXT = 'fuzz\ud800text';
const MEGABYTE = 'x'.repeat(1024 * 1024);
/** A lone surrogate as UTF-8 would spell it (CESU-8): not valid UTF-8, never a surrogate once decoded. */
const CESU_SURROGATE = '%ED%A0%80';

/** `body` as JSON with `levels` of nested arrays as the value of `field` (JSON.stringify would recurse). */
const withDeep = (body: Record<string, unknown>, field: string, levels: number): string =>
  JSON.stringify({ ...body, [field]: '@deep@' }).replace('"@deep@"', '['.repeat(levels) + ']'.repeat(levels));

/** Values that make the rest of a body reach its handler (the Segment API needs an identity). */
function baseBody(operation: Operation): Record<string, unknown> {
  const body = (validValue(operation.jsonBody ?? {}) ?? {}) as Record<string, unknown>;
  if (operation.path === '/v1/batch')
    return { batch: [{ type: 'track', anonymousId: 'fuzz-a', event: 'Fuzz' }] };
  if (operation.path.startsWith('/v1/')) return { anonymousId: 'fuzz-a', userId: 'fuzz-u', ...body };
  return body;
}

function pathValue(parameter: { schema?: JsonSchema }): string {
  return encodeURIComponent(String(validValue(parameter.schema ?? { type: 'string', format: 'uuid' })));
}

function buildUrl(
  operation: Operation,
  path: Record<string, string>,
  query: [string, string][] = [],
): string {
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => path[name] ?? '');
  return query.length === 0 ? url : `${url}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

/** The hostile requests for `operation`, with `headers` (credentials) on each. */
export function hostileRequests(operation: Operation, headers: Record<string, string>): FuzzRequest[] {
  const isIngest = operation.path.startsWith('/v1/');
  const validPath = Object.fromEntries(operation.pathParams.map((p) => [p.name, pathValue(p)]));
  const requests: FuzzRequest[] = [];
  const add = (
    label: string,
    mustRefuse: boolean,
    url: string,
    payload?: string,
    type = 'application/json',
  ) =>
    requests.push({
      label,
      mustRefuse,
      method: operation.method,
      url,
      headers: payload === undefined ? headers : { ...headers, 'content-type': type },
      payload,
    });
  const bodyOf = (body: unknown) => (operation.jsonBody ? JSON.stringify(body) : undefined);
  const validBody = bodyOf(baseBody(operation));

  for (const parameter of operation.pathParams) {
    const url = (value: string) => buildUrl(operation, { ...validPath, [parameter.name]: value });
    add(`path ${parameter.name}: NUL`, true, url('%00'), validBody);
    add(`path ${parameter.name}: 1 MB`, true, url(MEGABYTE), validBody);
    add(`path ${parameter.name}: CESU surrogate`, false, url(CESU_SURROGATE), validBody);
  }
  const query = operation.queryParams;
  if (query.length > 0) {
    // Hostile text goes into the free-text parameters (a search), alone, so an enum does not refuse it first.
    const free = query.filter((p) => isFreeText(p.schema ?? {}));
    const targets = free.length > 0 ? free : query;
    const url = (value: string, only = targets) =>
      buildUrl(
        operation,
        validPath,
        only.map((p) => [p.name, value]),
      );
    add('query: NUL', true, url('a%00b'), validBody);
    add('query: 1 MB', true, url(MEGABYTE, targets.slice(0, 1)), validBody);
    add('query: CESU surrogate', false, url(CESU_SURROGATE), validBody);
    const wrong = query.map((p): [string, string] => [p.name, isFreeText(p.schema ?? {}) ? 'a' : 'zz%7B%7D']);
    const repeated = wrong.map(([k]) => `${k}=b`).join('&');
    add(
      'query: wrong types, repeated',
      false,
      `${buildUrl(operation, validPath, wrong)}&${repeated}`,
      validBody,
    );
  }
  if (operation.jsonBody) requests.push(...bodyRequests(operation, validPath, headers, isIngest));
  if (operation.rawBody) {
    const url = buildUrl(
      operation,
      validPath,
      operation.queryParams.filter((p) => p.required).map((p) => [p.name, pathValue(p)]),
    );
    add('upload: NUL bytes', false, url, `name,phone\nfuzz\u0000,1\n`, 'text/csv');
    add('upload: 1 MB cell', false, url, `name,phone\n${MEGABYTE},1\n`, 'text/csv');
  }
  return requests;
}

function bodyRequests(
  operation: Operation,
  validPath: Record<string, string>,
  headers: Record<string, string>,
  isIngest: boolean,
): FuzzRequest[] {
  const base = baseBody(operation);
  const properties = propertiesOf(operation.jsonBody!);
  const freeText = properties.filter(([, schema]) => isFreeText(schema)).map(([name]) => name);
  const objectProperty = properties.find(([, s]) =>
    [s.type].flat().some((t) => t === 'object' || t === 'array'),
  );
  const url = buildUrl(operation, validPath);
  const request = (label: string, mustRefuse: boolean, payload: string): FuzzRequest => ({
    label,
    mustRefuse,
    method: operation.method,
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload,
  });
  const withAll = (value: unknown) => ({
    ...base,
    // With no free-text field, an unknown one: the edge refuses hostile text wherever it is.
    ...Object.fromEntries((freeText.length > 0 ? freeText : ['extra']).map((name) => [name, value])),
  });
  const target = freeText[0] ?? properties[0]?.[0] ?? 'extra';
  const nested = objectProperty?.[0] ?? target;
  // The Segment API cleans NUL and lone surrogates out of events rather than refusing them (a client
  // drops a refused batch); everywhere else they are a 400.
  const requests = [
    request('body: NUL in every free-text field', !isIngest, JSON.stringify(withAll(NUL_TEXT))),
    request(
      'body: lone surrogate in every free-text field',
      !isIngest,
      JSON.stringify(withAll(SURROGATE_TEXT)),
    ),
    request(`body: 1 MB in ${target}`, true, JSON.stringify({ ...base, [target]: MEGABYTE })),
    request(`body: 10,000 levels in ${nested}`, true, withDeep(base, nested, 10_000)),
    request(
      `body: NUL in a key under ${nested}`,
      !isIngest,
      JSON.stringify({ ...base, [nested]: { 'k\u0000': 'v' } }),
    ),
    request('body: a JSON array', true, '[1,2,3]'),
  ];
  if (properties.length > 0) {
    const wrong = Object.fromEntries(properties.map(([name, schema]) => [name, wrongType(schema)]));
    requests.push(request('body: wrong types everywhere', true, JSON.stringify({ ...base, ...wrong })));
  }
  return requests;
}
