import { TZDate, tzOffset } from '@date-fns/tz';
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

/**
 * Time-zone arithmetic costs an Intl call each time; a turn does dozens. Calendar functions see few distinct inputs
 * (days, weeks), so each result is computed once; the cache is dropped whole if it ever grows large.
 */
function memoised<A extends unknown[], R>(fn: (...args: A) => R, keyOf: (...args: A) => string = (...args) => args.join('|')): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args) => {
    const key = keyOf(...args);
    let result = cache.get(key);
    if (result === undefined) {
      if (cache.size >= 100_000) cache.clear();
      result = fn(...args);
      cache.set(key, result);
    }
    return result;
  };
}

/** Berlin's UTC offset in minutes at `ms`. It changes only at full UTC hours (01:00 UTC), so once per hour is exact. */
const offsetOfHour = memoised((hour: number) => tzOffset(TIME_ZONE, new Date(hour * 3_600_000)));

/** Berlin's wall clock at `instant`, as a Date whose UTC fields show it. */
function wallClock(instant: Date): Date {
  const ms = instant.getTime();
  return new Date(ms + offsetOfHour(Math.floor(ms / 3_600_000)) * 60_000);
}

function noonOf(date: LocalDate): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 12, 0, 0, 0, TIME_ZONE);
}

export function berlinDate(instant: Date): LocalDate {
  return wallClock(instant).toISOString().slice(0, 10);
}

export function berlinTime(instant: Date): LocalTime {
  return wallClock(instant).toISOString().slice(11, 16);
}

/** Minutes since Berlin midnight, for comparing times of day. */
export function berlinMinutesOfDay(instant: Date): number {
  const wall = wallClock(instant);
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

const instantOfWallClock = memoised((date: LocalDate, time: LocalTime): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new TZDate(y, m - 1, d, hh, mm, 0, 0, TIME_ZONE).getTime();
});

/** The instant at which Berlin's wall clock shows `time` on `date` (daylight saving included). */
export function atBerlin(date: LocalDate, time: LocalTime): Date {
  return new Date(instantOfWallClock(date, time));
}

export const shiftDate: (date: LocalDate, days: number) => LocalDate = memoised((date: LocalDate, days: number) => format(addDays(noonOf(date), days), 'yyyy-MM-dd'));

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday: (date: LocalDate) => number = memoised((date: LocalDate) => getISODay(noonOf(date)));

export const calendarWeekOf: (date: LocalDate) => CalendarWeek = memoised((date: LocalDate): CalendarWeek => {
  const noon = noonOf(date);
  return Object.freeze({ year: getISOWeekYear(noon), week: getISOWeek(noon) });
});

export const mondayOf: (week: CalendarWeek) => LocalDate = memoised(
  (week: CalendarWeek) => {
    // 4 January always lies in ISO week 1 of its year.
    const jan4 = noonOf(`${week.year}-01-04`);
    return format(startOfISOWeek(setISOWeek(jan4, week.week)), 'yyyy-MM-dd');
  },
  (week) => `${week.year}-${week.week}`
);

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
