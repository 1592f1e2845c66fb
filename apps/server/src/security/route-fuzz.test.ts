import { ALL_PERMISSIONS } from '@guanxi/contract';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrganization } from '../modules/demo/demo-seed.js';
import type { Client } from '../test/test-app.js';
import { MALFORMED_BODIES, malformedFor, sampleOf, type Malformed, type SchemaNode } from './route-fuzz.inputs.js';
import {
  RecordIds,
  bodyWith,
  fieldPaths,
  oldestIds,
  openApiOperations,
  type Operation,
  type Parameter,
} from './route-sweep.js';
import { useTestContext } from '../test/file-context.js';

interface ErrorShape {
  code?: string;
  message?: string;
  fields?: { field: string; message: string }[];
}

/** Ends the fuzzing admin's own session; everything else is fair game in a throwaway database. */
const SKIPPED = new Set(['POST /api/v1/auth/logout']);

const ctx = useTestContext();
let clients: Client[];
let records: RecordIds;
let idFor: (name: string) => string;

beforeAll(async () => {
  const { orgId } = await seedDemoOrganization(ctx.database.db, { customerCount: 20 });
  const roleId = await ctx.createRole(orgId, {
    code: 'fuzz_admin',
    permissions: [...ALL_PERMISSIONS],
    dataScope: 'all',
  });
  const zh = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleId] }));
  const en = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleId] }));
  expect((await en.patch('/api/v1/auth/me', { locale: 'en' })).statusCode).toBe(200);
  clients = [zh, en];
  records = new RecordIds(await oldestIds(ctx.database.db, orgId));
  idFor = records.idFor;
}, 120_000);

const urlOf = (operation: Operation, fuzzed?: { parameter: Parameter; raw: string }) =>
  records.urlOf(operation, { fuzzed });

const propertiesOf = (node?: SchemaNode) => [node, ...(node?.anyOf ?? [])].find((s) => s?.properties)?.properties ?? {};

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
  // The sweep's own sample text may come back as data an administrator named (a custom field's label).
  const ownText = error.message.replaceAll('模糊测试', '');
  if (english && HAN.test(ownText)) return `${label}: not in English: ${error.message}`;
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
    const all = openApiOperations(ctx.app).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
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
              bodyWith(operation.body!, path, value.raw, idFor),
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
