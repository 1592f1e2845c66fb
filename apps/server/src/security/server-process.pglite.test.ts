import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../platform/config/config.js';

interface Server {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'guanxi-process-'));
const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `guanxi serve` as a real process (tsx loaded into node itself, so the pid is the server's). */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GUANXI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

async function waitForHealth(server: Server, timeoutMs = 75_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become healthy:\n${server.output()}`);
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);

async function signIn(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'guanxi-demo' }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  expect(cookie).toMatch(/^guanxi_session=/);
  return cookie;
}

describe('the server process on an embedded data directory (security D5, D6)', () => {
  it('a second process on the same directory fails fast, SIGTERM exits cleanly, and a restart keeps the data', { timeout: 240_000 }, async () => {
    const first = await startServer();
    await waitForHealth(first);
    const cookie = await signIn(first.port);
    const created = await fetch(`http://127.0.0.1:${first.port}/api/v1/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ kind: 'company', name: '进程重启测试有限公司' }),
    });
    expect(created.status).toBe(201);
    const customerId = ((await created.json()) as { id: string }).id;

    const second = await startServer();
    const secondCode = await within(second.exited, 15_000, 'the second process');
    expect(secondCode).not.toBe(0);
    expect(second.output()).toContain(path.join(dataDir, 'pglite'));
    expect(second.output()).toContain(String(first.child.pid));

    const stillThere = await fetch(`http://127.0.0.1:${first.port}/api/v1/customers/${customerId}`, { headers: { cookie } });
    expect(stillThere.status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await within(first.exited, 30_000, 'shutdown after SIGTERM')).toBe(0);
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

    const restarted = await startServer();
    await waitForHealth(restarted);
    const again = await signIn(restarted.port);
    const reread = await fetch(`http://127.0.0.1:${restarted.port}/api/v1/customers/${customerId}`, { headers: { cookie: again } });
    expect(reread.status).toBe(200);
    expect(((await reread.json()) as { name: string }).name).toBe('进程重启测试有限公司');
    const oldSession = await fetch(`http://127.0.0.1:${restarted.port}/api/v1/auth/me`, { headers: { cookie } });
    expect(oldSession.status).toBe(200);
    restarted.child.kill('SIGTERM');
    expect(await within(restarted.exited, 30_000, 'second shutdown')).toBe(0);
  });
});
