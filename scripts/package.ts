import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '../src/config/policy.js';
import { describeIssues } from '../src/config/zod-errors.js';
import { projectRoot } from '../src/project-root.js';
import { buildAppPackage, manifestErrors } from './app-package.js';
import { appDetailsSchema, DEFAULT_APP_DETAILS, PLACEHOLDER_BOT_ID, type AppDetails } from './manifest-template.js';
import { runMain } from './run-main.js';

const FLAGS: Record<string, keyof AppDetails> = {
  '--jobcenter': 'jobcenter',
  '--developer': 'developerName',
  '--website': 'websiteUrl',
  '--privacy': 'privacyUrl',
  '--terms': 'termsOfUseUrl',
  '--version': 'version'
};
const USAGE = `Aufruf: npm run package -- [${Object.keys(FLAGS).map((f) => `${f} <…>`).join('] [')}]  (sonst aus POLICY_FILE: jobcenter, app.*)\n`;

/** Flags over the policy file's `app` section and `jobcenter` over the placeholders. */
function appDetails(args: readonly string[]): AppDetails {
  const fromPolicy = process.env.POLICY_FILE ? loadPolicy(process.env.POLICY_FILE) : undefined;
  const details: Record<string, unknown> = { ...DEFAULT_APP_DETAILS, ...(fromPolicy ? { jobcenter: fromPolicy.jobcenter, ...fromPolicy.app } : {}) };
  for (let i = 0; i < args.length; i += 2) {
    const key = FLAGS[args[i]!];
    if (!key || args[i + 1] === undefined) throw new Error(`Unbekannte oder unvollständige Angabe ${args[i]}.\n${USAGE}`);
    details[key] = args[i + 1];
  }
  const parsed = appDetailsSchema.safeParse(details);
  if (!parsed.success) throw new Error(`App-Angaben ungültig:\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * `npm run package`: build/ab-lotse-teams-app.zip for the Teams admin center, with MICROSOFT_APP_ID as the bot id and
 * the Jobcenter's name, developer, URLs and version from the policy file (POLICY_FILE) or flags.
 * `--check <json>` validates a manifest file instead and prints the schema errors as JSON (used by the tests).
 */
async function main(): Promise<number> {
  if (process.argv[2] === '--check') {
    const errors = await manifestErrors(JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>);
    process.stdout.write(JSON.stringify(errors));
    return 0;
  }
  const app = appDetails(process.argv.slice(2));
  const botId = process.env.MICROSOFT_APP_ID || PLACEHOLDER_BOT_ID;
  if (botId === PLACEHOLDER_BOT_ID) process.stderr.write('Hinweis: MICROSOFT_APP_ID ist nicht gesetzt – das Paket enthält eine Platzhalter-ID und taugt nur zur Prüfung.\n');
  const zip = await buildAppPackage(botId, app);
  const dir = process.env.APP_PACKAGE_DIR ?? join(projectRoot(), 'build');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ab-lotse-teams-app.zip');
  writeFileSync(file, zip);
  process.stdout.write(`App-Paket geschrieben: ${file} (${zip.length} Bytes, ${app.jobcenter}, Version ${app.version}, Manifest gegen das Teams-Schema geprüft)\n`);
  return 0;
}

runMain(main);
