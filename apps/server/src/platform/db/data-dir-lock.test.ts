import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.js';

const root = mkdtempSync(path.join(tmpdir(), 'guanxi-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A pid that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('PGlite data directory lock (security D6)', () => {
  it('writes the owner pid and removes the lock file on release', () => {
    const dir = path.join(root, 'a', 'pglite');
    const release = acquireDataDirLock(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('refuses a directory held by another live process, naming the directory and its pid', async () => {
    const dir = path.join(root, 'b', 'pglite');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      acquireDataDirLock(dir)();
      writeFileSync(`${dir}.lock`, String(holder.pid));
      let thrown: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DataDirLockedError);
      const locked = thrown as DataDirLockedError;
      expect(locked.pid).toBe(holder.pid);
      expect(locked.message).toContain(dir);
      expect(locked.message).toContain(String(holder.pid));
      expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left behind by a process that died', async () => {
    const dir = path.join(root, 'c', 'pglite');
    acquireDataDirLock(dir)();
    writeFileSync(`${dir}.lock`, String(await deadPid()));
    const release = acquireDataDirLock(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a lock file with garbage in it', () => {
    const dir = path.join(root, 'd', 'pglite');
    acquireDataDirLock(dir)();
    writeFileSync(`${dir}.lock`, 'not a pid');
    const release = acquireDataDirLock(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
