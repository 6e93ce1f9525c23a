import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Directory } from '../domain/staff.js';
import type { Logger } from '../log.js';
import { loadDirectory } from './directory.js';

export interface ReloadingDirectory {
  /** Always the last valid file: use cases read it at call time, so a turn after a reload sees the new staff. */
  readonly directory: Directory;
  /** Read the file again now; false (and the old directory kept) when it is invalid. */
  reload(): boolean;
  close(): void;
}

/**
 * The staff directory, re-read when its file changes. The folder is watched, not the file: editors and deployment tools
 * replace a file by renaming a new one over it, which ends a watch on the old file. Events come in bursts, hence the
 * debounce. A file that does not validate is rejected with one log line; the directory in use stays.
 */
export function reloadingDirectory(path: string, districtIds: readonly string[], logger: Logger, debounceMs = 300): ReloadingDirectory {
  let current = loadDirectory(path, districtIds);
  const directory: Directory = {
    get staff() {
      return current.staff;
    },
    get teams() {
      return current.teams;
    }
  };
  const reload = (): boolean => {
    try {
      current = loadDirectory(path, districtIds);
      logger.log('info', 'directory.reloaded', { file: path, staff: current.staff.length, teams: current.teams.length });
      return true;
    } catch (err) {
      logger.log('error', 'directory.rejected', { file: path, error: (err as Error).message, kept: current.staff.length });
      return false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(path), (_event, name) => {
    if (name !== null && name !== basename(path)) return;
    clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  });
  watcher.unref();
  return {
    directory,
    reload,
    close() {
      clearTimeout(timer);
      watcher.close();
    }
  };
}
