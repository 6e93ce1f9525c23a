import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whether running from `src/` (tests) or from `dist/src/` (built). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'cards'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('AB-Lotse: Projektverzeichnis (mit cards/) nicht gefunden');
    dir = parent;
  }
  return dir;
}
