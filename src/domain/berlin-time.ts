import { TZDate } from '@date-fns/tz';
import { addDays, format, getISOWeek, getISOWeekYear, getISODay, setISOWeek, startOfISOWeek } from 'date-fns';

/** All calendar reasoning happens in the Jobcenter's time zone, whatever the server's TZ is. */
export const TIME_ZONE = 'Europe/Berlin';

/** A calendar day in Berlin, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in Berlin, `HH:MM`. */
export type LocalTime = string;
/** An ISO calendar week, e.g. `{ year: 2026, week: 53 }` (the ISO week-year, not the calendar year). */
export interface CalendarWeek {
  readonly year: number;
  readonly week: number;
}

function noonOf(date: LocalDate): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 12, 0, 0, 0, TIME_ZONE);
}

export function berlinDate(instant: Date): LocalDate {
  return format(new TZDate(instant.getTime(), TIME_ZONE), 'yyyy-MM-dd');
}

export function berlinTime(instant: Date): LocalTime {
  return format(new TZDate(instant.getTime(), TIME_ZONE), 'HH:mm');
}

/** Minutes since Berlin midnight, for comparing times of day. */
export function berlinMinutesOfDay(instant: Date): number {
  const z = new TZDate(instant.getTime(), TIME_ZONE);
  return z.getHours() * 60 + z.getMinutes();
}

/** The instant at which Berlin's wall clock shows `time` on `date` (daylight saving included). */
export function atBerlin(date: LocalDate, time: LocalTime): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, TIME_ZONE).getTime());
}

export function shiftDate(date: LocalDate, days: number): LocalDate {
  return format(addDays(noonOf(date), days), 'yyyy-MM-dd');
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return getISODay(noonOf(date));
}

export function calendarWeekOf(date: LocalDate): CalendarWeek {
  const noon = noonOf(date);
  return { year: getISOWeekYear(noon), week: getISOWeek(noon) };
}

export function mondayOf(week: CalendarWeek): LocalDate {
  // 4 January always lies in ISO week 1 of its year.
  const jan4 = noonOf(`${week.year}-01-04`);
  return format(startOfISOWeek(setISOWeek(jan4, week.week)), 'yyyy-MM-dd');
}

export function nextWeek(week: CalendarWeek, by = 1): CalendarWeek {
  return calendarWeekOf(shiftDate(mondayOf(week), 7 * by));
}

/** Storage key of a week, sortable as text: `2026-W05`. */
export function weekKey(week: CalendarWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

export function parseWeekKey(key: string): CalendarWeek {
  const [year, week] = key.split('-W').map(Number) as [number, number];
  return { year, week };
}

/** Is there such an ISO week (week 53 exists only in some years)? */
export function isValidWeek(week: CalendarWeek): boolean {
  if (!Number.isInteger(week.week) || week.week < 1 || week.week > 53) return false;
  return calendarWeekOf(mondayOf(week)).week === week.week;
}
