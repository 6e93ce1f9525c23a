import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * lowdb adapter that survives a crash: temp file, fsync, rename, fsync of the directory.
 * lowdb's own JSONFile (steno) renames without fsync, so an acknowledged write could vanish on power loss.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(private readonly path: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async write(data: T): Promise<void> {
    // Serialise before the first await: the snapshot is exactly the state at the time of the call.
    await writeDurably(this.path, JSON.stringify(data));
  }
}

/** Write a file so that it survives a crash: temp file, fsync, rename, fsync of the directory. */
export async function writeDurably(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  const file = await open(tmp, 'w');
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
