import { ALL_PERMISSIONS } from '@guanxi/contract';
import { asc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrganization } from '../modules/demo/demo-seed.js';
import * as schema from '../platform/db/schema/index.js';
import { createTestContext, type Client, type TestContext } from '../test/test-app.js';
import {
  MALFORMED_BODIES,
  UNKNOWN_UUID,
  malformedFor,
  sampleOf,
  type Malformed,
  type SchemaNode,
} from './route-fuzz.inputs.js';

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: SchemaNode;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: SchemaNode;
}
type Path = (string | number)[];
interface ErrorShape {
  code?: string;
  message?: string;
  fields?: { field: string; message: string }[];
}

/** Ends the fuzzing admin's own session; everything else is fair game in a throwaway database. */
const SKIPPED = new Set(['POST /api/v1/auth/logout']);
/** The record kind behind a path segment or a field name, so that valid ids reach the services. */
const TABLES = {
  customers: schema.customers,
  contacts: schema.contacts,
  leads: schema.leads,
  lead_pools: schema.leadPools,
  customer_pools: schema.customerPools,
  follow_ups: schema.followUps,
  attachments: schema.attachments,
  sales_processes: schema.salesProcesses,
  opportunities: schema.opportunities,
  tasks: schema.tasks,
  work_reports: schema.workReports,
  work_plans: schema.workPlans,
  payments: schema.payments,
  payment_plans: schema.paymentPlans,
  orders: schema.orders,
  approvals: schema.approvalRequests,
  product_categories: schema.productCategories,
  products: schema.products,
  expenses: schema.expenses,
  warehouses: schema.warehouses,
  departments: schema.departments,
  users: schema.users,
  roles: schema.roles,
  notifications: schema.notifications,
  todos: schema.todos,
  saved_views: schema.savedViews,
  tokens: schema.apiTokens,
};
type Kind = keyof typeof TABLES;
const FIELD_KINDS: Record<string, Kind> = {
  customer: 'customers',
  contact: 'contacts',
  order: 'orders',
  product: 'products',
  warehouse: 'warehouses',
  toWarehouse: 'warehouses',
  user: 'users',
  owner: 'users',
  assignee: 'users',
  toUser: 'users',
  fromUser: 'users',
  manager: 'users',
  approver: 'users',
  recipient: 'users',
  adminUser: 'users',
  memberUser: 'users',
  employee: 'users',
  department: 'departments',
  parent: 'departments',
  memberDepartment: 'departments',
  requiredDepartment: 'departments',
  role: 'roles',
  pool: 'customer_pools',
  lead: 'leads',
  opportunity: 'opportunities',
  category: 'product_categories',
  process: 'sales_processes',
  plan: 'payment_plans',
  followUp: 'follow_ups',
  attachment: 'attachments',
  report: 'work_reports',
  related: 'customers',
};

let ctx: TestContext;
let clients: Client[];
const ids = new Map<Kind, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const { orgId } = await seedDemoOrganization(db, { customerCount: 20 });
  const roleId = await ctx.createRole(orgId, {
    code: 'fuzz_admin',
    permissions: [...ALL_PERMISSIONS],
    dataScope: 'all',
  });
  const zh = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleId] }));
  const en = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleId] }));
  expect((await en.patch('/api/v1/auth/me', { locale: 'en' })).statusCode).toBe(200);
  clients = [zh, en];
  for (const [kind, table] of Object.entries(TABLES)) {
    // The oldest record of each kind: the same one on every run, whatever order lists return.
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(eq(table.orgId, orgId))
      .orderBy(asc(table.id))
      .limit(1);
    if (row) ids.set(kind as Kind, row.id);
  }
}, 120_000);
afterAll(() => ctx.close());

const idFor = (name: string): string => {
  const base = name.replace(/Ids?$/, '');
  const kind = (FIELD_KINDS[base] ?? (base in TABLES ? base : undefined)) as Kind | undefined;
  return (kind && ids.get(kind)) ?? UNKNOWN_UUID;
};
/** A path parameter's record kind comes from the segment before it: /orders/{id} → orders. */
const idForPath = (path: string, name: string): string => {
  if (name !== 'id') return idFor(name);
  const segment = path.split(`/{${name}}`)[0]!.split('/').pop()!.replaceAll('-', '_');
  return ids.get(segment as Kind) ?? UNKNOWN_UUID;
};

function operations(): Operation[] {
  const spec = ctx.app.swagger() as unknown as {
    paths: Record<
      string,
      Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: SchemaNode }> } }>
    >;
  };
  return Object.entries(spec.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: `${path}`,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
    })),
  );
}

function urlOf(operation: Operation, fuzzed?: { parameter: Parameter; raw: string }): string {
  const valueOf = (p: Parameter) => {
    if (fuzzed?.parameter === p) return fuzzed.raw;
    const sample =
      p.in === 'path' && p.schema.format === 'uuid'
        ? idForPath(operation.path, p.name)
        : sampleOf(p.schema, p.name, idFor);
    return encodeURIComponent(String(sample));
  };
  let url = operation.path;
  for (const p of operation.parameters.filter((x) => x.in === 'path')) url = url.replace(`{${p.name}}`, valueOf(p));
  const query = operation.parameters.filter((p) => p.in === 'query' && (p.required || fuzzed?.parameter === p));
  return query.length === 0 ? url : `${url}?${query.map((p) => `${p.name}=${valueOf(p)}`).join('&')}`;
}

/** Every field path of a body: top-level properties, and those of objects and object arrays inside. */
function fieldPaths(node: SchemaNode, prefix: Path = [], depth = 0): { path: Path; schema: SchemaNode }[] {
  const object = [node, ...(node.anyOf ?? [])].find((s) => s.properties);
  if (!object?.properties || depth > 2) return [];
  return Object.entries(object.properties).flatMap(([key, child]) => {
    const items = [child, ...(child.anyOf ?? [])].find((s) => s.type === 'array')?.items;
    const nested = items?.properties
      ? fieldPaths(items, [...prefix, key, 0], depth + 1)
      : fieldPaths(child, [...prefix, key], depth + 1);
    return [{ path: [...prefix, key], schema: child }, ...nested];
  });
}

const propertiesOf = (node?: SchemaNode) => [node, ...(node?.anyOf ?? [])].find((s) => s?.properties)?.properties ?? {};

const MARKER = '\u0001fuzz\u0001';
/** The valid body with the value at `path` replaced by the raw malformed text. */
function bodyWith(schemaNode: SchemaNode, path: Path, raw: string | Buffer): Buffer {
  const body = sampleOf(schemaNode, 'body', idFor) as Record<string | number, unknown>;
  let container: Record<string | number, unknown> = body;
  let node: SchemaNode = schemaNode;
  for (const [i, key] of path.entries()) {
    const object = [node, ...(node.anyOf ?? [])].find((s) => s.properties || s.items) ?? node;
    node = (typeof key === 'number' ? object.items : object.properties?.[key]) ?? {};
    if (i === path.length - 1) container[key] = MARKER;
    else {
      container[key] ??= sampleOf({ ...node, minItems: Math.max(node.minItems ?? 0, 1) }, String(key), idFor);
      container = container[key] as Record<string | number, unknown>;
    }
  }
  const [before, after] = JSON.stringify(body).split(JSON.stringify(MARKER));
  return Buffer.concat([Buffer.from(before!), Buffer.from(raw), Buffer.from(after ?? '')]);
}

const HAN = /\p{Script=Han}/u;
let sent = 0;

/** Sends one request and returns what is wrong with the answer, if anything. */
async function probe(
  operation: Operation,
  what: string,
  url: string,
  payload?: Buffer | string,
): Promise<string | null> {
  const client = clients[sent++ % clients.length]!;
  const english = client === clients[1];
  const headers = {
    ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    // Refusals before sign-in is resolved (a bad path, an unparsable body) go by the header.
    ...(english ? { 'accept-language': 'en' } : {}),
  };
  const response: LightMyRequestResponse = await client.request({
    method: operation.method as 'GET',
    url,
    headers,
    payload,
  });
  const label = `${operation.method} ${operation.path} ${what} → ${response.statusCode}`;
  if (response.statusCode >= 500) return `${label} ${response.body.slice(0, 160)}`;
  if (response.statusCode < 400 || operation.method === 'HEAD') return null;
  const error = (response.json() as { error?: ErrorShape }).error;
  if (!error?.code || !error.message) return `${label}: no error message`;
  if (english && HAN.test(error.message)) return `${label}: not in English: ${error.message}`;
  // Every field the route declares is named by its label; a name it does not know stays the client's own.
  const declared = new Set([...operation.parameters.map((p) => p.name), ...Object.keys(propertiesOf(operation.body))]);
  const unnamed = (error.fields ?? []).find((f) => {
    const name = f.field.split('.')[0]!;
    return !english && declared.has(name) && f.message.startsWith(name);
  });
  return unnamed ? `${label}: field not named in Chinese: ${unnamed.message}` : null;
}

describe('fuzzing every route of the OpenAPI document (security B2)', () => {
  it('malformed query, path and body values never answer 5xx, and every refusal is explained', async () => {
    const problems: string[] = [];
    const note = (problem: string | null) => problem && problems.push(problem);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    let position = 0;
    const all = operations().filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
    expect(all.length).toBeGreaterThan(150);
    for (const operation of all) {
      const hasBody = operation.body !== undefined;
      const validBody = hasBody ? Buffer.from(JSON.stringify(sampleOf(operation.body!, 'body', idFor))) : undefined;
      for (const parameter of operation.parameters) {
        const values = malformedFor(parameter.schema, 'url', position++);
        // A query parameter given twice arrives as an array where the route expects one value.
        if (parameter.in === 'query') values.push({ label: 'given twice', raw: `1&${parameter.name}=2` });
        for (const value of values) {
          const url = urlOf(operation, { parameter, raw: String(value.raw) });
          note(await probe(operation, `${parameter.in} ${parameter.name}=${value.label}`, url, validBody));
        }
      }
      if (!hasBody) continue;
      for (const { path, schema: field } of fieldPaths(operation.body!)) {
        for (const value of malformedFor(field, 'body', position++)) {
          note(
            await probe(
              operation,
              `body ${path.join('.')}=${value.label}`,
              urlOf(operation),
              bodyWith(operation.body!, path, value.raw),
            ),
          );
        }
      }
      const unknownField = Buffer.from(
        JSON.stringify({ ...(sampleOf(operation.body!, 'body', idFor) as object), fuzzUnknown: 1 }),
      );
      for (const value of [...MALFORMED_BODIES, { label: 'unknown field', raw: unknownField } satisfies Malformed]) {
        note(await probe(operation, `whole body ${value.label}`, urlOf(operation), value.raw));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.info(
      `route fuzz: ${all.length} operations, ${sent} requests in ${seconds.toFixed(1)} s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
    );
    expect(problems).toEqual([]);
  }, 180_000);
});
