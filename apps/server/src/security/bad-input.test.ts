import { ALL_PERMISSIONS, DATE_PATTERN, DATE_TIME_PATTERN } from '@guanxi/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../test/test-app.js';
import { UNKNOWN_UUID, sampleOf, type SchemaNode } from './route-fuzz.inputs.js';
import { useTestContext } from '../test/file-context.js';

/** Malformed input answers 400 naming the field, in the caller's language, never 500 (issue 10, defect 7). */

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema: SchemaNode }[];
  body?: SchemaNode;
}

const ctx = useTestContext();
let zh: Client;
let en: Client;

beforeAll(async () => {
  const { orgId } = await ctx.createOrg();
  const roleId = await ctx.createRole(orgId, {
    code: 'everything',
    permissions: [...ALL_PERMISSIONS],
    dataScope: 'all',
  });
  zh = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleId] }));
  en = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleId] }));
  expect((await en.patch('/api/v1/auth/me', { locale: 'en' })).statusCode).toBe(200);
});

function operations(): Operation[] {
  const spec = ctx.app.swagger() as unknown as {
    paths: Record<
      string,
      Record<
        string,
        Omit<Operation, 'method' | 'path'> & { requestBody?: { content: Record<string, { schema: SchemaNode }> } }
      >
    >;
  };
  return Object.entries(spec.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
    })),
  );
}
/** Every schema node under a request's parameters and body. */
function nodesOf(operation: Operation): SchemaNode[] {
  const found: SchemaNode[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    if ('format' in node) found.push(node as SchemaNode);
    Object.values(node).forEach(walk);
  };
  walk(operation.parameters.map((p) => p.schema));
  walk(operation.body);
  return found;
}
/** The list's URL with well-formed path and required query values, ready for one more parameter. */
function urlOf(operation: Operation): string {
  const value = (p: Operation['parameters'][number]) =>
    encodeURIComponent(String(sampleOf(p.schema, p.name, () => UNKNOWN_UUID)));
  let url = operation.path;
  for (const p of operation.parameters.filter((x) => x.in === 'path')) url = url.replace(`{${p.name}}`, value(p));
  const required = operation.parameters.filter((p) => p.in === 'query' && p.required);
  return `${url}?${required.map((p) => `${p.name}=${value(p)}&`).join('')}`;
}
const fieldsOf = (response: { json(): unknown }) =>
  (response.json() as { error: { fields: { field: string; message: string }[] } }).error.fields;

describe('dates outside 1900–2999', () => {
  it('every date and date-time a request takes uses the one bounded schema of the contract', () => {
    const nodes = operations().flatMap(nodesOf);
    const dates = nodes.filter((n) => n.format === 'date');
    const instants = nodes.filter((n) => n.format === 'date-time');
    expect(dates.length).toBeGreaterThan(28);
    expect(instants.length).toBeGreaterThan(5);
    expect(dates.filter((n) => n.pattern !== DATE_PATTERN)).toEqual([]);
    expect(instants.filter((n) => n.pattern !== DATE_TIME_PATTERN)).toEqual([]);
  });

  it('year 0000 and 9999 in a filter answer 400 naming the field, in Chinese and in English', async () => {
    for (const day of ['0000-01-01', '9999-12-31', '1899-12-31', '3000-01-01']) {
      const chinese = await zh.get(`/api/v1/payments?from=${day}`);
      expect(chinese.statusCode, day).toBe(400);
      expect(fieldsOf(chinese)).toEqual([{ field: 'from', message: '起始应为 1900–2999 年之间的日期（YYYY-MM-DD）' }]);
      const english = await en.get(`/api/v1/payments?to=${day}`);
      expect(fieldsOf(english)).toEqual([
        { field: 'to', message: expect.stringMatching(/must be a date from 1900 to 2999 \(YYYY-MM-DD\)$/) },
      ]);
    }
    expect((await zh.get('/api/v1/payments?from=1900-01-01&to=2999-12-31')).statusCode).toBe(200);
  });

  it('an expense spent in year 0000 is refused naming the date, and nothing is stored', async () => {
    const body = { category: 'travel', amountFen: 100, description: '出差', spentOn: '0000-01-01' };
    const response = await zh.post('/api/v1/expenses', body);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([
      { field: 'spentOn', message: '发生日期应为 1900–2999 年之间的日期（YYYY-MM-DD）' },
    ]);
    expect((await zh.get('/api/v1/expenses')).json().items).toEqual([]);
  });

  it('instants in year 0000, with a leap second or an offset past ±14:00 answer 400 naming the field', async () => {
    for (const instant of [
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '2024-12-31T23:59:60Z',
      '2024-06-01T00:00:00+23:59',
    ]) {
      const response = await en.get(`/api/v1/customers?createdFrom=${encodeURIComponent(instant)}`);
      expect(response.statusCode, instant).toBe(400);
      expect(fieldsOf(response)).toEqual([
        {
          field: 'createdFrom',
          message: expect.stringMatching(/^Created from must be a date and time from 1900 to 2999/),
        },
      ]);
    }
    expect(
      (await zh.get(`/api/v1/customers?createdFrom=${encodeURIComponent('2025-03-14T09:30:00.000+08:00')}`)).statusCode,
    ).toBe(200);
  });
});

describe('page sizes and cursors', () => {
  const lists = () => operations().filter((o) => o.method === 'GET' && o.parameters.some((p) => p.name === 'limit'));

  it('every list refuses a page size of Infinity, 1e309, a negative, fractional or huge number with 400 naming it', async () => {
    expect(lists().length).toBeGreaterThanOrEqual(26);
    const answers: string[] = [];
    for (const list of lists()) {
      for (const limit of ['Infinity', '-Infinity', '1e309', 'NaN', '-1', '0', '1.5', '99999999999999999999']) {
        const response = await zh.get(`${urlOf(list)}limit=${limit}`);
        const fields = response.statusCode === 400 ? fieldsOf(response) : [];
        if (!fields.some((f) => f.field === 'limit' && f.message.startsWith('每页条数')))
          answers.push(`${list.path} limit=${limit} → ${response.statusCode}`);
      }
    }
    expect(answers).toEqual([]);
  });

  it('every list refuses a forged cursor with 400 naming it', async () => {
    const forged = [
      'garbage',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('["x","not-an-id"]').toString('base64url'),
      Buffer.from('[{"$gt":1},"01890000-0000-7000-8000-00000000f00d"]').toString('base64url'),
    ];
    const answers: string[] = [];
    for (const list of lists().filter((o) => o.parameters.some((p) => p.name === 'cursor'))) {
      for (const cursor of forged) {
        const response = await en.get(`${urlOf(list)}cursor=${cursor}`);
        const fields = response.statusCode === 400 ? fieldsOf(response) : [];
        // 404: a list under a record that does not exist (the unknown id in its path).
        if (response.statusCode !== 404 && !fields.some((f) => f.field === 'cursor'))
          answers.push(`${list.path} cursor=${cursor} → ${response.statusCode}`);
      }
    }
    expect(answers).toEqual([]);
  });

  it('a number sent as the text "Infinity" or "1e309" in a body is refused, not coerced into the database', async () => {
    for (const quantity of ['Infinity', '1e309', '-Infinity']) {
      const response = await en.post('/api/v1/stock-movements', {
        kind: 'receipt',
        warehouseId: UNKNOWN_UUID,
        productId: UNKNOWN_UUID,
        quantity,
      });
      expect(response.statusCode, quantity).toBe(400);
      expect(fieldsOf(response)).toEqual([
        { field: 'quantity', message: 'Quantity must be a number within the allowed range' },
      ]);
    }
  });
});

describe('nesting and unreadable addresses', () => {
  const raw = (client: Client, payload: string) =>
    client.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'content-type': 'application/json' },
      payload,
    });

  it('a body of 100,000 nested brackets answers 400 naming the body, not a stack overflow', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const response = await raw(en, deep);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([{ field: 'body', message: 'Request body is nested too deeply' }]);
    const objects = await raw(zh, '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000));
    expect(fieldsOf(objects)).toEqual([{ field: 'a', message: 'a嵌套层级过深' }]);
  });

  it('a field nested absurdly deep is refused naming that field', async () => {
    const response = await raw(zh, `{"kind":"company","name":${'['.repeat(5_000)}${']'.repeat(5_000)}}`);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual([{ field: 'name', message: '名称嵌套层级过深' }]);
  });

  it('a path that is not valid percent-encoding or a parameter far too long answers 400 naming the address', async () => {
    for (const url of [
      '/api/v1/customers/%zz',
      '/api/v1/customers/%ED%A0%80',
      `/api/v1/customers/${'x'.repeat(5_000)}`,
    ]) {
      const response = await en.request({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(response.statusCode, url.slice(0, 40)).toBe(400);
      expect(fieldsOf(response)).toEqual([{ field: 'path', message: 'Request address is not valid' }]);
    }
    const chinese = await zh.get('/api/v1/customers/%00');
    expect(fieldsOf(chinese)).toEqual([{ field: 'id', message: expect.stringMatching(/无效$|不是有效的编号$/) }]);
  });
});
