import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../test/multipart.js';
import { localeFromHeader } from '../i18n/translate.js';
import { registerErrorHandling } from '../http/error-handler.js';
import { stagingDirectory, withStagedUpload } from './staged-upload.js';

const LIMIT = 64 * 1024;
let dataDir = '';
let app: FastifyInstance;
/** What the route did with each staged file: its name, size and first bytes, and whether it kept it. */
const received: Array<{ fileName: string; sizeBytes: number; head: string; sheet?: string }> = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-staging-'));
  app = Fastify({ logger: false });
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
  });
  registerErrorHandling(app);
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * LIMIT, files: 1 } });
  app.post('/upload', async (request) =>
    withStagedUpload(request, { dataDir, maxBytes: LIMIT }, async (file) => {
      received.push({
        fileName: file.fileName,
        sizeBytes: file.sizeBytes,
        head: file.head.subarray(0, 5).toString(),
        sheet: file.fields.sheet,
      });
      if (file.fileName === 'keep.csv') await file.moveTo(path.join(dataDir, 'kept', 'keep.csv'));
      return { ok: true };
    }),
  );
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

const send = (file: { fileName: string; bytes: Buffer }, fields?: Record<string, string>, language = 'en') => {
  const { payload, headers } = multipartBody(file, fields);
  return app.inject({ method: 'POST', url: '/upload', payload, headers: { ...headers, 'accept-language': language } });
};
const stagedFiles = async () => readdir(stagingDirectory(dataDir)).catch(() => [] as string[]);

describe('staged uploads (issue 12: uploads as streams)', () => {
  it('hands the route the file on disk with its name, size, first bytes and the text fields sent before it', async () => {
    const bytes = Buffer.from('客户名称,电话\n上海澄明,021-66668888\n');
    const response = await send({ fileName: 'keep.csv', bytes }, { sheet: '客户' });
    expect(response.statusCode).toBe(200);
    expect(received.at(-1)).toEqual({
      fileName: 'keep.csv',
      sizeBytes: bytes.length,
      head: bytes.subarray(0, 5).toString(),
      sheet: '客户',
    });
    expect(await readFile(path.join(dataDir, 'kept', 'keep.csv'))).toEqual(bytes);
    expect(await stagedFiles()).toEqual([]);
  });

  it('removes what the route did not keep, also when the route fails', async () => {
    expect((await send({ fileName: 'drop.csv', bytes: Buffer.from('a,b\n') })).statusCode).toBe(200);
    expect(await stagedFiles()).toEqual([]);
  });

  it('refuses a file over the limit with 413 naming the file and the limit, leaving no partial file', async () => {
    const before = received.length;
    const response = await send({ fileName: 'big.csv', bytes: Buffer.alloc(LIMIT + 1, 0x61) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toBe('The file is larger than 0.1 MB, the most this server accepts.');
    expect(response.json().error.fields[0].field).toBe('file');
    const chinese = await send({ fileName: 'big.csv', bytes: Buffer.alloc(LIMIT + 1, 0x61) }, {}, 'zh-CN');
    expect(chinese.json().error.message).toBe('文件超过 0.1 MB，超出本服务器允许的上限。');
    expect(received.length).toBe(before);
    expect(await stagedFiles()).toEqual([]);
  });

  it('refuses a JSON body (415) and an empty file (400), each naming the file field', async () => {
    const json = await app.inject({ method: 'POST', url: '/upload', payload: { fileName: 'a.csv', content: 'a' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.fields[0].field).toBe('file');
    const empty = await send({ fileName: 'empty.csv', bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].field).toBe('file');
    expect(await stagedFiles()).toEqual([]);
  });

  it('answers a body cut off mid-upload with 400 naming the file, and keeps no partial file', async () => {
    const { payload, headers } = multipartBody({ fileName: 'cut.csv', bytes: Buffer.alloc(4096, 0x61) });
    const cut = await app.inject({ method: 'POST', url: '/upload', payload: payload.subarray(0, 2048), headers });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.fields[0].field).toBe('file');
    expect(await stagedFiles()).toEqual([]);
  });
});
