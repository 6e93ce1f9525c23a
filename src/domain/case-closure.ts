import { atBerlin, shiftDate } from './berlin-time.js';
import type { NewcomerCase } from './newcomer-case.js';
import type { Task } from './task.js';
import type { U25OutreachCase } from './u25-case.js';

const latest = (isos: ReadonlyArray<string | undefined>) => isos.filter((x): x is string => !!x).reduce((a, b) => (a > b ? a : b), '');

/**
 * The deletion concept: a case is closed when its own last step is done and every task it caused is done; it closed at
 * the latest of those moments. An open task keeps the case (someone still works with it).
 */
export function closedAt(ownSteps: ReadonlyArray<string | undefined>, tasks: readonly Task[]): string | undefined {
  return tasks.every((t) => t.status === 'erledigt') ? latest([...ownSteps, ...tasks.map((t) => t.completedAt)]) || undefined : undefined;
}

// seed 001: the U25 case ends with the return to the pAp (after the joint talk, or early with a reason) or, for an
// Einzelauftrag, when it is done; the pAp's result card is one of its tasks.
export function u25CaseClosedAt(c: U25OutreachCase, tasks: readonly Task[]): string | undefined {
  return c.status === 'zurueckgegeben' && c.closed ? closedAt([c.closed.at], tasks) : undefined;
}

/**
 * seed 004: a new customer's case is done once routed elsewhere (the specialised IFK, Reha, U25 or the regular IFK take
 * over outside this bot), once the AMM's task is done, or after the first talk or the recorded no-show and the follow-up
 * tasks. A customer who never came and for whom nobody recorded a no-show: the case closes with the day of the queue
 * or of the appointment, so it is deleted one retention period after that day.
 */
export function newcomerCaseClosedAt(c: NewcomerCase, tasks: readonly Task[]): string | undefined {
  if (c.route !== 'sofortvermittlung') return closedAt([c.routedAt], tasks);
  const step = c.firstTalk?.recordedAt ?? c.noShow?.recordedAt ?? (c.access ? atBerlin(shiftDate(c.access.date, 1), '00:00').toISOString() : c.routedAt);
  return closedAt([step], tasks);
}
