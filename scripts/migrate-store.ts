import { existsSync } from 'node:fs';
import { loadCliEnv } from '../src/config/env.js';
import { readLowdbSnapshot } from '../src/store/postgres/lowdb-snapshot.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { runMain } from './run-main.js';

/**
 * `npm run migrate-store`: moves the lowdb data folder (DATA_DIR) into an empty PostgreSQL schema (DATABASE_URL,
 * DATABASE_SCHEMA), versions included, all or nothing. The bot must be stopped: a running bot holds the folder's lock.
 * Afterwards start the bot with AB_LOTSE_STORE=postgres; the audit folder stays where it is.
 */
async function main(): Promise<number> {
  const config = loadCliEnv(process.env);
  if (!config.DATABASE_URL) {
    process.stderr.write('Aufruf: DATA_DIR=<Datenordner> DATABASE_URL=postgres://… [DATABASE_SCHEMA=ab_lotse] npm run migrate-store\n');
    return 2;
  }
  if (!existsSync(config.DATA_DIR)) throw new Error(`Datenverzeichnis ${config.DATA_DIR} nicht gefunden (DATA_DIR).`);
  const snapshot = await readLowdbSnapshot(config.DATA_DIR);
  const target = await PostgresStore.open({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
  try {
    await target.loadSnapshot(snapshot);
  } finally {
    await target.close();
  }
  const customers = snapshot.records.filter((r) => r.collection === 'customers').length;
  process.stdout.write(
    `Migriert nach Schema ${config.DATABASE_SCHEMA}: ${customers} Kunden, ${snapshot.records.length - customers} weitere Datensätze, ${snapshot.notifications.length} Benachrichtigungen, ${snapshot.deliveries.length} Zustellstände.\n` +
      'Jetzt den Bot mit AB_LOTSE_STORE=postgres starten; der Datenordner bleibt als Sicherung unverändert.\n'
  );
  return 0;
}

runMain(main);
