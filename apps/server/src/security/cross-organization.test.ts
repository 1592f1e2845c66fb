import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALL_PERMISSIONS } from '@guanxi/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrganization } from '../modules/demo/demo-seed.js';
import { createTestContext, type Client, type TestContext } from '../test/test-app.js';
import {
  PNG,
  addKindsTheDemoLacks,
  fingerprint,
  giveaways,
  giveawaysIn,
  runEveryJob,
  searchTerms,
  settled,
} from './cross-organization.fixtures.js';
import { UNKNOWN_UUID } from './route-fuzz.inputs.js';
import {
  RecordIds,
  TABLES,
  bodyWith,
  fieldPaths,
  oldestIds,
  openApiOperations,
  type Kind,
  type Operation,
} from './route-sweep.js';

/**
 * Organizations are isolated (security A11): a user of org 1 never sees or changes anything of
 * org 2, by any route. Org 1 is the demo organization with a record of every kind; org 2's
 * administrator holds every permission with scope all and calls every route of the OpenAPI
 * document with org 1's real ids — in paths, in bodies, in list filters — searches for org 1's
 * customers and reads every list of their own. One app and database for the whole file.
 */

let ctx: TestContext;
let dataDir: string;
let org1Id: string;
let org1: RecordIds;
let org2: RecordIds;
let admin2: Client;
let operations: Operation[];
/** The GET routes without a record id (lists, reports, exports, settings) as concrete URLs. */
let listUrls: { op: Operation; url: string }[];
/** Org 2's answers to every list before and after org 1 wrote records and ran its jobs. */
let org2Seen: { before: string[]; after: string[] };
let org1Giveaways: Awaited<ReturnType<typeof giveaways>>;
let org1Terms: Awaited<ReturnType<typeof searchTerms>>;
/** A second page's cursor of org 1's list, by route. */
const org1Cursors = new Map<string, string>();
let org1Before: Record<string, string>;
let sent = 0;

/** Lists that answer only when asked for something: the duplicate check needs a name, phone, email or credit code. */
const BASE_QUERY: Record<string, Record<string, string>> = {
  '/api/v1/duplicates': { name: encodeURIComponent('乙组织自有客户') },
};
/** An approval step reads the approver field its kind names (the sampler picks the first kind). */
const APPROVER_KIND_OF: Record<string, { approverKind: string }> = {
  roleId: { approverKind: 'role' },
  userIds: { approverKind: 'users' },
};
/** The text the body sampler puts in a free-text field. */
const SAMPLE_TEXT = '模糊测试';

const uuidPathParameters = (op: Operation) =>
  op.parameters.filter((p) => p.in === 'path' && p.schema.format === 'uuid');
const isGetWithoutId = (op: Operation) => op.method === 'GET' && uuidPathParameters(op).length === 0;

async function call(op: Operation, url: string, body?: unknown) {
  sent++;
  // An upload gets a real file, so that only the record in the path can be refused.
  if (op.upload) return admin2.upload(url, { fileName: '名片.png', bytes: PNG });
  return admin2.request({
    method: op.method as 'GET',
    url,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
async function readAll(): Promise<string[]> {
  const bodies: string[] = [];
  // Exports are left out: each one is audited, so reading them changes the audit log being compared.
  for (const { op, url } of listUrls) {
    if (!op.path.endsWith('/export')) bodies.push(settled((await call(op, url)).body));
  }
  return bodies;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-cross-org-'));
  // One administrator reads every export of the organization several times: no per-user export limit.
  // Org 1's 20 customers export as a background job; org 2's few rows still stream at once.
  ctx = await createTestContext({ dataDir, exportRateLimitPerMinute: 0, exportInlineMaxRows: 10 });
  const db = ctx.database.db;
  operations = openApiOperations(ctx.app);
  org1Id = (await seedDemoOrganization(db, { customerCount: 20 })).orgId;
  const allRole = (orgId: string) =>
    ctx.createRole(orgId, { code: 'sweep_admin', permissions: [...ALL_PERMISSIONS], dataScope: 'all' });
  const admin1 = await ctx.login(await ctx.createUser({ orgId: org1Id, roleIds: [await allRole(org1Id)] }));

  const second = await ctx.createOrg('乙组织测试集团');
  const org2Id = second.orgId;
  // Org 2's oldest user, whom the sweep's bodies and paths name, is not its administrator.
  await ctx.createUser({ orgId: org2Id, roleIds: [second.roleIds.salesperson!] });
  admin2 = await ctx.login(await ctx.createUser({ orgId: org2Id, roleIds: [await allRole(org2Id)] }));
  const customerId = (await admin2.post('/api/v1/customers', { kind: 'company', name: '乙组织自有客户' })).json().id;
  await admin2.post('/api/v1/contacts', { customerId, name: '乙组织联系人' });
  org2 = new RecordIds(await oldestIds(db, org2Id));
  const jobNames = ((await admin2.get('/api/v1/jobs')).json() as { items: { name: string }[] }).items.map(
    (j) => j.name,
  );
  listUrls = operations
    .filter(isGetWithoutId)
    .flatMap((op) =>
      op.path.includes('{name}')
        ? jobNames.map((name) => ({ op, url: org2.urlOf(op).replace(/[^/]*(?=\/runs$)/, name) }))
        : [{ op, url: org2.urlOf(op, { query: BASE_QUERY[op.path] }) }],
    );

  // Org 1 acts while org 2 looks: a record of every kind the demo lacks, and every job run by hand.
  const before = await readAll();
  await addKindsTheDemoLacks(admin1, await oldestIds(db, org1Id));
  await runEveryJob(admin1);
  org2Seen = { before, after: await readAll() };

  org1 = new RecordIds(await oldestIds(db, org1Id));
  for (const op of operations.filter(isGetWithoutId)) {
    if (!op.parameters.some((p) => p.name === 'cursor') || !op.parameters.some((p) => p.name === 'limit')) continue;
    const page = (await admin1.get(org1.urlOf(op, { query: { limit: '1' } }))).json() as { nextCursor?: string };
    if (page.nextCursor) org1Cursors.set(op.path, page.nextCursor);
  }
  org1Giveaways = await giveaways(db, org1Id);
  org1Terms = await searchTerms(db, org1Id);
  org1Before = await fingerprint(db, org1Id);
}, 120_000);
afterAll(async () => {
  await ctx.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Nothing of org 1 changed: per table, its rows are what they were before the sweep. */
async function expectOrg1Unchanged() {
  expect(await fingerprint(ctx.database.db, org1Id)).toEqual(org1Before);
}
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

describe('a second organization’s administrator, by every route (security A11)', () => {
  it('org 1 has a record of every kind the routes take', () => {
    expect((Object.keys(TABLES) as Kind[]).filter((kind) => !org1.ids.has(kind))).toEqual([]);
    expect(org1Cursors.size).toBeGreaterThan(10);
  });

  it('what org 1 writes and runs changes nothing in org 2’s lists, reports and settings', () => {
    const changed = listUrls
      .map(({ url }, i) => ({ url, before: org2Seen.before[i]!, after: org2Seen.after[i]! }))
      .filter((seen) => seen.before !== seen.after)
      .map((seen) => `${seen.url}: ${seen.before.slice(0, 300)} → ${seen.after.slice(0, 300)}`);
    expect(changed).toEqual([]);
  });

  it('no list, report or export of org 2 shows org 1’s records, also searched for by name or phone or paged with org 1’s cursor', async () => {
    const started = performance.now();
    const answers: string[] = [];
    const searches: Record<string, string[]> = {
      q: [org1Terms.name, org1Terms.phone],
      name: [org1Terms.name],
      phone: [org1Terms.phone],
      email: [org1Terms.email],
    };
    let calls = 0;
    for (const { op, url } of listUrls) {
      const variants: [string, string][] = [['', url]];
      const cursor = org1Cursors.get(op.path);
      if (cursor)
        variants.push([' with org 1’s cursor', org2.urlOf(op, { query: { cursor: encodeURIComponent(cursor) } })]);
      for (const p of op.parameters.filter((x) => x.in === 'query' && x.name in searches)) {
        for (const term of searches[p.name]!) {
          variants.push([` ${p.name}=${term}`, org2.urlOf(op, { query: { [p.name]: encodeURIComponent(term) } })]);
        }
      }
      for (const [what, variant] of variants) {
        calls++;
        const response = await call(op, variant);
        const label = `GET ${op.path}${what}`;
        // An export longer than the inline limit (10 here) answers 202 with org 2's own export job.
        const answered = response.statusCode === 200 || (response.statusCode === 202 && op.path.endsWith('/export'));
        if (what === '' && !answered) answers.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (response.statusCode >= 500) answers.push(`${label} → ${response.statusCode}`);
        const leaked = giveawaysIn(response.body, org1Giveaways);
        if (leaked.length > 0) answers.push(`${label} shows ${leaked.slice(0, 5).join(', ')}`);
      }
    }
    console.info(`cross-org: ${listUrls.length} lists, ${calls} calls in ${seconds(started)}`);
    expect(calls).toBeGreaterThan(listUrls.length + 30);
    expect(answers).toEqual([]);
  });

  it('lists filtered by org 1’s records answer exactly as for an unknown id', async () => {
    const started = performance.now();
    const answers: string[] = [];
    let filters = 0;
    for (const op of operations.filter(isGetWithoutId)) {
      for (const p of op.parameters.filter((x) => x.in === 'query')) {
        const id = org1.idFor(p.name);
        const isId = p.schema.format === 'uuid' || p.schema.items?.format === 'uuid';
        if (!isId || id === UNKNOWN_UUID) continue;
        filters++;
        // An export compares as CSV: an XLSX file carries the time it was made.
        const format: Record<string, string> = op.path.endsWith('/export') ? { format: 'csv' } : {};
        const foreign = await call(op, org2.urlOf(op, { query: { ...format, [p.name]: id } }));
        const unknown = await call(op, org2.urlOf(op, { query: { ...format, [p.name]: UNKNOWN_UUID } }));
        const label = `GET ${op.path}?${p.name}=<org 1's>`;
        const same = settled(foreign.body.replaceAll(id, UNKNOWN_UUID)) === settled(unknown.body);
        if (foreign.statusCode !== unknown.statusCode || !same) {
          answers.push(
            `${label} → ${foreign.statusCode} ${foreign.body.slice(0, 200)}; unknown id → ${unknown.statusCode}`,
          );
        }
      }
    }
    console.info(`cross-org: ${filters} related-record filters in ${seconds(started)}`);
    expect(filters).toBeGreaterThan(35);
    expect(answers).toEqual([]);
  });

  it('every route taking a record id answers 404 for org 1’s records, and nothing of org 1 changes', async () => {
    const started = performance.now();
    const routes = operations.filter((op) => uuidPathParameters(op).length > 0);
    expect(routes.length).toBeGreaterThan(100);
    const unknownKind: string[] = [];
    const answers: string[] = [];
    for (const op of routes) {
      for (const p of uuidPathParameters(op)) {
        if (org1.idForPath(op.path, p.name) === UNKNOWN_UUID) unknownKind.push(`${op.path} {${p.name}}`);
      }
      // A valid body of org 2's own, so that only the record in the path is foreign.
      const body = op.body && (org2.bodyFor(op.body) as Record<string, unknown>);
      const response = await call(op, org2.urlOf(op, { pathIds: org1 }), body);
      if (response.statusCode !== 404)
        answers.push(`${op.method} ${op.path} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    console.info(`cross-org: ${routes.length} routes by id in ${seconds(started)}`);
    expect(unknownKind).toEqual([]);
    expect(answers).toEqual([]);
    await expectOrg1Unchanged();
  });

  it('writes answer a reference to org 1’s records in their body as one to an unknown id, no job org 2 runs touches org 1, and nothing of org 1 changes', async () => {
    const started = performance.now();
    const answers: string[] = [];
    const referenced = new Set<string>();
    let fields = 0;
    let refused = 0;
    for (const op of operations.filter((o) => o.body && o.method !== 'GET')) {
      for (const { path: field, schema } of fieldPaths(op.body!)) {
        const choices = [schema, ...(schema.anyOf ?? [])];
        const isList = choices.some((s) => s.items?.format === 'uuid');
        const id = org1.idFor(String(field.at(-1)));
        if (!(isList || choices.some((s) => s.format === 'uuid')) || id === UNKNOWN_UUID) continue;
        fields++;
        referenced.add(id);
        // Each body names its record afresh, so the second of two creates is no duplicate of the first.
        const send = async (value: string) => {
          const raw = bodyWith(op.body!, field, JSON.stringify(isList ? [value] : value), org2.idFor).toString();
          const body = JSON.parse(raw.replaceAll(SAMPLE_TEXT, `乙${(sent % 1296).toString(36).padStart(2, '0')}号`));
          const holder = field.slice(0, -1).reduce((node, key) => node[key], body);
          if ('approverKind' in holder) Object.assign(holder, APPROVER_KIND_OF[String(field.at(-1))]);
          const response = await call(op, org2.urlOf(op), body);
          // A record still at its built-in default (an approval flow) is read at version 0.
          if (response.statusCode !== 409 || body.version !== 1) return response;
          return call(op, org2.urlOf(op), { ...body, version: 0 });
        };
        const foreign = await send(id);
        const unknown = await send(UNKNOWN_UUID);
        if (foreign.statusCode === 400 || foreign.statusCode === 404) refused++;
        const label = `${op.method} ${op.path} ${field.join('.')}`;
        const same =
          foreign.statusCode === unknown.statusCode &&
          (foreign.statusCode < 300 || settled(foreign.body.replaceAll(id, UNKNOWN_UUID)) === settled(unknown.body));
        if (!same)
          answers.push(
            `${label} → ${foreign.statusCode} ${foreign.body.slice(0, 200)}; unknown id → ${unknown.statusCode}`,
          );
      }
    }
    console.info(`cross-org: ${fields} body references (${refused} refused 400/404) in ${seconds(started)}`);
    expect(fields).toBeGreaterThan(60);
    expect(answers).toEqual([]);
    await runEveryJob(admin2);
    await expectOrg1Unchanged();
    // What org 2 saved with org 1's ids in it joins to none of org 1's records (ids org 2 sent itself aside).
    const found = {
      ids: new Set([...org1Giveaways.ids].filter((id) => !referenced.has(id))),
      texts: org1Giveaways.texts,
    };
    for (const { op, url } of listUrls) {
      const leaked = giveawaysIn((await call(op, url)).body, found);
      if (leaked.length > 0) answers.push(`GET ${url} shows ${leaked.slice(0, 5).join(', ')}`);
    }
    expect(answers).toEqual([]);
    console.info(`cross-org: ${sent} requests in all`);
  });
});
