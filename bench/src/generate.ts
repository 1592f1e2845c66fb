/**
 * Loads N synthetic customers into an empty Guanxi database, PostgreSQL or PGlite (bench.md):
 * the demo organization (logins admin / east.rep1 …, password guanxi-demo) plus ~200 extra
 * salespeople, skewed ownership, 30 % persons, realistic names and mobiles, 2–5 years of dates,
 * 5 % soft-deleted, search tokens from the application's own function.
 *
 *   tsx bench/src/generate.ts --customers 1000000 --db postgres://postgres@127.0.0.1/guanxi_bench
 *   tsx bench/src/generate.ts --customers 100000 --pglite /tmp/guanxi-bench-pglite
 */
import { pathToFileURL } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { SOURCES, TIERS, type Stage } from '@guanxi/contract';
import { openStore } from '../../apps/server/src/server.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { newId } from '../../apps/server/src/platform/db/ids.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { hashPassword } from '../../apps/server/src/platform/auth/passwords.js';
import { orgSequences } from '../../apps/server/src/platform/db/schema/index.js';
import { buildSearchLexemes, toTsvectorLiteral } from '../../apps/server/src/platform/search/search-tokens.js';
import { DEMO_ORG_NAME, DEMO_PASSWORD, seedDemoOrganization } from '../../apps/server/src/modules/demo/demo-seed.js';
import {
  companyName,
  mobileNumber,
  personName,
  pick,
  seededRandom,
} from '../../apps/server/src/modules/demo/company-names.js';
import { setNextCustomerNo } from '../../apps/server/src/modules/customers/index.js';
import {
  nameBigrams,
  normalizeEmail,
  normalizeName,
  normalizePhone,
} from '../../apps/server/src/platform/search/text-normalization.js';
import { insertDepartment, insertUser } from '../../apps/server/src/modules/org/index.js';
import { DAY_MS } from '../../apps/server/src/platform/time/index.js';
import { TARGET_OPTIONS, configFor, parseArgs, parseCount, recordLoadTime, targetFrom, type Target } from './common.js';

const EXTRA_OWNERS = 200;
const YEAR = 365 * DAY_MS;

/** Stage mix of a CRM a few years old: most customers never got past the first stages. */
const STAGE_WEIGHTS: [Stage, number][] = [
  ['prospect', 0.4],
  ['interested', 0.25],
  ['first_purchase', 0.15],
  ['repeat', 0.1],
  ['lost', 0.1],
];
const EMAIL_USERS = ['info', 'sales', 'contact', 'service', 'hr', 'purchase'];
const EMAIL_DOMAINS = ['example.cn', 'example.com.cn', 'example.com'];
const ROADS = ['科技路', '人民路', '中山路', '解放路', '建设路', '高新大道', '工业园路', '滨江路'];
const REGIONS = [
  '华北销售组',
  '华中销售组',
  '西南销售组',
  '西北销售组',
  '东北销售组',
  '华东二组',
  '华南二组',
  '大客户部',
];

export interface GenerateOptions {
  customers: number;
  /** Rows per INSERT statement (one statement = one short transaction). */
  batchSize?: number;
  /** INSERT statements in flight at once (PostgreSQL only; PGlite runs one at a time). */
  parallel?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  orgId: string;
  customers: number;
  seconds: number;
  rowsPerSecond: number;
  /** ANALYZE/VACUUM and checkpoint after the rows are in. */
  finishSeconds: number;
}

interface Owner {
  id: string;
  weight: number;
}

/** Cumulative weights for sampling owners; `null` = in the pool. */
function ownerSampler(owners: Owner[], poolShare: number, random: () => number): () => string | null {
  const total = owners.reduce((sum, o) => sum + o.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const o of owners) cumulative.push((acc += o.weight / total));
  return () => {
    if (random() < poolShare) return null;
    const u = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return owners[lo]!.id;
  };
}

function pickWeighted<T>(random: () => number, weights: readonly [T, number][]): T {
  let u = random();
  for (const [value, weight] of weights) {
    if (u < weight) return value;
    u -= weight;
  }
  return weights[weights.length - 1]![0];
}

/** Creates the organization and its users; answers the owners with their weights. */
async function createPeople(database: Database, random: () => number, log: (line: string) => void) {
  const { orgId } = await seedDemoOrganization(database.db, {
    customerCount: 0,
  });
  const users = await queryRows<{
    id: string;
    username: string;
    department_id: string | null;
  }>(database.db, sql`select id, username, department_id from users where org_id = ${orgId}`);
  const byName = new Map(users.map((u) => [u.username, u]));
  const user = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`demo user ${name} missing`);
    return found;
  };
  const roles = await queryRows<{ id: string; code: string }>(
    database.db,
    sql`select id, code from roles where org_id = ${orgId}`,
  );
  const salespersonRole = roles.find((r) => r.code === 'salesperson')?.id;
  if (!salespersonRole) throw new Error('salesperson role missing');

  // One precomputed hash for every extra login (the password is the demo one).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const extraIds: string[] = [];
  await database.db.transaction(async (tx) => {
    const salesDept = user('sales.head').department_id;
    const departments: string[] = [];
    for (const [i, name] of REGIONS.entries())
      departments.push(
        await insertDepartment(tx, {
          orgId,
          name,
          parentId: salesDept,
          sortOrder: 10 + i,
        }),
      );
    for (let i = 1; i <= EXTRA_OWNERS; i++) {
      extraIds.push(
        await insertUser(tx, {
          orgId,
          username: `rep${String(i).padStart(3, '0')}`,
          displayName: personName(random),
          passwordHash,
          departmentId: departments[i % departments.length]!,
          roleIds: [salespersonRole],
          mobile: mobileNumber(random),
        }),
      );
    }
  });
  log(`  organization ${DEMO_ORG_NAME}: ${users.length} demo users + ${EXTRA_OWNERS} salespeople`);

  // Skew: east.rep1 ~5 %, three heavy owners 5–6 % each, 3 % in the pool, the rest Zipf(0.5).
  const heavy: Owner[] = [
    { id: user('east.rep1').id, weight: 0.05 },
    { id: extraIds[0]!, weight: 0.06 },
    { id: extraIds[1]!, weight: 0.055 },
    { id: extraIds[2]!, weight: 0.05 },
  ];
  const tail = [
    ...['east.rep2', 'south.rep1', 'east.manager', 'south.manager', 'sales.head'].map((n) => user(n).id),
    ...extraIds.slice(3),
  ];
  const tailShare = 1 - 0.03 - heavy.reduce((s, o) => s + o.weight, 0);
  const zipf = tail.map((_, k) => 1 / Math.sqrt(k + 1));
  const zipfSum = zipf.reduce((a, b) => a + b, 0);
  const owners = [...heavy, ...tail.map((id, k) => ({ id, weight: (tailShare * zipf[k]!) / zipfSum }))];
  return { orgId, adminId: user('admin').id, owners };
}

interface CustomerJson {
  id: string;
  customer_no: string;
  kind: string;
  name: string;
  phone: string | null;
  email: string | null;
  industry: string | null;
  tier: string;
  source: string;
  stage: string;
  stage_entered_at: string;
  city: string;
  address: string | null;
  owner_id: string | null;
  last_follow_up_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
  search_tokens: string;
  name_normalized: string;
  name_bigrams: string[];
  phone_e164: string | null;
  phone_ext: string | null;
  email_normalized: string | null;
}

/**
 * The app's own lexemes. Names repeat (the generator has ~58k company and ~500 person names), so
 * the expensive CJK part (jieba, pinyin) is cached per name; the union with the per-row part is
 * the same array `buildSearchLexemes` returns for the whole row (checked on the first rows).
 */
function tokenBuilder() {
  const nameCache = new Map<string, string[]>();
  let checked = 0;
  return (c: { name: string; customerNo: string; phone: string | null; email: string | null }): string => {
    let nameLexemes = nameCache.get(c.name);
    if (!nameLexemes) nameCache.set(c.name, (nameLexemes = buildSearchLexemes({ texts: [c.name] })));
    const lexemes = [
      ...new Set([
        ...nameLexemes,
        ...buildSearchLexemes({
          texts: [c.customerNo],
          phones: [c.phone],
          emails: [c.email],
        }),
      ]),
    ];
    if (checked < 1000) {
      checked++;
      const direct = buildSearchLexemes({
        texts: [c.name, c.customerNo],
        phones: [c.phone],
        emails: [c.email],
      });
      if (direct.join('\u0000') !== lexemes.join('\u0000')) throw new Error(`token cache mismatch for ${c.name}`);
    }
    return toTsvectorLiteral(lexemes);
  };
}

/** The duplicate check's normalized copies (domain §4), built as the app builds them; cached per name. */
function comparableBuilder() {
  const byName = new Map<string, { name_normalized: string; name_bigrams: string[] }>();
  return (name: string, phone: string | null, email: string | null) => {
    let named = byName.get(name);
    if (!named) {
      const normalized = normalizeName(name);
      byName.set(name, (named = { name_normalized: normalized, name_bigrams: nameBigrams(normalized) }));
    }
    return {
      ...named,
      phone_e164: normalizePhone(phone).e164,
      phone_ext: normalizePhone(phone).extension,
      email_normalized: email ? normalizeEmail(email) : null,
    };
  };
}

/** The customer_stage_counts row a generated customer counts in. */
const counterKey = (row: CustomerJson) => `${row.owner_id ?? ''}|${row.stage}`;

function insertStatement(orgId: string, rows: CustomerJson[]) {
  // One parameter per statement: the batch as JSON, expanded by the database.
  return sql`insert into customers (org_id, id, customer_no, kind, name, phone, email, industry, tier, source, stage,
      stage_entered_at, city, address, owner_id, last_follow_up_at, created_by, created_at, updated_at, version,
      deleted_at, deleted_by, search_tokens, name_normalized, name_bigrams, phone_e164, phone_ext, email_normalized)
    select ${orgId}::uuid, t.id, t.customer_no, t.kind, t.name, t.phone, t.email, t.industry, t.tier, t.source, t.stage,
      t.stage_entered_at, t.city, t.address, t.owner_id, t.last_follow_up_at, t.created_by, t.created_at, t.updated_at, 1,
      t.deleted_at, t.deleted_by, t.search_tokens::tsvector, t.name_normalized, t.name_bigrams, t.phone_e164, t.phone_ext, t.email_normalized
    from json_to_recordset(${JSON.stringify(rows)}::json) as t(id uuid, customer_no text, kind text, name text, phone text,
      email text, industry text, tier text, source text, stage text, stage_entered_at timestamptz, city text, address text,
      owner_id uuid, last_follow_up_at timestamptz, created_by uuid, created_at timestamptz, updated_at timestamptz,
      deleted_at timestamptz, deleted_by uuid, search_tokens text, name_normalized text, name_bigrams text[], phone_e164 text, phone_ext text,
      email_normalized text)`;
}

export async function countCustomers(database: Database): Promise<number> {
  const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from customers`);
  return rows[0]?.n ?? 0;
}

export async function generateDataset(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const existing = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from organizations where name = ${DEMO_ORG_NAME}`,
  );
  if ((existing[0]?.n ?? 0) > 0)
    throw new Error('the target database already holds the demo organization; use an empty database');
  const n = options.customers;
  const batchSize = options.batchSize ?? 5000;
  const parallel = database.kind === 'pglite' ? 1 : (options.parallel ?? 2);
  const random = seededRandom(options.seed ?? 20261124);
  log(
    `generating ${n.toLocaleString('en')} customers into ${database.kind} (batches of ${batchSize}, ${parallel} in flight)`,
  );

  const { orgId, adminId, owners } = await createPeople(database, random, log);
  const nextOwner = ownerSampler(owners, 0.03, random);
  const tokens = tokenBuilder();
  const comparable = comparableBuilder();
  const seq = await database.db
    .select({ next: orgSequences.nextValue })
    .from(orgSequences)
    .where(and(eq(orgSequences.orgId, orgId), eq(orgSequences.name, 'customer')));
  const firstNo = seq[0]?.next ?? 1;
  const now = Date.now();

  const buildRow = (i: number): CustomerJson => {
    const no = firstNo + i;
    const customerNo = `KH${String(no).padStart(6, '0')}`;
    const isPerson = random() < 0.3;
    const company = companyName(random);
    const name = isPerson ? personName(random) : company.name;
    const phone = random() < (isPerson ? 0.98 : 0.85) ? mobileNumber(random) : null;
    const email = isPerson
      ? random() < 0.2
        ? `${String(10_000_000 + Math.floor(random() * 89_999_999))}@qq.example.com`
        : null
      : random() < 0.6
        ? `${pick(random, EMAIL_USERS)}${no}@${pick(random, EMAIL_DOMAINS)}`
        : null;
    // Created over the last five years (more recently more often); touched since; stage entered in between.
    const created = now - Math.floor(Math.pow(random(), 1.3) * 5 * YEAR);
    const updated = created + Math.floor(Math.pow(random(), 0.5) * (now - created));
    const stageEntered = created + Math.floor(random() * (updated - created));
    const followUp = random() < 0.7 ? created + Math.floor(random() * (updated - created)) : null;
    const owner = nextOwner();
    const deleted = random() < 0.05;
    const iso = (t: number) => new Date(t).toISOString();
    return {
      id: newId(),
      customer_no: customerNo,
      kind: isPerson ? 'person' : 'company',
      name,
      phone,
      email,
      industry: isPerson ? null : company.industry,
      tier: pick(random, TIERS),
      source: pick(random, SOURCES),
      stage: pickWeighted(random, STAGE_WEIGHTS),
      stage_entered_at: iso(stageEntered),
      city: company.city,
      address: isPerson ? null : `${company.city}市${pick(random, ROADS)}${1 + Math.floor(random() * 999)}号`,
      owner_id: owner,
      last_follow_up_at: followUp === null ? null : iso(followUp),
      created_by: owner ?? adminId,
      created_at: iso(created),
      updated_at: iso(updated),
      deleted_at: deleted ? iso(updated) : null,
      deleted_by: deleted ? (owner ?? adminId) : null,
      search_tokens: tokens({ name, customerNo, phone, email }),
      ...comparable(name, phone, email),
    };
  };

  const started = performance.now();
  let lastReport = started;
  let done = 0;
  const inFlight = new Set<Promise<unknown>>();
  for (let start = 0; start < n; start += batchSize) {
    const rows: CustomerJson[] = [];
    for (let i = start; i < Math.min(n, start + batchSize); i++) rows.push(buildRow(i));
    // The insert trigger bumps customer_stage_counts rows per (owner, stage): batches in flight must
    // take those row locks in the same order, or two of them deadlock (seen with 2 in flight). The
    // trigger orders its grouped upsert itself; sorted rows keep the loaded table in that order too.
    rows.sort((a, b) => counterKey(a).localeCompare(counterKey(b)));
    while (inFlight.size >= parallel) await Promise.race(inFlight);
    const p: Promise<unknown> = database.db.execute(insertStatement(orgId, rows)).then(() => {
      inFlight.delete(p);
      done += rows.length;
      const t = performance.now();
      if (t - lastReport > 5000 || done === n) {
        lastReport = t;
        const secs = (t - started) / 1000;
        log(
          `  ${done.toLocaleString('en').padStart(11)} / ${n.toLocaleString('en')} customers  ${secs.toFixed(0)} s  ${Math.round(done / secs).toLocaleString('en')} rows/s`,
        );
      }
    });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  const loaded = performance.now();
  await setNextCustomerNo(database.db, orgId, firstNo + n);
  // Visibility map and planner statistics, as autovacuum would leave them (PGlite runs none).
  await database.db.execute(sql`vacuum (analyze) customers`);
  await database.db.execute(sql`analyze users`);
  await database.checkpoint();
  const finished = performance.now();
  const seconds = (loaded - started) / 1000;
  const result = {
    orgId,
    customers: n,
    seconds,
    rowsPerSecond: n / Math.max(seconds, 1e-9),
    finishSeconds: (finished - loaded) / 1000,
  };
  log(
    `loaded ${n.toLocaleString('en')} customers in ${seconds.toFixed(1)} s (${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s); vacuum/analyze/checkpoint ${result.finishSeconds.toFixed(1)} s`,
  );
  return result;
}

/** Generates into a target and records the load time for the report. */
export async function generateInto(
  target: Target,
  database: Database,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const customers = options.customers;
  const result = await generateDataset(database, options);
  recordLoadTime({
    kind: target.kind,
    customers,
    seconds: Math.round(result.seconds * 10) / 10,
    rowsPerSecond: Math.round(result.rowsPerSecond),
    finishSeconds: Math.round(result.finishSeconds * 10) / 10,
    at: new Date().toISOString(),
  });
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...TARGET_OPTIONS,
      batch: { type: 'string' },
      parallel: { type: 'string' },
    },
    allowPositionals: false,
  });
  const target = targetFrom(values);
  const customers = parseCount(values.customers, 10_000);
  const { database, release } = await openStore(configFor(target));
  try {
    await generateInto(target, database, {
      customers,
      batchSize: parseCount(values.batch, 5000),
      parallel: parseCount(values.parallel, 2),
    });
  } finally {
    await database.close();
    release();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
