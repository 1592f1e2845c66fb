import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { localeFromHeader } from '../i18n/translate.js';
import { registerErrorHandling } from './error-handler.js';

/** drizzle's wrapper around a driver error: the SQLSTATE sits on the `cause`. */
function failedQuery(code: string, message: string): Error {
  return new Error('Failed query: update "customers" set … params: …', {
    cause: Object.assign(new Error(message), { code }),
  });
}

async function answerTo(error: Error, language: string) {
  const app = Fastify({ logger: false });
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
  });
  registerErrorHandling(app);
  app.get('/fails', async () => {
    throw error;
  });
  const response = await app.inject({ method: 'GET', url: '/fails', headers: { 'accept-language': language } });
  await app.close();
  return response;
}

describe('database failures reach the caller as what they mean', () => {
  it('a deadlock or serialization failure answers 409 asking to try again, never 500, and shows no SQL', async () => {
    for (const [code, message] of [
      ['40P01', 'deadlock detected'],
      ['40001', 'could not serialize access due to concurrent update'],
    ]) {
      const en = await answerTo(failedQuery(code!, message!), 'en');
      expect(en.statusCode).toBe(409);
      expect(en.headers['retry-after']).toBe('1');
      expect(en.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/try again/) });
      expect(en.body).not.toMatch(/update|params/);
      const zh = await answerTo(failedQuery(code!, message!), 'zh-CN');
      expect(zh.json().error.message).toMatch(/请重试/);
    }
  });

  it('a dropped connection answers 503 with Retry-After whatever the wrapper says', async () => {
    const response = await answerTo(failedQuery('57P01', 'terminating connection due to administrator command'), 'en');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json().error.code).toBe('unavailable');
  });
});
