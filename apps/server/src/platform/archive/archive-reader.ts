import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import yauzl from 'yauzl';
import { ARCHIVE_FORMAT, MANIFEST_PATH, README_PATH, type ArchiveManifest } from './archive-format.js';

/** Why an archive is refused; the message says it in words for the operator. */
export type ArchiveRefusal =
  'unreadable' | 'checksum' | 'schema-version' | 'organization-exists' | 'unexpected-content' | 'not-empty';

export class ArchiveError extends Error {
  constructor(
    readonly reason: ArchiveRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** An opened archive: its manifest (checked) and streams of its entries, read from the file on demand. */
export interface OpenedArchive {
  manifest: ArchiveManifest;
  open(entryPath: string): Promise<Readable>;
  /** The lines of an NDJSON entry, in batches of at most `size`. */
  batches(entryPath: string, size: number): AsyncGenerator<string[]>;
  close(): void;
}

export async function openArchive(file: string): Promise<OpenedArchive> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false }).catch((error: unknown) => {
    throw new ArchiveError('unreadable', `${file} is not a readable zip archive (${(error as Error).message}).`);
  });
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const open = async (entryPath: string): Promise<Readable> => {
      const entry = entries.get(entryPath);
      if (!entry) throw new ArchiveError('unexpected-content', `The archive has no ${entryPath}.`);
      return zip.openReadStreamPromise(entry);
    };
    const manifest = parseManifest(await readAll(await open(MANIFEST_PATH)));
    const listed = new Set([MANIFEST_PATH, README_PATH, ...manifest.files.map((f) => f.path)]);
    const unlisted = [...entries.keys()].filter((name) => !listed.has(name) && !name.endsWith('/'));
    if (unlisted.length > 0) {
      throw new ArchiveError(
        'unexpected-content',
        `The archive holds files its manifest does not list: ${unlisted.slice(0, 5).join(', ')}.`,
      );
    }
    return {
      manifest,
      open,
      async *batches(entryPath, size) {
        const lines = createInterface({ input: await open(entryPath), crlfDelay: Infinity });
        let batch: string[] = [];
        for await (const line of lines) {
          if (line.length === 0) continue;
          batch.push(line);
          if (batch.length >= size) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/**
 * Reads every file the manifest lists and compares its size, SHA-256 and (tables) line count:
 * an archive changed after it was written is refused before anything is imported.
 */
export async function verifyArchive(archive: OpenedArchive): Promise<void> {
  for (const file of archive.manifest.files) {
    const hash = createHash('sha256');
    let bytes = 0;
    let lines = 0;
    for await (const chunk of await archive.open(file.path)) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      bytes += buffer.length;
      for (const byte of buffer) if (byte === 0x0a) lines += 1;
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== file.sha256 || bytes !== file.bytes || (file.kind === 'table' && lines !== file.rows)) {
      throw new ArchiveError(
        'checksum',
        `${file.path} does not match the manifest (SHA-256 ${sha256}, expected ${file.sha256}): the archive was changed or damaged after it was written.`,
      );
    }
  }
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseManifest(text: string): ArchiveManifest {
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(text) as ArchiveManifest;
  } catch {
    throw new ArchiveError('unreadable', 'manifest.json is not valid JSON.');
  }
  const valid =
    manifest?.format === ARCHIVE_FORMAT &&
    manifest.formatVersion === 1 &&
    typeof manifest.schemaVersion === 'string' &&
    typeof manifest.organization?.id === 'string' &&
    typeof manifest.organization.code === 'string' &&
    Array.isArray(manifest.files) &&
    manifest.files.every(
      (f) => typeof f.path === 'string' && typeof f.sha256 === 'string' && Number.isInteger(f.bytes),
    );
  if (!valid) throw new ArchiveError('unreadable', 'manifest.json is not a Guanxi organization export manifest.');
  return manifest;
}
