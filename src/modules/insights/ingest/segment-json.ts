/**
 * Parsing a Segment body's JSON. Clients may send ids as JSON numbers, and `JSON.parse` rounds an
 * integer past 2^53 (`12345678901234567890` became `"12345678901234567000"`): integer ids that large
 * are read as the digits sent. PostgreSQL refuses NUL characters and lone UTF-16 surrogates in text
 * and jsonb, and JSON can carry both as escapes; a message with one would fail its insert on every
 * retry, so they are replaced (NUL dropped, a lone surrogate becomes U+FFFD) rather than refused: a
 * client drops a refused batch.
 */

/** The message fields that hold ids (Segment's spec allows a number for each). */
const ID_KEYS: ReadonlySet<string> = new Set(['userId', 'anonymousId', 'messageId', 'groupId', 'previousId']);
/** A quick look for a 16-digit number after an id key, so the common body skips the scan. */
const MAYBE_BIG_ID = /"(?:userId|anonymousId|messageId|groupId|previousId)"\s*:\s*-?\d{16}/;

/** Parses a body's JSON text (throws SyntaxError like JSON.parse). */
export function parseSegmentJson(text: string): unknown {
  const exact = MAYBE_BIG_ID.test(text) ? quoteBigIds(text) : text;
  return NEEDS_CLEANING.test(exact) ? JSON.parse(exact, cleanStrings) : JSON.parse(exact);
}

/** `text` with every integer past 2^53 that is the value of an id key turned into a JSON string. */
export function quoteBigIds(text: string): string {
  let out = '';
  let copied = 0;
  let key: string | undefined;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      let next = end;
      while (/\s/.test(text[next] ?? '')) next++;
      key = text[next] === ':' ? text.slice(i + 1, end - 1) : undefined;
      i = key === undefined ? end : next + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i + 1;
      while (/[0-9.eE+-]/.test(text[end] ?? '')) end++;
      const number = text.slice(i, end);
      if (
        key !== undefined &&
        ID_KEYS.has(key) &&
        /^-?\d+$/.test(number) &&
        !Number.isSafeInteger(Number(number))
      ) {
        out += `${text.slice(copied, i)}"${number}"`;
        copied = end;
      }
      key = undefined;
      i = end;
    } else {
      if (!/\s/.test(c)) key = undefined;
      i++;
    }
  }
  return out + text.slice(copied);
}

/** The index just past the closing quote of the string starting at `start` (or the end of text). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

const NEEDS_CLEANING = /\\u(0000|d[89a-f])/i;
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function cleanStrings(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    // Keys are strings too; rename the (rare) bad ones.
    const record = value as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      const clean = cleanText(name);
      if (clean !== name) {
        record[clean] = record[name];
        delete record[name];
      }
    }
  }
  return value;
}

/** `text` without NUL characters and with lone surrogates replaced by U+FFFD. */
export function cleanText(text: string): string {
  return text.replaceAll(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}
