/**
 * The edge's one check of every request's text, before any route validates or queries: path
 * parameters, the query string and a parsed JSON body may not carry text PostgreSQL cannot store (NUL,
 * lone UTF-16 surrogates), strings longer than `INPUT_LIMITS.textLength` or nesting deeper than
 * `INPUT_LIMITS.depth`. A refusal is a 400 naming the field, so a bad value never reaches a query.
 * Raw bodies (CSV uploads, read as bytes) are their parsers' business. A batch route that answers
 * per item names its item array with `config: { itemizedBody: 'orders' }`: the edge then checks the
 * envelope's text and the whole body's nesting, and the route checks each item's text with
 * `findInputFault`, so one item with hostile text is refused in the batch's report instead of failing
 * the others.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldIssue } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body's array under this key is checked item by item by the route itself. */
    itemizedBody?: string;
  }
}

/** The edge's limits on any one value of a request. */
export const INPUT_LIMITS = {
  /** Characters in one string (a field, a query parameter, a path parameter, an object key). */
  textLength: 65_536,
  /** Levels of objects and arrays in a body (the body itself is level 1). */
  depth: 32,
} as const;

/** What the edge refuses. */
export type InputFault = 'invalid_text' | 'text_too_long' | 'too_deep';

const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const messages: Record<InputFault, string> = {
  invalid_text: 'contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored',
  text_too_long: `is longer than ${INPUT_LIMITS.textLength} characters`,
  too_deep: `nests objects or arrays deeper than ${INPUT_LIMITS.depth} levels`,
};

/** What is wrong with one string, if anything. */
export function textFault(text: string): InputFault | undefined {
  if (text.length > INPUT_LIMITS.textLength) return 'text_too_long';
  if (text.includes(NUL) || LONE_SURROGATE.test(text)) return 'invalid_text';
  return undefined;
}

/**
 * The first hostile value in `value` with its path (`tags.2`), or undefined when it is clean; with
 * `text: false` only nesting is checked.
 */
export function findInputFault(
  value: unknown,
  check: { text: boolean } = { text: true },
): { fault: InputFault; path: string[] } | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (!check.text) continue;
      const fault = textFault(current);
      if (fault) return { fault, path };
      continue;
    }
    if (typeof current !== 'object' || current === null || !isPlain(current)) continue;
    if (path.length >= INPUT_LIMITS.depth) return { fault: 'too_deep', path };
    const entries: [string, unknown][] = Array.isArray(current)
      ? (current as unknown[]).map((v, i) => [String(i), v])
      : Object.entries(current);
    // Pushed in reverse so the first field is reported first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const keyFault = check.text ? textFault(key) : undefined;
      if (keyFault) return { fault: keyFault, path: [...path, printable(key)] };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/** Arrays and objects (parsed query strings have a bare prototype); raw uploads (Buffers) are not walked. */
function isPlain(value: object): boolean {
  return !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer) && !(value instanceof Date);
}

/** A key safe to echo in an answer: hostile characters escaped, long keys cut. */
function printable(key: string): string {
  const escaped = JSON.stringify(key.slice(0, 64)).slice(1, -1);
  return escaped.replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The 400 for a hostile value at `path` of `where` (`body`, `querystring`, `params`). */
export function inputFaultError(fault: InputFault, where: string, path: string[]): AppError {
  const name = path.join('.') || where;
  const pointer = `#/${path.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
  const issue: FieldIssue = { path: name, in: where, pointer, message: messages[fault] };
  return new AppError('invalid', `request.${fault}`, `${name}: ${issue.message}.`, { issues: [issue] });
}

/** Installs the check for every route registered after it, `/v1` included. */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const itemized = request.routeOptions.config.itemizedBody;
    // A nesting bomb is refused whole even in a batch: walking it is the harm, not storing it.
    const deep = itemized === undefined ? undefined : findInputFault(request.body, { text: false });
    if (deep) throw inputFaultError(deep.fault, 'body', deep.path);
    const parts = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', envelopeOf(request.body, itemized)],
    ] as const;
    for (const [where, value] of parts) {
      const found = findInputFault(value);
      if (found) throw inputFaultError(found.fault, where, found.path);
    }
  });
}

/** The body without the items of its itemized array (those are the route's to check, one by one). */
function envelopeOf(body: unknown, itemizedKey: string | undefined): unknown {
  if (itemizedKey === undefined || typeof body !== 'object' || body === null || Array.isArray(body))
    return body;
  const items = (body as Record<string, unknown>)[itemizedKey];
  return Array.isArray(items) ? { ...body, [itemizedKey]: [] } : body;
}
