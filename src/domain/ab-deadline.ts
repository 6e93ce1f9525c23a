import { atBerlin, berlinDate, calendarWeekOf, mondayOf, nextWeek, shiftDate, type CalendarWeek, type LocalDate, type LocalTime } from './berlin-time.js';
import { workingDayOnOrBefore, type WorkingCalendar } from './working-days.js';

export interface FlagDeadlineRule {
  /** ISO weekday of the deadline; seed 000 §2: Thursday (4). */
  readonly deadlineWeekday: number;
  /** End of service (Dienstschluss) on a given day, from the policy. */
  readonly endOfService: (date: LocalDate) => LocalTime;
}

export interface FlagTarget {
  /** The calendar week in which AB visits the customer. */
  readonly week: CalendarWeek;
  /** The deadline that was met (or, for a late flag, the next one). */
  readonly deadline: Date;
  readonly late: boolean;
}

/** The deadline in week `week` for flags that count for the week after it. */
export function flagDeadlineIn(week: CalendarWeek, rule: FlagDeadlineRule, calendar: WorkingCalendar): Date {
  // seed 000 §2 via REQUIREMENTS: a Thursday that is a public holiday moves the deadline to the previous working day.
  const day = workingDayOnOrBefore(calendar, shiftDate(mondayOf(week), rule.deadlineWeekday - 1));
  return atBerlin(day, rule.endOfService(day));
}

/** seed 000 §2: flags until Thursday, end of service, count for the following week; a later flag lands in the week after. */
export function targetWeekForFlag(at: Date, rule: FlagDeadlineRule, calendar: WorkingCalendar): FlagTarget {
  const thisWeek = calendarWeekOf(berlinDate(at));
  const deadline = flagDeadlineIn(thisWeek, rule, calendar);
  if (at.getTime() <= deadline.getTime()) return { week: nextWeek(thisWeek), deadline, late: false };
  return { week: nextWeek(thisWeek, 2), deadline: flagDeadlineIn(nextWeek(thisWeek), rule, calendar), late: true };
}
