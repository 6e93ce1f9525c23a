import { readFileSync } from 'node:fs';
import { importCustomers, type ImportResult } from '../src/app/import-customers.js';
import { loadCliEnv } from '../src/config/env.js';
import { offlineDeps, viaRunningBot } from './offline-deps.js';
import { runMain } from './run-main.js';

/** `npm run import -- <file.csv>`: the customer base; all rows or none. */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('Aufruf: npm run import -- <datei.csv>\n');
    return 2;
  }
  const csv = readFileSync(file, 'utf8');
  const config = loadCliEnv(process.env);
  let result: ImportResult;
  const viaBot = await viaRunningBot(config, '/import', csv, 'text/csv');
  if (viaBot) result = viaBot.json as ImportResult;
  else {
    const deps = await offlineDeps(config);
    result = await importCustomers(deps, csv);
    await deps.store.close();
  }
  if (result.ok) {
    process.stdout.write(`Import abgeschlossen: ${result.created} Kunden neu, ${result.updated} aktualisiert.\n`);
    return 0;
  }
  process.stdout.write(`Import abgelehnt – es wurde nichts geändert. ${result.problems.length} Problem(e):\n`);
  for (const p of result.problems) process.stdout.write(`  Zeile ${p.line}: ${p.message}\n`);
  return 1;
}

runMain(main);
