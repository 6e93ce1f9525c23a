import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadCliEnv } from '../src/config/env.js';
import { systemClock } from '../src/clock.js';
import { runMain } from './run-main.js';

/**
 * `npm run backup -- <target folder>`: a copy of the data folder and the audit folder into a new folder named by the
 * time. It may run while the bot runs: every data file is replaced by an atomic rename, so each copied file is a whole
 * version of itself. The lock file and temp files are left out.
 */
async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('Aufruf: npm run backup -- <Zielordner>\n');
    return 2;
  }
  const config = loadCliEnv(process.env);
  if (!existsSync(config.DATA_DIR)) throw new Error(`Datenverzeichnis ${config.DATA_DIR} nicht gefunden (DATA_DIR).`);
  const folder = join(target, `ab-lotse-${systemClock.now().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const copy = (from: string, to: string) => cpSync(from, to, { recursive: true, filter: (f) => basename(f) !== '.lock' && !f.endsWith('.tmp') });
  copy(config.DATA_DIR, join(folder, 'data'));
  if (existsSync(config.AUDIT_DIR)) copy(config.AUDIT_DIR, join(folder, 'audit'));
  process.stdout.write(`Sicherung geschrieben: ${folder}\n`);
  return 0;
}

runMain(main);
