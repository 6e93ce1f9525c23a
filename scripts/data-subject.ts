import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eraseCustomer, exportCustomer } from '../src/app/data-subject.js';
import { loadCliEnv } from '../src/config/env.js';
import { REFUSAL } from '../src/teams/refusal-catalogue.js';
import type { RefusalCode } from '../src/app/outcome.js';
import { offlineDeps, viaRunningBot } from './offline-deps.js';
import { runMain } from './run-main.js';

/**
 * `npm run export -- <Kdnr> --von <Name>` prints everything stored about a customer as JSON (GDPR Art. 15);
 * `npm run erase -- <Kdnr> --von <Name> [--ja]` deletes it everywhere (Art. 17) after a confirmation. Both are audited
 * under the name of the person who ran them.
 */
const USAGE = 'Aufruf: npm run export -- <Kdnr> --von <Name oder UPN>  |  npm run erase -- <Kdnr> --von <Name oder UPN> [--ja]\n';

async function confirmed(kdnr: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`Alle Daten zu Kunde ${kdnr} endgültig löschen? Bitte "ja" eingeben: `);
  rl.close();
  return answer.trim().toLowerCase() === 'ja';
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: false, options: { von: { type: 'string' }, ja: { type: 'boolean' } } });
  const [mode, kdnr] = positionals;
  const by = typeof values.von === 'string' ? values.von.trim() : '';
  if ((mode !== 'export' && mode !== 'erase') || !kdnr || by.length < 2) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (mode === 'erase' && values.ja !== true && !(await confirmed(kdnr))) {
    process.stderr.write('Nicht gelöscht: Die Löschung wurde nicht bestätigt (ohne Rückfrage nur mit --ja).\n');
    return 1;
  }
  const config = loadCliEnv(process.env);
  type Answer = { ok: true; kdnr: string; removed?: number } | { ok: false; reason: RefusalCode };
  let result = (await viaRunningBot(config, `/${mode}/${encodeURIComponent(kdnr)}?von=${encodeURIComponent(by)}`, '', 'application/json'))?.json as Answer | undefined;
  if (!result) {
    const deps = await offlineDeps(config);
    result = mode === 'export' ? await exportCustomer(deps, kdnr, by) : await eraseCustomer(deps, kdnr, by);
    await deps.store.close();
  }
  if (!result.ok) {
    process.stderr.write(`${REFUSAL[result.reason]}\n`);
    return 1;
  }
  if (mode === 'export') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`Kunde ${result.kdnr} gelöscht (${result.removed ?? 0} Datensätze). Die Löschung ist protokolliert.\n`);
  return 0;
}

runMain(main);
