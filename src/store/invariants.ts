import { berlinDate } from '../domain/berlin-time.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import { routedOn, type NewcomerCase } from '../domain/newcomer-case.js';
import type { OutreachCaseVariant } from '../domain/outreach-case.js';
import type { Task } from '../domain/task.js';

/**
 * Invariants the store guarantees, whichever process writes: a record that holds a guard key is the only one of its
 * collection with that key. The use cases check them before deciding; the store closes the gap between that read and
 * the write, which matters once several bot instances write (PostgreSQL: a unique partial index on the key).
 */
export const guardOf = {
  // seed 000 §2: one open AB flag per customer and target week.
  cases: (c: OutreachCaseVariant): string | undefined => (c.approach === 'ab-besuch' && c.status === 'vorgemerkt' ? `vormerkung:${c.kdnr}:${c.targetWeek}` : undefined),
  // seed 000 §3: one Meldeversäumnis (or callback) per customer and day while it is not done.
  missedCases: (c: MissedAppointmentCase): string | undefined => (c.status !== 'erledigt' ? `meldeversaeumnis:${c.kdnr}:${berlinDate(new Date(c.reportedAt))}` : undefined),
  // seed 004: a new customer is routed once per Berlin day (two EZ desks at once give one routing).
  newcomerCases: (c: NewcomerCase): string => `routing:${c.kdnr}:${routedOn(c)}`,
  // seed 003: one open request to the team lead to add a customer to intensive care, or to end it.
  tasks: (t: Task): string | undefined => ((t.kind === 'intensiv-aufnehmen' || t.kind === 'intensiv-beenden') && t.status === 'offen' ? `intensiv:${t.kdnr}` : undefined)
} as const;
