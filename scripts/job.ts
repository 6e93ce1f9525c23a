import { loadCliEnv } from '../src/config/env.js';
import { JOB_NAMES, type JobName } from '../src/jobs/job-catalogue.js';
import { manualRunText, runJobByHand, type ManualRun } from '../src/jobs/manual-run.js';
import { offlineDeps, viaRunningBot } from './offline-deps.js';
import { runMain } from './run-main.js';

/**
 * `npm run job -- <name>`: run a scheduled job now. With the bot running it runs there, with the bot's clock, and sends
 * at once; otherwise here (CLOCK_FIXED pins the clock for demos), and the bot sends what it queued when it starts.
 */
async function main(): Promise<number> {
  const name = process.argv[2] as JobName | undefined;
  if (!name || !JOB_NAMES.includes(name)) {
    process.stderr.write(`Aufruf: npm run job -- <${JOB_NAMES.join('|')}>\n`);
    return 2;
  }
  const config = loadCliEnv(process.env);
  const viaBot = await viaRunningBot(config, `/jobs/${name}`, '', 'application/json');
  let run: ManualRun;
  if (viaBot) run = viaBot.json as ManualRun;
  else {
    const deps = await offlineDeps(config);
    run = await runJobByHand(deps, name);
    await deps.store.close();
  }
  // On PostgreSQL the commit's NOTIFY wakes the running instances' senders, as a run inside the bot would.
  process.stdout.write(`${manualRunText(name, run, viaBot !== undefined || config.AB_LOTSE_STORE === 'postgres')}\n`);
  return 0;
}

runMain(main);
