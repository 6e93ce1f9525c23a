import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * lowdb loses updates when two processes write the same files (STACK-NOTES), so one process at a time owns the data
 * folder. A lock left by a process that no longer runs (kill -9) is taken over.
 */
export function acquireLock(dir: string): { release(): void } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      return {
        release() {
          if (!held) return;
          held = false;
          try {
            unlinkSync(path);
          } catch {
            /* already gone */
          }
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new Error(`Das Datenverzeichnis ${dir} wird bereits von einem laufenden Prozess benutzt (PID ${pid}).`);
      if (pid === process.pid) return { release() {} }; // the same process opened it twice (tests); the first owner releases
      unlinkSync(path);
    }
  }
  throw new Error(`Sperre für ${dir} nicht zu bekommen.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
