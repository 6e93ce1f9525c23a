import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { directoryFromEntra, entraMappingSchema } from '../src/config/entra-import.js';
import { loadPolicy } from '../src/config/policy.js';
import { readJsonFile } from '../src/config/read-json-file.js';
import { runMain } from './run-main.js';

const USAGE = 'Aufruf: npm run directory -- import <entra-benutzer.csv> --mapping <zuordnung.json> [--out <verzeichnis.json>]\n';

/**
 * `npm run directory -- import …`: the staff directory from the Entra admin center's user export ("Benutzer
 * herunterladen") and a mapping of departments to roles and teams. Written by rename, so a running bot that watches
 * the file reads it whole; without --out it is printed.
 */
async function main(): Promise<number> {
  const [command, csvFile, ...flags] = process.argv.slice(2);
  const flag = (name: string) => {
    const i = flags.indexOf(name);
    return i >= 0 ? flags[i + 1] : undefined;
  };
  const mappingFile = flag('--mapping');
  if (command !== 'import' || !csvFile || !mappingFile) {
    process.stderr.write(USAGE);
    return 2;
  }
  const mapping = readJsonFile(mappingFile, entraMappingSchema, 'Zuordnungsdatei');
  const policy = loadPolicy(process.env.POLICY_FILE ?? 'demo/policy.json');
  const result = directoryFromEntra(readFileSync(csvFile, 'utf8'), mapping, policy.districts.map((d) => d.id));
  if (!result.ok) {
    process.stderr.write(`Verzeichnis nicht erstellt – ${result.problems.length} Problem(e):\n${result.problems.map((p) => `  ${p}\n`).join('')}`);
    return 1;
  }
  const json = `${JSON.stringify(result.directory, null, 2)}\n`;
  const out = flag('--out');
  if (!out) process.stdout.write(json);
  else {
    writeFileSync(`${out}.tmp`, json);
    renameSync(`${out}.tmp`, out);
  }
  process.stderr.write(`Mitarbeiterverzeichnis: ${result.staff} Personen${out ? ` nach ${out} geschrieben` : ''}; ${result.skipped} Benutzer ohne passende Regel übersprungen.\n`);
  return 0;
}

runMain(main);
