import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/query.js';
import type { Client } from '../test/test-app.js';
import { useTestContext } from '../test/file-context.js';

const NASTY: Record<string, string> = {
  quoteOr: "' OR '1'='1",
  sleep: ';select pg_sleep(3)--',
  sleepQuoted: "');select pg_sleep(3);--",
  quotes: `"'\\\`%_*:&|!()`,
  long: 'x'.repeat(10_000),
  longChinese: '长'.repeat(10_000),
  emoji: '😀🏢👨‍👩‍👧',
  fullWidth: 'ＡＢＣ１２３＝＋＇ＯＲ＇',
  nul: 'a\u0000b',
  controls: '\u0001\u001f\u007f\u202e',
  loneSurrogate: 'a\ud800b',
  tsquery: "a & !b | c:* <-> 'd'",
};
/** Invalid UTF-8 sequences: a lone continuation byte, an overlong '/', a truncated 3-byte char, 0xFF. */
const INVALID_UTF8 = Buffer.from([0x80, 0xc0, 0xaf, 0xe6, 0x88, 0xff, 0xfe]);
const QUERY_PARAMETERS = [
  'q',
  'stage',
  'kind',
  'tier',
  'source',
  'ownerId',
  'sort',
  'cursor',
  'limit',
  'deleted',
  'unknown',
];
const BODY_FIELDS = [
  'kind',
  'name',
  'phone',
  'email',
  'industry',
  'tier',
  'source',
  'stage',
  'city',
  'address',
  'remarks',
  'ownerId',
];

const ctx = useTestContext();
let r1: Client;
let r2Customer: string;

beforeAll(async () => {
  const { orgId, roleIds } = await ctx.createOrg();
  r1 = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.salesperson!] }));
  const r2 = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.salesperson!] }));
  // Distinct phones: an exact phone match blocks a create (duplicate check, domain §4).
  for (const [i, name] of ['甲贸易公司', 'Alpha Trading', '乙科技'].entries()) {
    await r1.post('/api/v1/customers', { kind: 'company', name, phone: `1391234000${i}` });
  }
  r2Customer = (
    await r2.post('/api/v1/customers', { kind: 'company', name: "O'Brien 贸易 ' OR '1'='1", phone: '13912349999' })
  ).json().id;
});

/** The ids r1 may see, straight from the database. */
async function legitIds(): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    ctx.database.db,
    sql`select id::text as id from customers where owner_id = ${r1.user.id}`,
  );
  return new Set(rows.map((r) => r.id));
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

/** Percent-encodes like a browser would, with a lone surrogate sent as its (invalid) UTF-8 bytes. */
const encode = (value: string) =>
  value
    .replace(/[\ud800-\udfff]/g, '\u0001')
    .split('')
    .map((c) => (c === '\u0001' ? '%ED%A0%80' : encodeURIComponent(c)))
    .join('');
const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify([value, '01890000-0000-7000-8000-000000000000'])).toString('base64url');

describe('fuzzing the customer list (security B1, B2)', () => {
  it('every query parameter survives hostile values: no 500, fast, no rows beyond the scope', async () => {
    const legit = await legitIds();
    const problems: string[] = [];
    for (const parameter of QUERY_PARAMETERS) {
      const values = [
        ...Object.values(NASTY).map(encode),
        '%FF%FE%C0%AF',
        '%00',
        encode(NASTY.quoteOr!) + `&${parameter}=2`,
      ];
      if (parameter === 'cursor')
        values.push(...Object.values(NASTY).flatMap((v) => [cursorOf(v), cursorOf({ v }), cursorOf([v])]));
      for (const value of values) {
        for (const sort of ['', '&sort=name', '&sort=-createdAt']) {
          const url = `/api/v1/customers?${parameter}=${value}${parameter === 'sort' ? '' : sort}`;
          const { result: response, ms } = await timed(() => r1.get(url));
          const label = `${parameter}=${value.slice(0, 40)}${sort} → ${response.statusCode} in ${Math.round(ms)} ms`;
          if (response.statusCode >= 500 || ms > 1000) problems.push(label);
          else if (response.statusCode === 200) {
            const ids: string[] = response.json().items.map((c: { id: string }) => c.id);
            if (ids.length > legit.size || ids.some((id) => !legit.has(id))) problems.push(`${label}: extra rows`);
          } else if (response.statusCode !== 400) problems.push(label);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a search for an injected quote finds only text, never other owners’ rows', async () => {
    const response = await r1.get(`/api/v1/customers?q=${encodeURIComponent("' OR '1'='1")}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((c: { id: string }) => c.id)).not.toContain(r2Customer);
  });
});

describe('fuzzing customer bodies (security B2, A10)', () => {
  it('every body field survives hostile values on create and update: no 500, fast, stored as sent or refused', async () => {
    const target = (await r1.post('/api/v1/customers', { kind: 'company', name: '模糊测试目标' })).json();
    let version: number = target.version;
    const problems: string[] = [];
    for (const field of BODY_FIELDS) {
      for (const [name, value] of Object.entries(NASTY)) {
        const create = await timed(() =>
          r1.post('/api/v1/customers', { kind: 'company', name: '模糊测试', [field]: value }),
        );
        const update = await timed(() => r1.patch(`/api/v1/customers/${target.id}`, { [field]: value, version }));
        for (const [how, { result, ms }] of [
          ['POST', create],
          ['PATCH', update],
        ] as const) {
          const label = `${how} ${field}=${name} → ${result.statusCode} in ${Math.round(ms)} ms`;
          if (result.statusCode >= 500 || ms > 1000 || ![200, 201, 400].includes(result.statusCode))
            problems.push(label);
          else if (result.statusCode !== 400 && result.json()[field] !== value)
            problems.push(`${label}: stored ${JSON.stringify(result.json()[field]).slice(0, 40)}`);
        }
        if (update.result.statusCode === 200) version = update.result.json().version;
      }
    }
    expect(problems).toEqual([]);
  });

  it('a body of invalid UTF-8 bytes is refused or stored without a server error', async () => {
    const target = (await r1.post('/api/v1/customers', { kind: 'company', name: '字节测试' })).json();
    const body = (prefix: string, suffix: string) =>
      Buffer.concat([Buffer.from(prefix), INVALID_UTF8, Buffer.from(suffix)]);
    const requests = [
      { method: 'POST' as const, url: '/api/v1/customers', payload: body('{"kind":"company","name":"', '"}') },
      {
        method: 'POST' as const,
        url: '/api/v1/customers',
        payload: body('{"kind":"company","name":"ok","remarks":"', '"}'),
      },
      { method: 'PATCH' as const, url: `/api/v1/customers/${target.id}`, payload: body('{"version":1,"city":"', '"}') },
      { method: 'POST' as const, url: '/api/v1/customers', payload: INVALID_UTF8 },
    ];
    for (const request of requests) {
      const { result, ms } = await timed(() =>
        r1.request({ ...request, headers: { 'content-type': 'application/json' } }),
      );
      expect(result.statusCode, request.payload.toString('latin1')).toBeLessThan(500);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('system fields and unknown properties in a body answer 400 and change nothing', async () => {
    const { duplicateWarnings: _, ...target } = (
      await r1.post('/api/v1/customers', { kind: 'company', name: '字段测试' })
    ).json();
    for (const extra of [
      { orgId: target.id },
      { createdBy: r1.user.id },
      { deletedAt: null },
      { id: target.id },
      { customerNo: 'KH999999' },
      { searchTokens: "'x'" },
      { constructor: { prototype: { admin: true } } },
    ]) {
      const response = await r1.patch(`/api/v1/customers/${target.id}`, { ...extra, version: target.version });
      expect(response.statusCode, JSON.stringify(extra)).toBe(400);
    }
    const poisoned = await r1.request({
      method: 'PATCH',
      url: `/api/v1/customers/${target.id}`,
      headers: { 'content-type': 'application/json' },
      payload: `{"__proto__":{"admin":true},"version":${target.version}}`,
    });
    expect(poisoned.statusCode).toBe(400);
    expect((await r1.get(`/api/v1/customers/${target.id}`)).json()).toEqual(target);
  });
});

describe('fuzzing sign-in (security B2)', () => {
  it('hostile usernames and passwords answer 400 or 401, never 500, and sign no one in', async () => {
    let n = 0;
    for (const value of Object.values(NASTY)) {
      for (const payload of [
        { username: value, password: 'whatever-password' },
        { username: r1.user.username, password: value },
      ]) {
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload,
          remoteAddress: `10.77.0.${++n}`,
        });
        expect([400, 401], JSON.stringify(payload).slice(0, 60)).toContain(response.statusCode);
        expect(response.cookies).toEqual([]);
      }
    }
  });
});

describe('SQL is never built from strings (security B1)', () => {
  const root = path.resolve(import.meta.dirname, '..');
  /**
   * DDL cannot bind identifiers or values: the test harness names databases with random hex only,
   * and the approval-type CHECK lists the contract's own constants (APPROVAL_BUSINESS_TYPES).
   */
  const ALLOWED = new Set(['test/test-database.ts', 'platform/db/schema/approvals.ts']);
  const RULES: [RegExp, string][] = [
    [new RegExp(['sql', 'raw\\s*\\('].join('\\.')), 'sql.raw'],
    [/\.(execute|query)\(\s*`[^`]*\$\{/, 'template string with ${} passed to execute/query'],
    [/\.(execute|query)\(\s*(['"])[^'"]*\2\s*\+/, 'concatenated string passed to execute/query'],
    [
      /(['"`])\s*(select|insert\s+into|update|delete\s+from)\s[^'"`]*\1\s*\+\s*\w/i,
      'SQL text concatenated with a value',
    ],
    [/\bsql`[^`]*'\$\{/, 'value interpolated inside quotes in an sql`` template'],
  ];

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
      return /\.tsx?$/.test(entry.name) ? [full] : [];
    });
  }

  it('no sql.raw and no SQL concatenated or interpolated outside the drizzle sql tag in apps/server/src', () => {
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(20);
    const findings: string[] = [];
    for (const file of files) {
      const relative = path.relative(root, file);
      if (ALLOWED.has(relative) || relative === 'security/input-fuzz.test.ts') continue;
      const text = readFileSync(file, 'utf8');
      for (const [pattern, what] of RULES) if (pattern.test(text)) findings.push(`${relative}: ${what}`);
    }
    expect(findings).toEqual([]);
  });

  it('the rules catch what they are meant to catch', () => {
    const samples = [
      "db.execute(sql.raw('select 1'))",
      'await db.execute(`select * from customers where name = ${name}`)',
      "client.query('select * from users where id = ' + id)",
      "const q = 'select * from customers where id = ' + id;",
      "sql`select * from t where name = '${name}'`",
    ];
    for (const sample of samples)
      expect(
        RULES.some(([pattern]) => pattern.test(sample)),
        sample,
      ).toBe(true);
    expect(RULES.some(([pattern]) => pattern.test('db.execute(sql`select * from t where id = ${id}`)'))).toBe(false);
  });
});
