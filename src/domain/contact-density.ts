import { TZDate } from '@date-fns/tz';
import { addMonths, addWeeks, format } from 'date-fns';
import { shiftDate, TIME_ZONE, type LocalDate } from './berlin-time.js';
import { countingContacts, type ContactKind } from './contact.js';
import type { ContactDensityCustomer, Customer, CustomerGroup, Profile } from './customer.js';
import { workingDayOnOrBefore, type WorkingCalendar } from './working-days.js';

export interface Interval {
  readonly months?: number;
  readonly weeks?: number;
}

/** Seed 003's minimum contact intervals; each Jobcenter's policy may set its own. */
export interface ContactDensityRule {
  readonly byGroup: Record<CustomerGroup, Interval>;
  readonly byProfile: Record<Profile, Interval>;
  readonly intensive: Interval;
  /** Groups for which a group information counts as a contact (seed 003: marktfern). */
  readonly groupInfoCountsFor: readonly CustomerGroup[];
}

export type IntervalSource = 'intensiv' | 'profil' | 'gruppe';

/** seed 003: intensive overrides everything; profile Z/I override the group rule; otherwise the group decides. */
export function intervalFor(customer: Pick<Customer, 'group' | 'profile' | 'intensive'>, rule: ContactDensityRule): { interval: Interval; source: IntervalSource } {
  if (customer.intensive) return { interval: rule.intensive, source: 'intensiv' };
  if (customer.profile) return { interval: rule.byProfile[customer.profile], source: 'profil' };
  return { interval: rule.byGroup[customer.group], source: 'gruppe' };
}

/** seed 003: a group information counts only where the policy allows it (marktfern), and never for intensive customers. */
export function contactCounts(kind: ContactKind, customer: Pick<Customer, 'group' | 'intensive'>, rule: ContactDensityRule): boolean {
  return kind !== 'gruppe' || (!customer.intensive && rule.groupInfoCountsFor.includes(customer.group));
}

const intervalCache = new Map<string, LocalDate>();

/**
 * Calendar arithmetic on Berlin dates: 31 January + 1 month is the last day of February (28th, or 29th in a leap year),
 * as date-fns' addMonths does. Memoised: a customer base has few distinct last-contact dates, and the daily due list
 * runs over every customer.
 */
export function addInterval(date: LocalDate, interval: Interval): LocalDate {
  const key = `${date}|${interval.months ?? 0}|${interval.weeks ?? 0}`;
  let result = intervalCache.get(key);
  if (result === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    let t = new TZDate(y, m - 1, d, 12, 0, 0, 0, TIME_ZONE);
    if (interval.months) t = addMonths(t, interval.months);
    if (interval.weeks) t = addWeeks(t, interval.weeks);
    result = format(t, 'yyyy-MM-dd');
    if (intervalCache.size > 100_000) intervalCache.clear();
    intervalCache.set(key, result);
  }
  return result;
}

export function lastContactOf(customer: Pick<Customer, 'contacts' | 'lastContactImported'>): LocalDate | null {
  const dates = countingContacts(customer.contacts).map((c) => c.date);
  if (customer.lastContactImported) dates.push(customer.lastContactImported);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

/**
 * seed 003: the next contact is due one interval after the last one; a customer without any contact is due the day they
 * came (clearing). A due date on a weekend or holiday moves to the working day before: the interval is a maximum.
 */
export function dueDate(customer: ContactDensityCustomer, rule: ContactDensityRule, calendar: WorkingCalendar): LocalDate {
  const last = lastContactOf(customer);
  return workingDayOnOrBefore(calendar, last ? addInterval(last, intervalFor(customer, rule).interval) : customer.registeredOn);
}

export type DueState = 'ueberfaellig' | 'faellig' | 'ok';

/** The date `n` working days after `date` (weekends and the Bundesland's holidays skipped). */
export function addWorkingDays(calendar: WorkingCalendar, date: LocalDate, n: number): LocalDate {
  let day = date;
  let left = n;
  while (left > 0) {
    day = shiftDate(day, 1);
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
}

/** The last day of the reminder window: today plus N working days (computed once per list, not per customer). */
export function reminderWindowEnd(calendar: WorkingCalendar, today: LocalDate, withinWorkingDays: number): LocalDate {
  return addWorkingDays(calendar, today, withinWorkingDays);
}

/** Overdue: the due date has passed. Due: it falls today or by the end of the reminder window. */
export function dueState(due: LocalDate, today: LocalDate, windowEnd: LocalDate): DueState {
  if (due < today) return 'ueberfaellig';
  return due <= windowEnd ? 'faellig' : 'ok';
}
