import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.ts';

export interface DirLock {
  release(): void;
}

/**
 * PGlite does not lock its directory, and two processes writing one data directory corrupt it.
 * A lock file created with O_EXCL holds the owner's pid; a lock whose owner is gone is taken over.
 */
export function acquireDirLock(dataDir: string): DirLock {
  const path = join(dataDir, 'lentera.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new ConfigError(
          `DATA_DIR ${dataDir} sedang dipakai oleh proses Lentera lain (pid ${owner}); hentikan proses itu atau pakai DATABASE_URL untuk beberapa proses / DATA_DIR is in use by another Lentera process.`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new ConfigError(`Kunci ${path} tidak dapat diambil; hapus berkas itu jika tidak ada proses Lentera yang berjalan / Cannot take the data directory lock.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
