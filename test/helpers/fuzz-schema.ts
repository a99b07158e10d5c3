/**
 * Reading the app's OpenAPI document for the fuzz suites: its operations with their parameters and
 * JSON body schemas, a small valid value for a schema, and the paths of a body's free-text fields.
 */

/** The part of JSON Schema the fuzz suites read. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
};

type Parameter = { name: string; in: string; required?: boolean; schema?: JsonSchema };
type OperationObject = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
};

/** One operation of the document. */
export type Operation = {
  method: string;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema, when the operation takes JSON. */
  jsonBody?: JsonSchema;
  /** The operation takes a raw upload (CSV). */
  rawBody: boolean;
};

/** Every operation of an OpenAPI 3 document. */
export function operationsOf(document: {
  paths: Record<string, Record<string, OperationObject>>;
}): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        jsonBody: content['application/json']?.schema,
        rawBody: Object.keys(content).some((type) => type !== 'application/json'),
      });
    }
  }
  return operations;
}

const SOME_UUID = '01930000-0000-7000-8000-000000000000';

/** The first alternative of a schema that is not `null`. */
function resolved(schema: JsonSchema): JsonSchema {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return resolved(alternatives.find((s) => s.type !== 'null') ?? alternatives[0]!);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(resolved)) as JsonSchema;
  return schema;
}

function typeOf(schema: JsonSchema): string | undefined {
  const type = [schema.type ?? []].flat().find((t) => t !== 'null');
  if (type) return type;
  if (schema.properties) return 'object';
  return undefined;
}

/** A small value `schema` accepts (required properties only), good enough to reach the handler. */
export function validValue(input: JsonSchema): unknown {
  const schema = resolved(input);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'string':
      return validString(schema);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(schema.items ?? {}));
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, validValue(schema.properties?.[name] ?? {})]),
      );
    default:
      return 'x';
  }
}

function validString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return SOME_UUID;
  if (schema.format === 'date-time') return '2026-01-02T03:04:05.000Z';
  if (schema.format === 'date') return '2026-01-02';
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** True for a string field that takes free text (no enum, format or pattern): where hostile text goes. */
export function isFreeText(input: JsonSchema): boolean {
  const schema = resolved(input);
  return (
    typeOf(schema) === 'string' &&
    !schema.enum &&
    !schema.format &&
    !schema.pattern &&
    schema.const === undefined
  );
}

/** The top-level properties of a body schema with their schemas. */
export function propertiesOf(input: JsonSchema): [string, JsonSchema][] {
  return Object.entries(resolved(input).properties ?? {});
}

/** A value of the wrong type for `schema`. */
export function wrongType(input: JsonSchema): unknown {
  switch (typeOf(resolved(input))) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return ['not', 'an', 'object'];
    default:
      return { unexpected: [true] };
  }
}
