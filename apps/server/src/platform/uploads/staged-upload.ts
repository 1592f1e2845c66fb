import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, invalidField } from '../errors/app-error.js';
import { newId } from '../db/ids.js';

/**
 * A file received from a multipart upload (security B5), written to `<dataDir>/staging/<id>` as
 * it arrives: the server never holds the whole file in memory, whatever its size. The caller
 * checks it, moves it where it belongs (`moveTo`) or drops it (`discard`).
 */
export interface StagedUpload {
  /** The staging file, named by the server (never by the client's file name). */
  readonly path: string;
  /** The name the client gave, as sent (clean it before showing or storing it). */
  readonly fileName: string;
  readonly sizeBytes: number;
  /** The first bytes, for magic-number checks without reading the file again. */
  readonly head: Buffer;
  /** Text fields sent before the file part (e.g. `sheet`), by name. */
  readonly fields: Readonly<Record<string, string>>;
  moveTo(target: string): Promise<void>;
  discard(): Promise<void>;
}

const HEAD_BYTES = 4096;

export const stagingDirectory = (dataDir: string) => path.join(dataDir, 'staging');

/**
 * Streams the request's one file part to the staging area, refusing it past `maxBytes` (413,
 * the partial file removed) and a request that is not a multipart upload with a file (400,
 * naming the `file` field).
 */
export async function stageUpload(
  request: FastifyRequest,
  options: { dataDir: string; maxBytes: number },
): Promise<StagedUpload> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', 'error.notMultipart', {
      fields: [{ field: 'file', key: 'validation.required' }],
    });
  const part = await request.file({ limits: { fileSize: options.maxBytes, files: 1 } }).catch(refuseBrokenUpload);
  if (!part) throw invalidField('file', 'validation.required');
  const directory = stagingDirectory(options.dataDir);
  await mkdir(directory, { recursive: true });
  const stagedPath = path.join(directory, newId());
  try {
    await pipeline(part.file, createWriteStream(stagedPath, { flags: 'wx' }));
  } catch (error) {
    await rm(stagedPath, { force: true });
    if (part.file.truncated || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw tooLarge(options.maxBytes);
    return refuseBrokenUpload(error);
  }
  if (part.file.truncated) {
    await rm(stagedPath, { force: true });
    throw tooLarge(options.maxBytes);
  }
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field' && typeof value.value === 'string') fields[name] = value.value;
  }
  const { sizeBytes, head } = await readHead(stagedPath);
  if (sizeBytes === 0) {
    await rm(stagedPath, { force: true });
    throw invalidField('file', 'validation.required');
  }
  return {
    path: stagedPath,
    fileName: part.filename,
    sizeBytes,
    head,
    fields,
    async moveTo(target) {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(stagedPath, target);
    },
    discard: () => rm(stagedPath, { force: true }),
  };
}

/**
 * A body that is not valid multipart (cut off mid-file, a broken boundary) is the client's fault:
 * 400 naming the file. A disk error (it has an errno) stays a server error.
 */
function refuseBrokenUpload(error: unknown): never {
  if (error instanceof AppError || (error as { errno?: number }).errno !== undefined) throw error;
  throw invalidField('file', 'validation.invalid');
}

const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', 'error.fileTooLarge', {
    params: { megabytes: Math.round((maxBytes / 1024 / 1024) * 10) / 10 },
    fields: [{ field: 'file', key: 'validation.fileTooLarge' }],
  });

async function readHead(file: string): Promise<{ sizeBytes: number; head: Buffer }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { sizeBytes: size, head };
  } finally {
    await handle.close();
  }
}

/**
 * Stages the request's file, hands it to `use`, and removes what `use` did not move away — also
 * when `use` fails, so a refused upload leaves nothing behind.
 */
export async function withStagedUpload<T>(
  request: FastifyRequest,
  options: { dataDir: string; maxBytes: number },
  use: (file: StagedUpload) => Promise<T>,
): Promise<T> {
  const file = await stageUpload(request, options);
  try {
    return await use(file);
  } finally {
    await file.discard();
  }
}
