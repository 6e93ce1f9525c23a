import { loadCliEnv } from '../src/config/env.js';
import { jobCatalogue, JOB_NAMES, type JobName } from '../src/jobs/job-catalogue.js';
import { callRunningBot, offlineDeps } from './offline-deps.js';
import { runMain } from './run-main.js';

/**
 * `npm run job -- <name>`: run a scheduled job now. With the bot running it runs there (and sends at once);
 * otherwise here, and the bot sends what it queued when it starts. CLOCK_FIXED pins the clock for demos.
 */
async function main(): Promise<number> {
  const name = process.argv[2] as JobName | undefined;
  if (!name || !JOB_NAMES.includes(name)) {
    process.stderr.write(`Aufruf: npm run job -- <${JOB_NAMES.join('|')}>\n`);
    return 2;
  }
  const config = loadCliEnv(process.env);
  const viaBot = await callRunningBot(config.DATA_DIR, `/jobs/${name}`, '', 'application/json');
  let count: number;
  if (viaBot) count = (viaBot.json as { count: number }).count;
  else {
    const deps = await offlineDeps(config);
    count = await jobCatalogue(deps).find((j) => j.name === name)!.run(deps);
    await deps.store.close();
  }
  process.stdout.write(`Job ${name} ausgeführt${viaBot ? ' (im laufenden Bot)' : ''}: ${count}.\n`);
  return 0;
}

runMain(main);
