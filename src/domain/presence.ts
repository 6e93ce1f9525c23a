import type { LocalDate } from './berlin-time.js';
import type { StaffId } from './staff.js';

/** `/abwesend bis TT.MM.JJJJ`: absent through that day (inclusive); `/anwesend` ends it early. */
export interface Absence {
  readonly staffId: StaffId;
  readonly until: LocalDate;
  readonly setAt: string;
}

/** `/ab verfuegbar` or `/ab unterwegs`: holds for the day it was said, then the policy's default times apply again. */
export interface AbDayState {
  readonly staffId: StaffId;
  readonly state: 'verfuegbar' | 'unterwegs';
  readonly date: LocalDate;
}

export function isAbsent(absences: readonly Absence[], staffId: StaffId, today: LocalDate): boolean {
  return absences.some((a) => a.staffId === staffId && a.until >= today);
}

/** Someone away gets no daily reminders (their substitute has the tasks); what fell due meanwhile comes once on return. */
export function receivesReminders(absences: readonly Absence[], staffId: StaffId, today: LocalDate): boolean {
  return !isAbsent(absences, staffId, today);
}
