import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../platform/config/config.js';
import { translate } from '../platform/i18n/translate.js';

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
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GUANXI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
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
    if (server.child.exitCode !== null)
      throw new Error(`server exited with ${server.child.exitCode}:\n${server.output()}`);
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
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  ]);

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
  it(
    'a second process on the same directory fails fast, SIGTERM exits cleanly, and a restart keeps the data',
    { timeout: 240_000 },
    async () => {
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

      const stillThere = await fetch(`http://127.0.0.1:${first.port}/api/v1/customers/${customerId}`, {
        headers: { cookie },
      });
      expect(stillThere.status).toBe(200);

      first.child.kill('SIGTERM');
      expect(await within(first.exited, 30_000, 'shutdown after SIGTERM')).toBe(0);
      expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

      const restarted = await startServer();
      await waitForHealth(restarted);
      const again = await signIn(restarted.port);
      const reread = await fetch(`http://127.0.0.1:${restarted.port}/api/v1/customers/${customerId}`, {
        headers: { cookie: again },
      });
      expect(reread.status).toBe(200);
      expect(((await reread.json()) as { name: string }).name).toBe('进程重启测试有限公司');
      const oldSession = await fetch(`http://127.0.0.1:${restarted.port}/api/v1/auth/me`, { headers: { cookie } });
      expect(oldSession.status).toBe(200);
      restarted.child.kill('SIGTERM');
      expect(await within(restarted.exited, 30_000, 'second shutdown')).toBe(0);
    },
  );
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP/1.1 exchange; `agent` decides whether the connection is kept alive and reused. */
function exchange(request: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.once('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
  });
}

describe('shutting down on SIGTERM (security D5, issue 10)', () => {
  it(
    'a request in flight finishes, requests arriving meanwhile — on a new or a kept-alive connection — get 503 JSON with Retry-After, then exit 0',
    { timeout: 180_000 },
    async () => {
      const server = await startServer();
      await waitForHealth(server);
      const cookie = await signIn(server.port);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const get = (path: string) => {
        const request = http.request({ host: '127.0.0.1', port: server.port, path, agent, headers: { cookie } });
        request.end();
        return exchange(request);
      };
      expect((await get('/api/v1/auth/me')).status).toBe(200);

      // In flight when the signal comes: the headers are in, the body follows later.
      const body = JSON.stringify({ kind: 'company', name: '停机测试有限公司' });
      const slow = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/v1/customers',
        headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const slowAnswer = exchange(slow);
      slow.write(body.slice(0, 10));
      await new Promise((resolve) => setTimeout(resolve, 300));

      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));

      const refused = [
        await get('/api/v1/auth/me'),
        await fetchAnswer(`http://127.0.0.1:${server.port}/api/v1/customers`, cookie),
      ];
      for (const answer of refused) {
        expect(answer.status).toBe(503);
        expect(answer.headers['retry-after']).toBe('5');
        expect(answer.headers.connection).toBe('close');
        expect(JSON.parse(answer.body).error).toMatchObject({
          code: 'unavailable',
          message: translate('zh-CN', 'error.shuttingDown'),
        });
      }

      slow.end(body.slice(10));
      const finished = await slowAnswer;
      expect(finished.status).toBe(201);
      expect(JSON.parse(finished.body).name).toBe('停机测试有限公司');
      expect(await within(server.exited, 30_000, 'shutdown after SIGTERM')).toBe(0);
      agent.destroy();
    },
  );
});

/** A request on a connection of its own. */
async function fetchAnswer(url: string, cookie: string): Promise<Answer> {
  const request = http.request(url, { headers: { cookie }, agent: false });
  request.end();
  return exchange(request);
}
