/**
 * The bench's side of the real server: start it as a child process on a free port, sign in,
 * send single requests, run autocannon in its own process, stop it. Shared by run.ts (issue 3
 * workloads) and run-sales.ts (W5, W13).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../../apps/server/src/platform/config/config.js';
import { DEMO_PASSWORD } from '../../apps/server/src/modules/demo/demo-seed.js';
import { serverEnv, type Target } from './common.js';
import type { LoadJob, LoadResult } from './load.js';

export const API = '/api/v1';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function request(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string) {
  return new Promise<{
    status: number;
    body: string;
    headers: http.IncomingHttpHeaders;
  }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startServer(target: Target): Promise<{
  child: ChildProcess;
  port: number;
  coldStartMs: number;
  output: string[];
}> {
  const port = await freePort();
  const started = performance.now();
  const output: string[] = [];
  // BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server alone.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/server/src/cli.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: serverEnv(target, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    output.push(d.toString());
    process.stderr.write(`  [server] ${d.toString()}`);
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`server exited during start:\n${output.join('')}`);
    if (performance.now() - started > 180_000) throw new Error('server did not answer within 180 s');
    try {
      const res = await request(port, 'GET', `${API}/health`, {});
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, port, coldStartMs: performance.now() - started, output };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}

export function rssMb(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return {
      rss: Math.round(kb('VmRSS') / 1024),
      peak: Math.round(kb('VmHWM') / 1024),
    };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** CPU seconds (user + system) the process has used so far; 0 when it cannot be read. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every PostgreSQL process on this machine (the server's side of a workload). */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process ended while being read
    }
  }
  return total;
}

/** After a load run, waits until queued requests are done (a health check answers quickly again). */
export async function drain(port: number): Promise<void> {
  const until = performance.now() + 60_000;
  while (performance.now() < until) {
    const t = performance.now();
    await request(port, 'GET', `${API}/health`, {});
    if (performance.now() - t < 20) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function login(port: number, username: string): Promise<string> {
  const res = await request(
    port,
    'POST',
    `${API}/auth/login`,
    { 'content-type': 'application/json' },
    // The bench signs in to the demo organization by its code, whatever else the database holds.
    JSON.stringify({ username, password: DEMO_PASSWORD, organization: 'demo' }),
  );
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  const raw = res.headers['set-cookie'] ?? [];
  const cookie = raw.map((c) => c.split(';')[0]!).find((c) => c.startsWith('guanxi_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie;
}

export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join('bench', 'src', 'load.ts'), JSON.stringify(job)],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load process exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as LoadResult);
    });
  });
}
