import { shiftDate, type LocalDate } from './berlin-time.js';
import type { StaffId } from './staff.js';
import type { WorkingCalendar } from './working-days.js';

/**
 * Correcting a slip (issue 16, no seed rule of its own): who recorded an entry may withdraw it on the day it was
 * recorded or on the next working day, with a reason. Later, or by someone else, the entry stands; the records of
 * seed 000 §2 are evidence of what was tried with the customer, so a withdrawn entry is kept and marked, not erased.
 */
export interface Withdrawal {
  readonly by: StaffId;
  /** ISO instant. */
  readonly at: string;
  readonly reason: string;
}

export type WithdrawalRefusal = 'nicht-ihr-eintrag' | 'korrekturfrist-abgelaufen' | 'korrektur-begruendung-fehlt';

/** The last day on which an entry recorded on `recordedOn` may be withdrawn: the next working day. */
export function lastCorrectionDay(calendar: WorkingCalendar, recordedOn: LocalDate): LocalDate {
  let day = shiftDate(recordedOn, 1);
  while (!calendar.isWorkingDay(day)) day = shiftDate(day, 1);
  return day;
}

export function mayWithdraw(
  entry: { readonly recordedBy: StaffId; readonly recordedOn: LocalDate },
  actor: StaffId,
  today: LocalDate,
  reason: string,
  calendar: WorkingCalendar
): { ok: true } | { ok: false; reason: WithdrawalRefusal } {
  if (entry.recordedBy !== actor) return { ok: false, reason: 'nicht-ihr-eintrag' };
  if (today > lastCorrectionDay(calendar, entry.recordedOn)) return { ok: false, reason: 'korrekturfrist-abgelaufen' };
  if (reason.trim() === '') return { ok: false, reason: 'korrektur-begruendung-fehlt' };
  return { ok: true };
}
