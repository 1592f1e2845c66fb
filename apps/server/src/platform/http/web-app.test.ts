import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { createTestDatabase } from '../../test/test-database.js';
import { isWebPath } from './web-app.js';

/** A secret beside the build: no path may reach it (issue 10, defect 7). */
const SECRET = 'SECRET-OUTSIDE-DIST';
const CHUNK = `export const rows = [${Array.from({ length: 500 }, (_, i) => `'客户${i}'`).join(',')}];`;
let root: string;
let app: FastifyInstance;
let port: number;
let drop: () => Promise<void>;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'guanxi-web-'));
  const dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(dist, 'assets', 'index-Ab12.js'), 'console.log(1)');
  // A build's precompressed copies (apps/web/build/precompress.ts) of a larger chunk and the page.
  writeFileSync(path.join(dist, 'assets', 'chunk-Cd34.js'), CHUNK);
  writeFileSync(path.join(dist, 'assets', 'chunk-Cd34.js.br'), brotliCompressSync(CHUNK));
  writeFileSync(path.join(dist, 'assets', 'chunk-Cd34.js.gz'), gzipSync(CHUNK));
  writeFileSync(path.join(dist, 'index.html.br'), brotliCompressSync('<!doctype html><title>app</title>'));
  writeFileSync(path.join(root, 'package.json'), SECRET);
  const test = await createTestDatabase();
  drop = test.drop;
  app = await buildApp({
    config: loadConfig({}, { logLevel: 'silent', webDistDir: dist }),
    database: test.database,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await drop();
  rmSync(root, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written (no client-side normalization of `..` or `%2e`). */
function get(rawPath: string, language = 'en'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: rawPath, headers: { 'accept-language': language }, agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A GET that asks for `encoding` and returns the raw bytes with the headers that describe them. */
function fetchEncoded(rawPath: string, encoding: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: rawPath, headers: { 'accept-encoding': encoding }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the web app over a slow phone connection', () => {
  it('sends the Brotli or gzip copy to a browser that accepts it, the plain file otherwise, cached for a year', async () => {
    const br = await fetchEncoded('/assets/chunk-Cd34.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['content-type'])).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A shared cache keeps the copies apart by what each browser accepts.
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(br.bytes.length).toBeLessThan(Buffer.byteLength(CHUNK) / 4);
    expect(brotliDecompressSync(br.bytes).toString()).toBe(CHUNK);

    const gz = await fetchEncoded('/assets/chunk-Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString()).toBe(CHUNK);

    const plain = await fetchEncoded('/assets/chunk-Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString()).toBe(CHUNK);
    // A file the build left uncompressed (too small) is sent as it is.
    const small = await fetchEncoded('/assets/index-Ab12.js', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.bytes.toString()).toBe('console.log(1)');
  });

  it('sends the app page for a client-side route compressed too, never cached', async () => {
    const page = await fetchEncoded('/customers', 'br');
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(String(page.headers['content-type'])).toContain('text/html');
    expect(brotliDecompressSync(page.bytes).toString()).toContain('<title>app</title>');
    expect(page.headers['cache-control']).not.toContain('immutable');
  });
});

describe('the web app on hostile paths', () => {
  it('serves its files and, for its own routes, the app page', async () => {
    expect((await get('/assets/index-Ab12.js')).body).toBe('console.log(1)');
    for (const page of ['/', '/customers', '/customers/01890000-0000-7000-8000-00000000f00d', '/settings/users']) {
      const response = await get(page);
      expect(response.status, page).toBe(200);
      expect(response.body).toContain('<title>app</title>');
    }
  });

  it('encoded dot segments, NUL, bad percent-encoding and very long paths answer 404 or 400, never a file outside the build', async () => {
    const paths = [
      '/%2e%2e/%2e%2e/package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/..%5cpackage.json',
      '/../package.json',
      '//etc/passwd',
      '/%00',
      '/assets/index-Ab12.js%00.html',
      '/%zz',
      '/%ED%A0%80',
      '/assets/',
      '/assets/missing.js',
      `/${'x'.repeat(300)}`,
      `/${'a/'.repeat(3_000)}`,
      `/${'x'.repeat(10_000)}`,
    ];
    const answers: string[] = [];
    for (const rawPath of paths) {
      const response = await get(rawPath);
      const label = `${rawPath.slice(0, 40)} → ${response.status}`;
      if (![400, 404].includes(response.status) || response.body.includes(SECRET)) answers.push(label);
      else if (!response.type.startsWith('application/json') || !JSON.parse(response.body).error.message)
        answers.push(`${label}: no message`);
    }
    expect(answers).toEqual([]);
    // Past Node's 16 KiB header limit the HTTP parser answers itself, before any route.
    expect((await get(`/${'x'.repeat(20_000)}`)).status).toBe(431);
  });

  it('says so in the caller’s language', async () => {
    expect(JSON.parse((await get('/%2e%2e/package.json')).body).error.message).toBe('There is no such page.');
    expect(JSON.parse((await get('/%2e%2e/package.json', 'zh-CN')).body).error.message).toBe('页面不存在。');
    expect(JSON.parse((await get('/%zz', 'zh-CN')).body).error.message).toBe('请求地址无效');
    expect(JSON.parse((await get('/api/v1/no-such-thing')).body).error.message).toBe('There is no such API endpoint.');
  });
});

describe('isWebPath', () => {
  it('accepts the app’s routes and built files and nothing else', () => {
    for (const ok of ['/', '/customers/abc-123', '/assets/index-Ab12.js', '/favicon.svg'])
      expect(isWebPath(ok), ok).toBe(true);
    for (const bad of [
      '/../x',
      '/a/./b',
      '//x',
      '/a%2e',
      '/a b',
      '/é',
      `/${'x'.repeat(256)}`,
      `/${'a/'.repeat(600)}`,
    ]) {
      expect(isWebPath(bad), bad.slice(0, 20)).toBe(false);
    }
  });
});

describe('the web app under normal use', () => {
  it('serves its page and files without warning of leaking listeners in the server log', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      for (const rawPath of ['/', '/customers', '/assets/index-Ab12.js', '/assets/missing.js']) {
        await get(rawPath);
      }
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});
