import { atBerlin, berlinDate, berlinTime, shiftDate, type LocalDate, type LocalTime } from './berlin-time.js';
import type { WorkingCalendar } from './working-days.js';

export interface CallbackRule {
  readonly officeStart: LocalTime;
  readonly endOfService: (date: LocalDate) => LocalTime;
  /** Unclaimed callbacks escalate this many minutes before end of service (policy). */
  readonly escalateMinutesBeforeEnd: number;
}

export interface CallbackSlot {
  readonly date: LocalDate;
  readonly from: LocalTime;
  readonly to: LocalTime;
  /** Booked after end of service (or on a day off): moved to the next working day. */
  readonly nextWorkingDay: boolean;
  readonly escalateAt: string;
}

function nextWorkingDay(calendar: WorkingCalendar, after: LocalDate): LocalDate {
  let day = shiftDate(after, 1);
  while (!calendar.isWorkingDay(day)) day = shiftDate(day, 1);
  return day;
}

/** seed 000 §3: a same-day callback in the responsible placement team; after end of service the next working day. */
export function bookCallback(now: Date, rule: CallbackRule, calendar: WorkingCalendar): CallbackSlot {
  const today = berlinDate(now);
  const time = berlinTime(now);
  const open = calendar.isWorkingDay(today) && time < rule.endOfService(today);
  const date = open ? today : nextWorkingDay(calendar, today);
  const from = open && time > rule.officeStart ? time : rule.officeStart;
  const to = rule.endOfService(date);
  const escalateAt = new Date(atBerlin(date, to).getTime() - rule.escalateMinutesBeforeEnd * 60_000).toISOString();
  return { date, from, to, nextWorkingDay: !open, escalateAt };
}
