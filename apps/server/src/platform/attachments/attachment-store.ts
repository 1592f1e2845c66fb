import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Files live under `<dataDir>/attachments/<org>/<id>`; both parts are server-made UUIDs. */
export function attachmentStore(dataDir: string) {
  const root = path.join(dataDir, 'attachments');
  const keyOf = (orgId: string, id: string) => `${orgId}/${id}`;
  const fullPath = (storageKey: string) => {
    const full = path.resolve(root, storageKey);
    if (!full.startsWith(root + path.sep)) throw new Error('attachment key outside the store');
    return full;
  };
  return {
    keyOf,
    /** Writes via a temporary name, so a crash never leaves half a file under the real name. */
    async write(storageKey: string, bytes: Buffer): Promise<void> {
      const target = fullPath(storageKey);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(`${target}.part`, bytes);
      await rename(`${target}.part`, target);
    },
    /** Takes over a file already on this disk (a staged upload), by renaming it: no copy, no memory. */
    async moveIn(storageKey: string, sourcePath: string): Promise<void> {
      const target = fullPath(storageKey);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(sourcePath, target);
    },
    read: (storageKey: string): Promise<Buffer> => readFile(fullPath(storageKey)),
  };
}
export type AttachmentStore = ReturnType<typeof attachmentStore>;
