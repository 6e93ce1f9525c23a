import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

export interface DataDirLock {
  release(): void;
}

/** Folders this process holds, so that opening one twice (tests, a backup inside the bot) does not lock itself out. */
const heldHere = new Set<string>();

/**
 * lowdb loses updates when two processes write the same files (STACK-NOTES), so one process at a time owns the data
 * folder. The lock is a name the operating system gives to one listener only and frees when that process ends, however
 * it ends (kill -9 included): a Linux abstract socket, a Windows named pipe. There is no stale lock to take over, so two
 * processes starting at once after a crash cannot both win. `.lock` only tells people which process holds the folder.
 */
export async function acquireLock(dir: string): Promise<DataDirLock> {
  mkdirSync(dir, { recursive: true });
  const folder = realpathSync(dir);
  if (heldHere.has(folder)) return { release() {} }; // the first owner in this process releases
  const name = systemLockName(folder);
  const server = name ? await listenExclusively(name, dir) : undefined;
  const pidLock = server ? undefined : acquirePidFileLock(dir);
  heldHere.add(folder);
  if (server) writeFileSync(join(dir, '.lock'), String(process.pid));
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      heldHere.delete(folder);
      if (pidLock) return pidLock.release();
      removeQuietly(join(dir, '.lock'));
      server!.close();
    }
  };
}

function systemLockName(folder: string): string | undefined {
  const id = createHash('sha256').update(folder).digest('hex').slice(0, 32);
  if (process.platform === 'linux') return `\0ab-lotse-${id}`;
  if (process.platform === 'win32') return `\\\\?\\pipe\\ab-lotse-${id}`;
  return undefined;
}

function listenExclusively(name: string, dir: string): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? inUse(dir) : err));
    server.listen(name, () => {
      server.unref(); // the lock must not keep a finished process alive
      resolve(server);
    });
  });
}

function inUse(dir: string): Error {
  let holder = '';
  try {
    holder = ` (PID ${Number(readFileSync(join(dir, '.lock'), 'utf8'))})`;
  } catch {
    /* the holder is still starting */
  }
  return new Error(`Das Datenverzeichnis ${dir} wird bereits von einem laufenden Prozess benutzt${holder}.`);
}

/**
 * Elsewhere (macOS, a developer's machine) a file with the holder's PID; a lock whose process is gone is taken over.
 * Two processes starting in the same instant could both take over a stale one here, which is why servers use the above.
 */
function acquirePidFileLock(dir: string): DataDirLock {
  const path = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => removeQuietly(path) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) throw inUse(dir);
      unlinkSync(path);
    }
  }
  throw new Error(`Sperre für ${dir} nicht zu bekommen.`);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
