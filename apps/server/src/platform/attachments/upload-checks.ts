import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ATTACHMENT_EXTENSIONS } from '@guanxi/contract';
import { AppError, invalidField } from '../errors/app-error.js';

type Extension = (typeof ATTACHMENT_EXTENSIONS)[number];

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // docx/xlsx/pptx are zip containers
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy doc/xls/ppt

const startsWith = (bytes: Buffer, magic: number[], offset = 0) => magic.every((b, i) => bytes[offset + i] === b);

/** What each allowed extension must look like inside, and the type it is served as. */
const KINDS: Record<Extension, { contentType: string; matches: (bytes: Buffer) => boolean }> = {
  jpg: { contentType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  png: { contentType: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  gif: { contentType: 'image/gif', matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  webp: {
    contentType: 'image/webp',
    matches: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8),
  },
  pdf: { contentType: 'application/pdf', matches: (b) => startsWith(b, PDF) },
  doc: { contentType: 'application/msword', matches: (b) => startsWith(b, OLE) },
  xls: { contentType: 'application/vnd.ms-excel', matches: (b) => startsWith(b, OLE) },
  ppt: { contentType: 'application/vnd.ms-powerpoint', matches: (b) => startsWith(b, OLE) },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: (b) => startsWith(b, ZIP),
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: (b) => startsWith(b, ZIP),
  },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    matches: (b) => startsWith(b, ZIP),
  },
  // Plain text: no magic bytes; it must be valid UTF-8 without NUL bytes (not a binary in disguise).
  txt: { contentType: 'text/plain; charset=utf-8', matches: isPlainText },
  csv: { contentType: 'text/csv; charset=utf-8', matches: isPlainText },
};

function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A display name without path parts or control characters; the storage name is never derived from it. */
export function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u001f\u007f"]/g;
  const base = raw.split(/[\\/]/).pop()!;
  return base.replace(CONTROL, '').trim().slice(-200);
}

/** What {@link checkUpload} needs of a received file: its name, size, first bytes and a way to read it all. */
export interface UploadedFile {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly head: Buffer;
  readonly path: string;
}

/**
 * Checks a received upload (security B5): size (413), extension on the allow-list and content
 * that matches it (415). Answers the content type the server will serve.
 */
export async function checkUpload(file: UploadedFile, maxBytes: number): Promise<{ contentType: string }> {
  if (file.sizeBytes > maxBytes) throw new AppError('payload_too_large', 'error.payloadTooLarge');
  if (file.sizeBytes === 0) throw invalidField('file', 'validation.required');
  const extension = path.extname(file.fileName).slice(1).toLowerCase();
  const kind = (KINDS as Record<string, (typeof KINDS)[Extension] | undefined>)[extension];
  if (!kind)
    throw new AppError('unsupported_media_type', 'error.attachmentType', {
      fields: [{ field: 'file', key: 'validation.fileType' }],
    });
  const matches = kind.matches === isPlainText ? await isPlainTextFile(file.path) : kind.matches(file.head);
  if (!matches)
    throw new AppError('unsupported_media_type', 'error.attachmentType', {
      fields: [{ field: 'file', key: 'validation.fileContent' }],
    });
  return { contentType: kind.contentType };
}

/** {@link isPlainText} over a whole file, read in chunks. */
async function isPlainTextFile(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file)) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
