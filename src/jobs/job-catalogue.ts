import { askAttendance } from '../app/attendance.js';
import type { Deps } from '../app/deps.js';
import { escalateDueCallbacks } from '../app/escalate-callbacks.js';
import { applyRetention } from '../app/retention.js';
import { remindDueContacts, remindFlagDeadline, sendWeeklyDigests } from '../app/scheduled-notices.js';
import { remindU25PhaseEnds, sendBudgetStatements } from '../app/u25-notices.js';
import { remindLetterTasks } from '../app/voluntary-letters.js';
import type { When } from './schedule.js';

export const JOB_NAMES = ['faellige-kontakte', 'vormerk-erinnerung', 'erschienen-nachfrage', 'wochen-digest', 'rueckruf-eskalation', 'aufbewahrung', 'u25-erinnerung', 'u25-auslagen', 'hausbesuch-briefe'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface Job {
  readonly name: JobName;
  readonly when: When;
  /** Calls a use case; returns how many notifications or changes it made. */
  readonly run: (deps: Deps) => Promise<number>;
}

/** The one place that says when each job runs (times from the policy; working days of the configured Bundesland). */
export function jobCatalogue(deps: Deps): readonly Job[] {
  const s = deps.policy.schedule;
  return [
    { name: 'faellige-kontakte', when: { kind: 'working-days', time: s.dueContacts }, run: remindDueContacts },
    // Runs every working day; the use case acts only on the deadline day (Thursday or the day before a Thursday holiday).
    { name: 'vormerk-erinnerung', when: { kind: 'working-days', time: s.flagReminder }, run: remindFlagDeadline },
    { name: 'erschienen-nachfrage', when: { kind: 'working-days', time: s.attendanceCheck }, run: askAttendance },
    { name: 'wochen-digest', when: { kind: 'week-start', time: s.weeklyDigest }, run: sendWeeklyDigests },
    { name: 'rueckruf-eskalation', when: { kind: 'every-minute' }, run: escalateDueCallbacks },
    { name: 'aufbewahrung', when: { kind: 'working-days', time: s.retention }, run: applyRetention },
    // seed 001: the activation phase's end (one month before, and when reached)
    { name: 'u25-erinnerung', when: { kind: 'working-days', time: s.u25Reminders }, run: remindU25PhaseEnds },
    // Runs every working day; the use case acts only on the month's last working day.
    { name: 'u25-auslagen', when: { kind: 'working-days', time: s.u25BudgetStatement }, run: sendBudgetStatements },
    // seed 002 §4.2: the Hausbesuch's letters, when their window opens and when it has closed
    { name: 'hausbesuch-briefe', when: { kind: 'working-days', time: s.voluntaryLetters }, run: remindLetterTasks }
  ];
}
