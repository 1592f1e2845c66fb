import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ATTACHMENT_EXTENSIONS } from '@guanxi/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { attachmentStore } from './attachment-store.js';
import { checkUpload, cleanFileName } from './upload-checks.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const codeOf = async (run: () => Promise<unknown>): Promise<string | undefined> => {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
};

describe('upload checks (security B5)', () => {
  let dir = '';
  let count = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'guanxi-upload-checks-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  /** A received file as the staging area holds it: on disk, with its first bytes read. */
  const received = async (fileName: string, content: Buffer | string) => {
    const bytes = Buffer.from(content);
    const file = path.join(dir, String(count++));
    await writeFile(file, bytes);
    return { fileName, sizeBytes: bytes.length, head: bytes.subarray(0, 4096), path: file };
  };
  const check = async (fileName: string, content: Buffer | string, maxBytes: number) =>
    checkUpload(await received(fileName, content), maxBytes);

  it('accepts a file whose content matches its extension and names the type it is served as', async () => {
    expect((await check('photo.PNG', PNG, 1024)).contentType).toBe('image/png');
    expect((await check('notes.txt', '拜访记录', 1024)).contentType).toBe('text/plain; charset=utf-8');
  });

  it('refuses a file too large (413), empty, of a type not allowed or in disguise (415)', async () => {
    expect(await codeOf(() => check('photo.png', PNG, 4))).toBe('payload_too_large');
    expect(await codeOf(() => check('photo.png', '', 1024))).toBe('validation');
    expect(await codeOf(() => check('run.exe', PNG, 1024))).toBe('unsupported_media_type');
    expect(await codeOf(() => check('photo.jpg', PNG, 1024))).toBe('unsupported_media_type');
    expect(await codeOf(() => check('notes.txt', Buffer.from([0x61, 0, 0x62]), 1024))).toBe('unsupported_media_type');
  });

  it('accepts every allowed kind by its real signature, and an Office file only as what it is', async () => {
    const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const ZIP = [0x50, 0x4b, 0x03, 0x04];
    const signatures: Record<(typeof ATTACHMENT_EXTENSIONS)[number], number[] | string> = {
      jpg: [0xff, 0xd8, 0xff, 0xe0],
      jpeg: [0xff, 0xd8, 0xff, 0xe1],
      png: [...PNG],
      gif: [...Buffer.from('GIF89a')],
      webp: [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')],
      pdf: [...Buffer.from('%PDF-1.7')],
      doc: OLE,
      xls: OLE,
      ppt: OLE,
      docx: ZIP,
      xlsx: ZIP,
      pptx: ZIP,
      txt: '跟进纪要',
      csv: '客户名称,电话\n上海澄明,021-66668888',
    };
    for (const extension of ATTACHMENT_EXTENSIONS) {
      const bytes = Buffer.from(signatures[extension] as never);
      expect(await codeOf(() => check(`file.${extension}`, bytes, 1024)), extension).toBeUndefined();
    }
    expect((await check('报价.xlsx', Buffer.from(ZIP), 1024)).contentType).toContain('spreadsheetml');
    expect((await check('报价.xls', Buffer.from(OLE), 1024)).contentType).toBe('application/vnd.ms-excel');
    // A RIFF file that is not WebP (a WAV, say) and invalid UTF-8 named .csv are refused.
    const wav = Buffer.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')]);
    expect(await codeOf(() => check('photo.webp', wav, 1024))).toBe('unsupported_media_type');
    expect(await codeOf(() => check('list.csv', Buffer.from([0xc3, 0x28]), 1024))).toBe('unsupported_media_type');
    expect(await codeOf(() => check('scan.pdf', Buffer.from(ZIP), 1024))).toBe('unsupported_media_type');
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
