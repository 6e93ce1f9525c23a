import type { Deps } from '../app/deps.js';
import type { Logger } from '../log.js';
import { noMetrics, type JobMetrics } from '../metrics/metrics.js';
import { jobCatalogue, type Job } from './job-catalogue.js';
import { berlinDate } from '../domain/berlin-time.js';
import { latestSlot, runsOn } from './schedule.js';

/**
 * Runs every job whose latest slot has not run yet, and records the slot. Called at start (so a run missed while the
 * bot was down happens once) and then periodically.
 */
export async function runDueJobs(deps: Deps, logger: Logger, jobs: readonly Job[] = jobCatalogue(deps), metrics: JobMetrics = noMetrics): Promise<string[]> {
  const ran: string[] = [];
  const runs = await deps.store.jobRuns();
  for (const job of jobs) {
    const now = deps.clock.now();
    const slot = latestSlot(job.when, now, deps.calendar);
    if (!slot || (runs[job.name] !== undefined && runs[job.name]! >= slot)) continue;
    // Not recorded as run: the missed slot is caught up on the next working day.
    if (!runsOn(job.when, berlinDate(now), deps.calendar)) continue;
    // Several bot instances may share the store: the one whose claim takes the slot runs it, the others skip it.
    if (!(await deps.store.claimJobRun(job.name, slot))) continue;
    const started = performance.now();
    let count: number;
    try {
      count = await job.run({ ...deps, audit: deps.audit.as('job') });
    } catch (err) {
      metrics.jobRun(job.name, 'error', performance.now() - started);
      // Not run after all: the next tick (of any instance) tries the slot again, as before claims existed.
      await deps.store.releaseJobRun(job.name, slot, runs[job.name]);
      throw err;
    }
    metrics.jobRun(job.name, 'ok', performance.now() - started);
    ran.push(job.name);
    // An every-minute run that found nothing to do is news only when debugging (which slot ran where).
    logger.log(job.when.kind !== 'every-minute' || count ? 'info' : 'debug', 'job.ran', { job: job.name, slot, count });
  }
  return ran;
}

export function startScheduler(deps: Deps, logger: Logger, afterRun: () => void, intervalMs = 30_000, metrics: JobMetrics = noMetrics): { stop(): void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runDueJobs(deps, logger, jobCatalogue(deps), metrics)
      .then((ran) => ran.length && afterRun())
      .catch((e: Error) => logger.log('error', 'job.failed', { error: e.message }))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
