import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import type { ArchiveFile } from './archive-format.js';

/** A zip entry whose bytes are counted and hashed on their way into the archive. */
export function hashedEntry(entryPath: string, kind: ArchiveFile['kind']) {
  const file: ArchiveFile = { path: entryPath, kind, bytes: 0, sha256: '' };
  const hash = createHash('sha256');
  let resolve: (file: ArchiveFile) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const done = new Promise<ArchiveFile>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Never unhandled: the archive awaits it, and an error also fails the zip itself.
  done.catch(() => undefined);
  const pass = (source: Readable, onEnd?: () => void): Readable => {
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        file.bytes += chunk.length;
        callback(null, chunk);
      },
      flush(callback) {
        file.sha256 = hash.digest('hex');
        onEnd?.();
        resolve(file);
        callback();
      },
    });
    source.once('error', (error) => {
      reject(error);
      counter.destroy(error);
    });
    return source.pipe(counter);
  };
  return { file, done, pass };
}

/** Every file under a directory, as sorted relative paths with `/` separators (none when it is missing). */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.part'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
