import type { Deps } from '../app/deps.js';
import { berlinDate, type LocalDate } from '../domain/berlin-time.js';
import { weekdayDateDe, weekdayDateTimeDe } from '../teams/format.js';
import { jobCatalogue, type JobName } from './job-catalogue.js';
import { runsOn } from './schedule.js';

/** `at`: the time the job ran for, by the clock of whoever ran it (the running bot's, or CLOCK_FIXED's). */
export type ManualRun = ({ readonly ran: true; readonly count: number } | { readonly ran: false; readonly date: LocalDate }) & { readonly at: string };

/** `npm run job -- <name>`: runs the job now — unless the schedule would not run it today (a weekend or holiday). */
export async function runJobByHand(deps: Deps, name: JobName): Promise<ManualRun> {
  const job = jobCatalogue(deps).find((j) => j.name === name)!;
  const now = deps.clock.now();
  const today = berlinDate(now);
  if (!runsOn(job.when, today, deps.calendar)) return { ran: false, date: today, at: now.toISOString() };
  return { ran: true, count: await job.run(deps), at: now.toISOString() };
}

/** What the job did, in words: on a non-working day nothing; else how many notifications (or changes) are new. */
export function manualRunText(name: JobName, run: ManualRun, viaBot: boolean): string {
  // A running bot runs the job by its own clock: say which time that was, so a demo's CLOCK_FIXED is not assumed.
  const clock = viaBot ? ` Uhr des laufenden Bots: ${weekdayDateTimeDe(new Date(run.at))}.` : '';
  return ranText(name, run, viaBot) + clock;
}

function ranText(name: JobName, run: ManualRun, viaBot: boolean): string {
  if (!run.ran) return `Job ${name}: ${weekdayDateDe(run.date)} ist kein Arbeitstag – nichts gesendet. Der Zeitplan holt ihn am nächsten Arbeitstag nach.`;
  if (run.count === 0) return `Job ${name} ausgeführt: nichts Neues (bereits gesendet oder nichts fällig).`;
  return `Job ${name} ausgeführt: ${run.count} neu ${viaBot ? '– der laufende Bot stellt sie sofort zu' : '– zugestellt wird beim nächsten Start des Bots'}.`;
}
