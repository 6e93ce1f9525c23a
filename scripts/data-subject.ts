import { eraseCustomer, exportCustomer } from '../src/app/data-subject.js';
import { loadCliEnv } from '../src/config/env.js';
import { REFUSAL } from '../src/teams/texts.js';
import type { RefusalCode } from '../src/app/outcome.js';
import { callRunningBot, offlineDeps } from './offline-deps.js';
import { runMain } from './run-main.js';

/**
 * `npm run export -- <Kdnr>` prints everything stored about a customer as JSON (GDPR Art. 15);
 * `npm run erase -- <Kdnr>` deletes it everywhere (Art. 17). Both are audited.
 */
async function main(): Promise<number> {
  const [mode, kdnr] = [process.argv[2], process.argv[3]];
  if ((mode !== 'export' && mode !== 'erase') || !kdnr) {
    process.stderr.write('Aufruf: npm run export -- <Kdnr>  |  npm run erase -- <Kdnr>\n');
    return 2;
  }
  const config = loadCliEnv(process.env);
  type Answer = { ok: true; kdnr: string; removed?: number } | { ok: false; reason: RefusalCode };
  let result = (await callRunningBot(config.ADMIN_PORT, `/${mode}/${encodeURIComponent(kdnr)}`, '', 'application/json'))?.json as Answer | undefined;
  if (!result) {
    const deps = await offlineDeps(config);
    result = mode === 'export' ? await exportCustomer(deps, kdnr) : await eraseCustomer(deps, kdnr);
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
