import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadCliEnv } from '../src/config/env.js';
import { systemClock } from '../src/clock.js';
import { callRunningBot } from './offline-deps.js';
import { runMain } from './run-main.js';

/**
 * `npm run backup -- <target folder>`: a copy of the data folder and the audit folder into a new folder named by the
 * time. While the bot runs, the bot writes it (through its admin socket): every file from the same moment. Without a
 * running bot nothing writes the folder, and its files are copied as they are (the lock file and temp files left out).
 */
async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('Aufruf: npm run backup -- <Zielordner>\n');
    return 2;
  }
  const config = loadCliEnv(process.env);
  if (!existsSync(config.DATA_DIR)) throw new Error(`Datenverzeichnis ${config.DATA_DIR} nicht gefunden (DATA_DIR).`);
  const viaBot = await callRunningBot(config.DATA_DIR, '/backup', target, 'text/plain');
  if (viaBot) {
    if (viaBot.status !== 200) throw new Error(`Der laufende Bot hat die Sicherung abgelehnt: ${JSON.stringify(viaBot.json)}`);
    process.stdout.write(`Sicherung geschrieben (vom laufenden Bot, alle Dateien vom selben Zeitpunkt): ${(viaBot.json as { folder: string }).folder}\n`);
    return 0;
  }
  const folder = join(target, `ab-lotse-${systemClock.now().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const copy = (from: string, to: string) => cpSync(from, to, { recursive: true, filter: (f) => basename(f) !== '.lock' && !f.endsWith('.tmp') && !f.endsWith('.sock') });
  copy(config.DATA_DIR, join(folder, 'data'));
  if (config.AUDIT_DIR && existsSync(config.AUDIT_DIR)) copy(config.AUDIT_DIR, join(folder, 'audit'));
  process.stdout.write(`Sicherung geschrieben: ${folder}\n`);
  return 0;
}

runMain(main);
