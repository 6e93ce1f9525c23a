import { berlinDate, berlinTime, isoWeekday as isoWeekdayOf, mondayOf, parseWeekKey, shiftDate, type CalendarWeek, type LocalDate } from '../domain/berlin-time.js';
import type { ContactAttempt } from '../domain/contact-attempt.js';

/** Dates as users write them: TT.MM.JJJJ, HH:MM, KW 19/2027 (10.05.–14.05.). */
export function dateDe(date: LocalDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

export function dateTimeDe(iso: string): string {
  const at = new Date(iso);
  return `${dateDe(berlinDate(at))}, ${berlinTime(at)} Uhr`;
}

/** "KW 49/2026 (30.11.–04.12.)": the calendar week with its Monday to Friday, so nobody has to look it up. */
export function weekDe(week: CalendarWeek | string): string {
  const w = typeof week === 'string' ? parseWeekKey(week) : week;
  const monday = mondayOf(w);
  const dayMonth = (d: LocalDate) => dateDe(d).slice(0, 6);
  return `KW ${w.week}/${w.year} (${dayMonth(monday)}–${dayMonth(shiftDate(monday, 4))})`;
}

const WEEKDAYS = ['Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.', 'So.'];
export function weekdayDateTimeDe(at: Date): string {
  return `${weekdayDateDe(berlinDate(at))}, ${berlinTime(at)} Uhr`;
}

/** "Fr. 15.05.2026" */
export function weekdayDateDe(date: LocalDate): string {
  return `${WEEKDAYS[isoWeekdayOf(date) - 1]} ${dateDe(date)}`;
}

/** An attempt entered with a date only is shown without a time. */
export function attemptWhenDe(attempt: ContactAttempt): string {
  return attempt.timeGiven ? dateTimeDe(attempt.at) : dateDe(berlinDate(new Date(attempt.at)));
}

/** Integer cents as German euros: 450 → "4,50 €". */
export function euroDe(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')} €`;
}
