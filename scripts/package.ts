import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';
import { buildAppPackage, manifestErrors } from './app-package.js';
import { filledManifest, PLACEHOLDER_BOT_ID } from './manifest-template.js';
import { runMain } from './run-main.js';

/**
 * `npm run package`: build/ab-lotse-teams-app.zip for the Teams admin center, with MICROSOFT_APP_ID as the bot id.
 * `--check <json>` validates a manifest file instead and prints the schema errors as JSON (used by the tests).
 */
async function main(): Promise<number> {
  if (process.argv[2] === '--check') {
    const errors = await manifestErrors(JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>);
    process.stdout.write(JSON.stringify(errors));
    return 0;
  }
  const botId = process.env.MICROSOFT_APP_ID || PLACEHOLDER_BOT_ID;
  if (botId === PLACEHOLDER_BOT_ID) process.stderr.write('Hinweis: MICROSOFT_APP_ID ist nicht gesetzt – das Paket enthält eine Platzhalter-ID und taugt nur zur Prüfung.\n');
  filledManifest(botId);
  const zip = await buildAppPackage(botId);
  const dir = process.env.APP_PACKAGE_DIR ?? join(projectRoot(), 'build');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ab-lotse-teams-app.zip');
  writeFileSync(file, zip);
  process.stdout.write(`App-Paket geschrieben: ${file} (${zip.length} Bytes, Manifest gegen das Teams-Schema geprüft)\n`);
  return 0;
}

runMain(main);
