import { berlinDate, calendarWeekOf, nextWeek, type CalendarWeek } from '../domain/berlin-time.js';

/** The calendar week before the one `now` lies in (the digest reports on it). */
export function lastWeek(now: Date): CalendarWeek {
  return nextWeek(calendarWeekOf(berlinDate(now)), -1);
}
