import { atBerlin, berlinDate, berlinTime, calendarWeekOf, mondayOf, shiftDate, type LocalDate, type LocalTime } from '../domain/berlin-time.js';
import type { WorkingCalendar } from '../domain/working-days.js';

/** When a job is due: on working days at a time, on the first working day of the week at a time, or every minute. */
export type When = { readonly kind: 'working-days'; readonly time: LocalTime } | { readonly kind: 'week-start'; readonly time: LocalTime } | { readonly kind: 'every-minute' };

function lastWorkingDayOnOrBefore(calendar: WorkingCalendar, date: LocalDate): LocalDate | undefined {
  for (let i = 0, day = date; i < 14; i++, day = shiftDate(day, -1)) if (calendar.isWorkingDay(day)) return day;
  return undefined;
}

function firstWorkingDayOfWeek(calendar: WorkingCalendar, anyDay: LocalDate): LocalDate | undefined {
  const monday = mondayOf(calendarWeekOf(anyDay));
  for (let i = 0; i < 5; i++) if (calendar.isWorkingDay(shiftDate(monday, i))) return shiftDate(monday, i);
  return undefined;
}

/**
 * May the job run on this day at all? Jobs of working days run only on working days: a run missed before a weekend or
 * holiday is caught up on the next working day, and a run by hand on such a day sends nothing.
 */
export function runsOn(when: When, date: LocalDate, calendar: WorkingCalendar): boolean {
  return when.kind === 'every-minute' || calendar.isWorkingDay(date);
}

/**
 * The latest moment at or before `now` when the job was due (ISO instant), or undefined. Comparing it with the last
 * recorded run tells whether a run is owed: after downtime the missed run happens once, and never twice.
 */
export function latestSlot(when: When, now: Date, calendar: WorkingCalendar): string | undefined {
  const today = berlinDate(now);
  if (when.kind === 'every-minute') return atBerlin(today, berlinTime(now)).toISOString();
  if (when.kind === 'working-days') {
    const todayDue = calendar.isWorkingDay(today) && berlinTime(now) >= when.time;
    const day = todayDue ? today : lastWorkingDayOnOrBefore(calendar, shiftDate(today, -1));
    return day ? atBerlin(day, when.time).toISOString() : undefined;
  }
  const thisWeek = firstWorkingDayOfWeek(calendar, today);
  if (thisWeek && (thisWeek < today || (thisWeek === today && berlinTime(now) >= when.time))) return atBerlin(thisWeek, when.time).toISOString();
  const previous = firstWorkingDayOfWeek(calendar, shiftDate(mondayOf(calendarWeekOf(today)), -7));
  return previous ? atBerlin(previous, when.time).toISOString() : undefined;
}
