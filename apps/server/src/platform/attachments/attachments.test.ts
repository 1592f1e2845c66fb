import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { attachmentStore } from './attachment-store.js';
import { checkUpload, cleanFileName } from './upload-checks.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const base64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
};

describe('upload checks (security B5)', () => {
  it('accepts a file whose content matches its extension and names the type it is served as', () => {
    expect(checkUpload('photo.PNG', base64(PNG), 1024).contentType).toBe('image/png');
    expect(checkUpload('notes.txt', base64('拜访记录'), 1024).contentType).toBe('text/plain; charset=utf-8');
  });

  it('refuses a file too large (413), empty, of a type not allowed or in disguise (415)', () => {
    expect(codeOf(() => checkUpload('photo.png', base64(PNG), 4))).toBe('payload_too_large');
    expect(codeOf(() => checkUpload('photo.png', '', 1024))).toBe('validation');
    expect(codeOf(() => checkUpload('run.exe', base64(PNG), 1024))).toBe('unsupported_media_type');
    expect(codeOf(() => checkUpload('photo.jpg', base64(PNG), 1024))).toBe('unsupported_media_type');
    expect(codeOf(() => checkUpload('notes.txt', base64(Buffer.from([0x61, 0, 0x62])), 1024))).toBe(
      'unsupported_media_type',
    );
  });

  it('keeps only the base name of a display name, without control characters or quotes', () => {
    expect(cleanFileName('C:\\Users\\wang\\报价单.pdf')).toBe('报价单.pdf');
    expect(cleanFileName('../../etc/"pass\u0000wd"')).toBe('passwd');
  });
});

describe('attachment store', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('reads back what it wrote, and refuses a key outside the store', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'guanxi-attachments-'));
    dirs.push(dataDir);
    const store = attachmentStore(dataDir);
    const key = store.keyOf('org', 'file');
    await store.write(key, PNG);
    expect(await store.read(key)).toEqual(PNG);
    expect(() => store.read('../outside')).toThrow('attachment key outside the store');
  });
});
