import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { translate } from '../i18n/translate.js';
import { createTestDatabase } from '../../test/test-database.js';

let app: FastifyInstance;
let drop: () => Promise<void>;

beforeAll(async () => {
  const created = await createTestDatabase();
  drop = created.drop;
  const config = loadConfig({ REQUEST_TIMEOUT_MS: '1000' }, { logLevel: 'silent', webDistDir: '/nonexistent' });
  app = await buildApp({ config, database: created.database, logger: false });
  // Stands in for any request the server cannot finish in time (a stuck query, a slow upstream).
  app.get('/api/v1/test/slow', { config: { permission: 'public' } }, async (request) => {
    const ms = Number((request.query as { ms?: string }).ms);
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { done: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('request timeout (REQUEST_TIMEOUT_MS)', () => {
  it('a request the server has not answered within the timeout gets 503 JSON in the caller’s language with Retry-After', async () => {
    const started = Date.now();
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/test/slow?ms=3000',
      headers: { 'accept-language': 'en' },
    });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json().error).toMatchObject({
      code: 'unavailable',
      message: translate('en', 'error.requestTimeout'),
    });
  });

  it('a request answered within the timeout is not affected', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/test/slow?ms=50' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ done: true });
  });

  it('the setting is read once at start, defaults to 60 s and refuses values under a second', () => {
    expect(loadConfig({}).requestTimeoutMs).toBe(60_000);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(/requestTimeoutMs/);
  });
});
