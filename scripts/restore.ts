import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCliEnv } from '../src/config/env.js';
import { acquireLock, type DataDirLock } from '../src/store/data-dir-lock.js';
import { runMain } from './run-main.js';

/**
 * `npm run restore -- <backup folder> [--ueberschreiben]`: puts a backup of `npm run backup` back into DATA_DIR (and
 * its audit log into the audit folder). Refused while a bot runs on that folder (it holds the folder's lock and would
 * overwrite the restored files from memory), and into a folder that holds data unless `--ueberschreiben` is given.
 */
async function main(): Promise<number> {
  const source = process.argv[2];
  const overwrite = process.argv.includes('--ueberschreiben');
  if (!source || source.startsWith('--')) {
    process.stderr.write('Aufruf: npm run restore -- <Sicherungsordner> [--ueberschreiben]\n');
    return 2;
  }
  const data = join(source, 'data');
  if (!existsSync(join(data, 'format.json'))) {
    process.stderr.write(`${source} ist keine Sicherung von AB-Lotse (es fehlt data/format.json). Es wurde nichts zurückgespielt.\n`);
    return 2;
  }
  const config = loadCliEnv(process.env);
  let lock: DataDirLock;
  try {
    lock = await acquireLock(config.DATA_DIR);
  } catch (err) {
    process.stderr.write(`${(err as Error).message} Bitte beenden Sie den Bot zuerst. Es wurde nichts zurückgespielt.\n`);
    return 2;
  }
  try {
    const holdsData = readdirSync(config.DATA_DIR).some((f) => f.endsWith('.json'));
    if (holdsData && !overwrite) {
      process.stderr.write(`${config.DATA_DIR} enthält bereits Daten. Zum Ersetzen: --ueberschreiben. Es wurde nichts zurückgespielt.\n`);
      return 2;
    }
    cpSync(data, config.DATA_DIR, { recursive: true });
    const audit = join(source, 'audit');
    if (config.AUDIT_DIR && existsSync(audit)) cpSync(audit, config.AUDIT_DIR, { recursive: true });
    process.stdout.write(`Zurückgespielt nach ${config.DATA_DIR}. Der Bot kann jetzt gestartet werden.\n`);
    return 0;
  } finally {
    lock.release();
  }
}

runMain(main);
