import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../src/ports.js';

/**
 * The store's data files as they are on disk, after every pending write: to assert "nothing changed".
 * conversations.json is left out: remembering where to reach the sender is not a change to any case.
 */
export async function snapshot(store: Store, dataDir: string): Promise<Record<string, string>> {
  await store.close();
  return Object.fromEntries(
    readdirSync(dataDir)
      .filter((f) => f.endsWith('.json') && f !== 'conversations.json')
      .map((f) => [f, readFileSync(join(dataDir, f), 'utf8')])
  );
}
