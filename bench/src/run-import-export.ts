/**
 * `npm run bench:import-export -- [--db URL | --pglite DIR] [--customers N] [--rows N] [--formats csv,xlsx] [--exports csv,xlsx|none] [--repeat N]`
 * (`--rows 0`: exports only; `--exports none`: imports only; `--repeat`: each export N times)
 *
 * W11: a generated customer file (Chinese headers, mobiles, emails, external ids) uploaded to the
 * real server and imported through the wizard's API (upload → suggested mapping → run), timed from
 * "run" to "completed"; a salesperson's customer list is requested throughout and its p95 reported.
 * W12: the admin's customer list exported as CSV and as XLSX, rows counted off the stream, the
 * server's peak RSS sampled while it streams. Results go to bench/results-import-export.md.
 */
import { createWriteStream, openAsBlob, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { sql, type SQL } from 'drizzle-orm';
import { openStore } from '../../apps/server/src/server.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { DEMO_ORG_NAME } from '../../apps/server/src/modules/demo/demo-seed.js';
import { countCustomers, generateInto } from './generate.js';
import { BENCH_DIR, TARGET_OPTIONS, configFor, parseArgs, parseCount, percentile, targetFrom } from './common.js';
import { API, cpuSeconds, login, postgresCpuSeconds, rssMb, startServer, stopServer } from './server-control.js';

const log = (line: string) => console.log(line);

interface Session {
  port: number;
  cookie: string;
}

async function call(session: Session, method: string, urlPath: string, body?: unknown) {
  const response = await fetch(`http://127.0.0.1:${session.port}${API}${urlPath}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-requested-with': 'bench',
      ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A customer file as an old system would export it: one company per row, unique mobile, email and external id. */
async function writeCustomerFile(file: string, rows: number, runTag: string, format: 'csv' | 'xlsx') {
  const header = ['外部编号', '客户名称', '手机', '邮箱', '城市', '备注'];
  const row = (i: number) => [
    `BENCH-${runTag}-${i}`,
    `导入测试${runTag}${i}号贸易有限公司`,
    `${['138', '159', '186'][i % 3]}${String(10_000_000 + ((i * 7919 + parseInt(runTag.slice(-4), 36)) % 90_000_000)).slice(-8)}`,
    `buyer${i}.${runTag}@example.cn`,
    ['上海', '北京', '深圳', '杭州'][i % 4]!,
    '来自旧系统',
  ];
  if (format === 'csv') {
    const out = createWriteStream(file);
    out.write(`\ufeff${header.join(',')}\n`);
    for (let i = 0; i < rows; i++) {
      if (!out.write(`${row(i).join(',')}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(header).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
  await workbook.commit();
}

interface ImportResult {
  format: string;
  rows: number;
  created: number;
  errors: number;
  seconds: number;
  rate: number;
  listP95: number;
  listCount: number;
  serverCpu: number;
  postgresCpu: number;
}

const ROLLBACK = new Error('floor measured: roll back');

/**
 * The database's own floor for the import: `rows` customers copied in one INSERT … SELECT (no
 * application, no network, keys made unique, rolled back), through every index and trigger of the
 * customer table. No import of the same rows can be faster than this on the same machine.
 */
async function insertFloor(target: ReturnType<typeof targetFrom>, rows: number): Promise<number> {
  const { database, release } = await openStore(configFor(target));
  try {
    const columns = (
      await queryRows<{ name: string }>(
        database.db,
        sql`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = 'customers' order by ordinal_position`,
      )
    ).map((c) => c.name);
    const changed: Record<string, SQL> = {
      id: sql`gen_random_uuid()`,
      customer_no: sql`left(customer_no, 28) || '~f'`,
      external_id: sql`external_id || '~f'`,
    };
    const statement = sql`insert into customers (${sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    )}) select ${sql.join(
      columns.map((c) => changed[c] ?? sql.identifier(c)),
      sql`, `,
    )} from customers where deleted_at is null limit ${rows}`;
    let seconds = 0;
    try {
      await database.db.transaction(async (tx) => {
        const started = performance.now();
        await queryRows(tx, statement);
        seconds = (performance.now() - started) / 1000;
        throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    return seconds;
  } finally {
    await database.close();
    release();
  }
}

async function importOnce(
  admin: Session,
  rep: Session,
  pid: number | undefined,
  file: string,
  format: 'csv' | 'xlsx',
  rows: number,
) {
  const form = new FormData();
  form.append('kind', 'customers');
  form.append('file', await openAsBlob(file), path.basename(file));
  const uploaded = await call(admin, 'POST', '/imports', form);
  const id = String(uploaded.id);
  const mapping = { ...(uploaded.mapping as Record<string, unknown>), duplicatePolicy: 'skip' };
  await call(admin, 'PUT', `/imports/${id}/mapping`, mapping);
  const latencies: number[] = [];
  let running = true;
  const lister = (async () => {
    while (running) {
      const t = performance.now();
      await call(rep, 'GET', '/customers?limit=50&sort=-updatedAt');
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const serverCpuBefore = cpuSeconds(pid);
  const postgresCpuBefore = postgresCpuSeconds();
  await call(admin, 'POST', `/imports/${id}/run`);
  let job: Record<string, unknown> = {};
  for (;;) {
    job = await call(admin, 'GET', `/imports/${id}`);
    if (['completed', 'failed', 'cancelled'].includes(String(job.status))) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuSeconds(pid) - serverCpuBefore;
  const postgresCpu = postgresCpuSeconds() - postgresCpuBefore;
  running = false;
  await lister;
  if (job.status !== 'completed')
    throw new Error(`import ${format} ended ${String(job.status)}: ${String(job.failure)}`);
  const summary = job.runSummary as { created: number; errors: number };
  latencies.sort((a, b) => a - b);
  const result: ImportResult = {
    format,
    rows,
    created: summary.created,
    errors: summary.errors,
    seconds,
    rate: rows / seconds,
    listP95: percentile(latencies, 95),
    listCount: latencies.length,
    serverCpu,
    postgresCpu,
  };
  log(
    `W11 ${format}: ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(result.rate)} rows/s ` +
      `(created ${summary.created}, errors ${summary.errors}); list during import p95 ${result.listP95.toFixed(1)} ms over ${latencies.length}; ` +
      `CPU server ${serverCpu.toFixed(1)} s, PostgreSQL ${postgresCpu.toFixed(1)} s`,
  );
  return result;
}

interface ExportResult {
  format: string;
  rows: number;
  seconds: number;
  rate: number;
  megabytes: number;
  peakRssMb: number;
  startRssMb: number;
  /** The server's CPU seconds for the export: rows per CPU second does not depend on the machine's other load. */
  serverCpu: number;
  /** Streamed in the response, or written by a background job and then downloaded. */
  mode: string;
}

async function exportOnce(admin: Session, pid: number | undefined, format: 'csv' | 'xlsx', expected: number) {
  const startRss = rssMb(pid).rss;
  const startCpu = cpuSeconds(pid);
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid).rss)), 100);
  const started = performance.now();
  const headers = { cookie: admin.cookie, 'x-requested-with': 'bench' };
  let response = await fetch(`http://127.0.0.1:${admin.port}${API}/customers/export?format=${format}`, { headers });
  if (!response.ok || !response.body) throw new Error(`export ${format}: ${response.status} ${await response.text()}`);
  let mode = 'streamed';
  if (response.status === 202) {
    // Past EXPORT_INLINE_MAX_ROWS: a background job, polled until its file is ready, then downloaded.
    mode = 'background job';
    const { id } = (await response.json()) as { id: string };
    for (;;) {
      const job = (await call(admin, 'GET', `/export-jobs/${id}`)) as { state: string; downloadUrl: string | null };
      if (job.state === 'failed') throw new Error(`export job ${id} failed`);
      if (job.downloadUrl) {
        response = await fetch(`http://127.0.0.1:${admin.port}${job.downloadUrl}`, { headers });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!response.ok || !response.body) throw new Error(`download ${format}: ${response.status}`);
  }
  let bytes = 0;
  let newlines = 0;
  const target = path.join(os.tmpdir(), `guanxi-bench-export.${format}`);
  const out = createWriteStream(target);
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (format === 'csv') for (const b of chunk) if (b === 10) newlines++;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuSeconds(pid) - startCpu;
  clearInterval(sampler);
  let rows = newlines - 1;
  if (format === 'xlsx') {
    // Counted by reading the file back as a stream (not part of the timing).
    rows = -1;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(target, {});
    for await (const sheet of reader) for await (const _row of sheet) rows++;
  }
  await rm(target, { force: true });
  const result: ExportResult = {
    format,
    rows,
    seconds,
    rate: rows / seconds,
    megabytes: bytes / 1024 / 1024,
    peakRssMb: peak,
    startRssMb: startRss,
    serverCpu,
    mode,
  };
  log(
    `W12 ${format} (${mode}): ${rows} rows (expected ${expected}) in ${seconds.toFixed(1)} s = ${Math.round(result.rate)} rows/s, ` +
      `${result.megabytes.toFixed(1)} MB; server RSS ${startRss} → peak ${peak} MB; ` +
      `server CPU ${serverCpu.toFixed(1)} s (${Math.round(rows / serverCpu)} rows per CPU second)`,
  );
  return result;
}

async function main() {
  const { values } = parseArgs({
    options: {
      ...TARGET_OPTIONS,
      rows: { type: 'string' },
      formats: { type: 'string' },
      exports: { type: 'string' },
      repeat: { type: 'string' },
    },
  });
  const target = targetFrom(values);
  const rows = parseCount(values.rows, 100_000);
  const repeat = parseCount(values.repeat, 1);
  const formats = (values.formats ?? 'csv,xlsx').split(',').map((f) => f.trim()) as Array<'csv' | 'xlsx'>;
  // `--exports none` measures the imports alone.
  const exportFormats = (values.exports ?? values.formats ?? 'csv,xlsx')
    .split(',')
    .map((f) => f.trim())
    .filter((f): f is 'csv' | 'xlsx' => f === 'csv' || f === 'xlsx');
  log(`Guanxi import/export bench → ${target.kind} ${target.label}`);
  const { database, release } = await openStore(configFor(target));
  let base: number;
  try {
    const orgs = await queryRows<{ id: string }>(
      database.db,
      sql`select id from organizations where name = ${DEMO_ORG_NAME}`,
    );
    if (orgs.length === 0) {
      const n = parseCount(values.customers, 10_000);
      log(`empty database: generating ${n.toLocaleString('en')} customers first`);
      await generateInto(target, database, { customers: n });
    }
    base = await countCustomers(database);
    await database.checkpoint();
  } finally {
    await database.close();
    release();
  }
  log(`database holds ${base.toLocaleString('en')} customers`);
  const workDir = path.join(os.tmpdir(), 'guanxi-bench-import');
  await mkdir(workDir, { recursive: true });
  const loadBefore = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const server = await startServer(target);
  const imports: ImportResult[] = [];
  const exports: ExportResult[] = [];
  try {
    const admin = { port: server.port, cookie: await login(server.port, 'admin') };
    const rep = { port: server.port, cookie: await login(server.port, 'east.rep1') };
    // `--rows 0` measures the exports alone.
    for (const format of rows > 0 ? formats : []) {
      const tag = Date.now().toString(36);
      const file = path.join(workDir, `customers-${tag}.${format}`);
      const t = performance.now();
      await writeCustomerFile(file, rows, tag, format);
      log(`wrote ${rows} rows to ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      imports.push(await importOnce(admin, rep, server.child.pid, file, format, rows));
      await rm(file, { force: true });
    }
    const total = base + imports.reduce((sum, r) => sum + r.created, 0);
    // `--exports` picks the exports (default: as `--formats`; `none` for the imports alone);
    // `--repeat N` exports each format N times on the same server.
    for (let run = 0; run < repeat; run++)
      for (const format of exportFormats) exports.push(await exportOnce(admin, server.child.pid, format, total));
  } finally {
    await stopServer(server.child);
  }
  const floorSeconds = rows > 0 ? await insertFloor(target, rows) : 0;
  if (rows > 0) log(`floor: ${rows} customers in one INSERT … SELECT in ${floorSeconds.toFixed(1)} s`);
  const lines = [
    `# Import and export (W11, W12) — ${target.kind}`,
    '',
    `${new Date().toISOString()}, ${os.cpus().length} cores, ${base.toLocaleString('en')} customers before the import; ` +
      `load average ${loadBefore} before, ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} after (shared machine).`,
    '',
    '| workload | rows | time | rows/s | notes |',
    '|---|---|---|---|---|',
    ...imports.map(
      (r) =>
        `| W11 import ${r.format.toUpperCase()} | ${r.rows} | ${r.seconds.toFixed(1)} s | ${Math.round(r.rate)} | created ${r.created}, errors ${r.errors}; list p95 during import ${r.listP95.toFixed(1)} ms (${r.listCount} requests); CPU server ${r.serverCpu.toFixed(1)} s${target.kind === 'postgres' ? `, PostgreSQL ${r.postgresCpu.toFixed(1)} s` : ''} |`,
    ),
    ...(rows > 0
      ? [
          `| floor: one INSERT … SELECT of the same number of customers, rolled back | ${rows} | ${floorSeconds.toFixed(1)} s | ${Math.round(rows / floorSeconds)} | the database alone, through the customer table's indexes and triggers: no import of these rows can beat it here |`,
        ]
      : []),
    ...exports.map(
      (r) =>
        `| W12 export ${r.format.toUpperCase()} (${r.mode}) | ${r.rows} | ${r.seconds.toFixed(1)} s | ${Math.round(r.rate)} | ${r.megabytes.toFixed(1)} MB; server RSS ${r.startRssMb} → peak ${r.peakRssMb} MB; server CPU ${r.serverCpu.toFixed(1)} s = ${Math.round(r.rows / r.serverCpu)} rows per CPU second |`,
    ),
    '',
  ];
  writeFileSync(path.join(BENCH_DIR, `results-import-export-${target.kind}.md`), lines.join('\n'));
  log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
