import { MONTH_PATTERN } from '@guanxi/contract';

/**
 * The malformed values the route fuzz test (route-fuzz.test.ts) sends, and a sampler that builds a
 * valid value from a JSON schema of the OpenAPI document, so that one malformed field at a time
 * reaches the service with every other field well-formed. A fixed table, not random generation:
 * every run sends the same requests in the same order.
 */

/** The subset of JSON Schema that @fastify/swagger writes for the TypeBox contract. */
export interface SchemaNode {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
}

/** A malformed value: a label for the report and its raw text (JSON in a body, encoded in a URL). */
export interface Malformed {
  label: string;
  raw: string | Buffer;
}

const json = (label: string, value: unknown): Malformed => ({ label, raw: JSON.stringify(value) });
const token = (label: string, raw: string): Malformed => ({ label, raw });
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
/** Bytes that are not UTF-8: a lone continuation byte, an overlong '/', 0xFF. */
const INVALID_UTF8 = Buffer.from([0x80, 0xc0, 0xaf, 0xff]);
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** Well-formed, version 7, and not in the database. */
export const UNKNOWN_UUID = '01890000-0000-7000-8000-00000000f00d';

const DATES = ['0000-01-01', '9999-12-31', '2024-02-30', '0000-01', '9999-12'];
const DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2024-12-31T23:59:60Z',
  '2024-06-01T00:00:00+23:59',
  '2024-06-01 08:00',
];

/** What a field holds, which decides the malformed values worth sending to it. */
type Shape = 'string' | 'number' | 'boolean' | 'date' | 'id' | 'enum' | 'array' | 'object';

export function shapeOf(schema: SchemaNode): Shape {
  const node =
    [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].find(
      (s) => s.type !== 'null' && (s.type || s.enum || s.const !== undefined),
    ) ?? schema;
  if (node.enum || node.const !== undefined || node.anyOf?.some((s) => s.const !== undefined)) return 'enum';
  if (node.format === 'uuid') return 'id';
  if (node.format === 'date' || node.format === 'date-time' || node.pattern === MONTH_PATTERN) return 'date';
  const type = [node.type].flat()[0];
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean' || type === 'array' || type === 'object') return type;
  return 'string';
}

/**
 * Values every body field of a shape gets: null, another JSON type, and what could pass validation
 * and reach the service. Validation coerces (`coerceTypes: 'array'`), so a one-element array where
 * a scalar goes, a number where text goes and a scalar where an array goes may all reach it.
 */
const BODY_VALUES: Record<Shape, Malformed[]> = {
  string: [
    json('array', ['x']),
    json('empty string', ''),
    json('huge string', '长'.repeat(20_000)),
    json('sql', "' OR '1'='1';select pg_sleep(3)--"),
  ],
  number: [
    json('string', 'x'),
    token('1e309', '1e309'),
    token('-1', '-1'),
    token('1.5', '1.5'),
    token('1e20', '1e20'),
    json('"Infinity"', 'Infinity'),
  ],
  date: [...DATES, ...DATE_TIMES].map((value) => json(value, value)),
  id: [json('array', [UNKNOWN_UUID]), json('nil uuid', NIL_UUID), json('unknown uuid', UNKNOWN_UUID)],
  enum: [json('unknown value', 'no-such-value'), json('array', ['x'])],
  boolean: [json('string', 'x'), json('array', [true])],
  array: [json('string', 'x'), json('array of null', [null])],
  object: [json('string', 'x'), json('array', [])],
};
/**
 * Values whose handling is one shared layer for every field (the storable-text and finite-number
 * checks, the JSON parser): each field gets one of them, in turn, so each is sent to a share of
 * all fields of every route without multiplying the requests.
 */
const BODY_ROTATING: Record<Shape, Malformed[]> = {
  string: [
    token('nul', '"a\\u0000b"'),
    token('lone surrogate', '"a\\ud800b"'),
    { label: 'invalid utf-8', raw: Buffer.concat([Buffer.from('"a'), INVALID_UTF8, Buffer.from('b"')]) },
    json('blank', '   '),
    token('number', '0'),
  ],
  number: [
    json('"1e309"', '1e309'),
    token('2^53+1', '9007199254740993'),
    token('-1e309', '-1e309'),
    json('"NaN"', 'NaN'),
  ],
  date: [json('empty string', ''), token('number', '0'), json('array', ['2025-03-14'])],
  id: [json('upper-case uuid', UNKNOWN_UUID.toUpperCase()), json('sql', "' OR 1=1--"), token('number', '0')],
  enum: [json('empty string', ''), json('sql', "' OR 1=1--")],
  boolean: [json('"false"', 'false')],
  array: [json('object', {})],
  object: [json('object of null', { x: null })],
};

/** Query and path values, already percent-encoded. */
const URL_VALUES: Record<Shape, Malformed[]> = {
  string: [token('sql', encodeURIComponent("' OR '1'='1';select pg_sleep(3)--")), token('long', 'x'.repeat(5_000))],
  number: ['Infinity', '1e309', '-1', '1.5', '99999999999999999999'].map((value) => token(value, value)),
  date: [...DATES, ...DATE_TIMES].map((value) => token(value, encodeURIComponent(value))),
  id: [token('nil uuid', NIL_UUID), token('unknown uuid', UNKNOWN_UUID)],
  enum: [token('unknown value', 'no-such-value')],
  boolean: [token('not a boolean', 'maybe')],
  array: [token('unknown value', 'no-such-value')],
  object: [token('brackets', '%5B%5D')],
};
const URL_ROTATING: Malformed[] = [
  token('nul', '%00'),
  token('lone surrogate', '%ED%A0%80'),
  token('bad percent-encoding', '%zz%FF%FE'),
  token('dot segments', '..%2F..%2Fpackage.json'),
  token('empty', ''),
  token('-Infinity', '-Infinity'),
  token('NaN', 'NaN'),
  token('0x10', '0x10'),
];

/**
 * The malformed values for one field of this schema: null (in a body), its shape's values, and
 * the `position`-th of the rotating ones (the caller counts fields, so the choice is fixed).
 */
export function malformedFor(schema: SchemaNode, where: 'body' | 'url', position: number): Malformed[] {
  const shape = shapeOf(schema);
  if (where === 'url') return [...URL_VALUES[shape], URL_ROTATING[position % URL_ROTATING.length]!];
  const rotating = BODY_ROTATING[shape];
  return [token('null', 'null'), ...BODY_VALUES[shape], rotating[position % rotating.length]!];
}

/** Bodies sent whole, in place of a valid one. */
export const MALFORMED_BODIES: Malformed[] = [
  token('empty', ''),
  token('null', 'null'),
  token('array', '[]'),
  token('100,000 nested brackets', deepArray(100_000)),
  token('a field nested 5,000 deep', `{"a":${deepArray(5_000)}}`),
  token('50,000 nested objects', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)),
  token('truncated', '{"a":'),
  { label: 'invalid utf-8', raw: INVALID_UTF8 },
  token('prototype pollution', '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}'),
];

/** Values that satisfy typical patterns of the contract; the sampler takes the first that matches. */
const PATTERN_SAMPLES = [
  'CNY',
  '13800138000',
  '2025-03',
  '09:30',
  '310115',
  'fuzz_code',
  'FZ-1',
  'https://example.cn',
  'a',
];
export const SAMPLE_DATE = '2025-03-14';
export const SAMPLE_DATE_TIME = '2025-03-14T09:30:00.000Z';

/**
 * A valid value for the schema: required properties only, the first enum value, the smallest
 * positive number in range, and an id from `idFor` (a record of the right kind where one exists).
 */
export function sampleOf(schema: SchemaNode, name: string, idFor: (name: string) => string): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return sampleOf(choices.find((c) => c.type !== 'null') ?? choices[0]!, name, idFor);
  const type = [schema.type].flat()[0];
  switch (type) {
    case 'integer':
    case 'number':
      return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}, name, idFor));
    case 'object': {
      const sample: Record<string, unknown> = {};
      for (const key of schema.required ?? []) sample[key] = sampleOf(schema.properties?.[key] ?? {}, key, idFor);
      return sample;
    }
    case 'string':
      return sampleString(schema, name, idFor);
    default:
      return 'x';
  }
}

function sampleString(schema: SchemaNode, name: string, idFor: (name: string) => string): string {
  if (schema.format === 'uuid') return idFor(name);
  if (schema.format === 'date') return SAMPLE_DATE;
  if (schema.format === 'date-time') return SAMPLE_DATE_TIME;
  if (schema.format === 'email') return 'fuzz@example.cn';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    return PATTERN_SAMPLES.find((candidate) => pattern.test(candidate)) ?? 'a';
  }
  const length = Math.max(schema.minLength ?? 1, 4);
  return '模糊测试'.repeat(length).slice(0, Math.min(length, schema.maxLength ?? length));
}
