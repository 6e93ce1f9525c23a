import { differenceInCalendarDays } from 'date-fns';
import type { LocalDate } from './berlin-time.js';
import type { U25OutreachCase } from './u25-case.js';

/** A calendar quarter, e.g. `2027-Q1`. */
export type QuarterKey = string;

export const quarterOf = (date: LocalDate): QuarterKey => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

function quarterBounds(q: QuarterKey): { first: LocalDate; last: LocalDate } {
  const year = Number(q.slice(0, 4));
  const n = Number(q.slice(-1));
  const lastMonth = n * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { first: `${year}-${String(lastMonth - 2).padStart(2, '0')}-01`, last: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

function previousQuarter(q: QuarterKey): QuarterKey {
  const year = Number(q.slice(0, 4));
  const n = Number(q.slice(-1));
  return n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`;
}

/** Counts only, per quarter: no Kundennummer leaves this function. */
export interface QuarterCounts {
  readonly quarter: QuarterKey;
  readonly handedOver: number;
  /** Active at the quarter's end (for the current quarter: today). */
  readonly active: number;
  /** Returned after activation and the joint talk, or an Einzelauftrag done. */
  readonly returned: number;
  readonly extended: number;
  readonly endedEarly: number;
  /** Results during the phase: first contact made (and the return explained). */
  readonly firstContacts: number;
  /** Results after the phase: returned customers with a contact recorded after the return. */
  readonly contactAfterReturn: number;
  /** Mean duration of care of the cases closed in the quarter, in days (none closed: null). */
  readonly meanDaysOfCare: number | null;
}

const berlinDay = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(iso));

/**
 * seed 001 "Nachhaltung": an evaluation of the duration of care, the case numbers and the results during and after
 * the activation phase, as the basis for deciding whether the procedure stays. Per quarter, the last `quarters` up
 * to today's; `contactDates` are each customer's recorded contact days (Kundennummer → dates), used only to count.
 */
export function evaluateU25(cases: readonly U25OutreachCase[], contactDates: ReadonlyMap<string, readonly LocalDate[]>, today: LocalDate, quarters = 4): QuarterCounts[] {
  const keys: QuarterKey[] = [quarterOf(today)];
  while (keys.length < quarters) keys.unshift(previousQuarter(keys[0]!));
  return keys.map((quarter) => {
    const { first, last } = quarterBounds(quarter);
    const end = last < today ? last : today;
    const inQ = (d: LocalDate | undefined) => d !== undefined && d >= first && d <= last;
    const closedOn = (c: U25OutreachCase) => (c.closed ? berlinDay(c.closed.at) : undefined);
    const closedInQ = cases.filter((c) => inQ(closedOn(c)));
    const durations = closedInQ.map((c) => differenceInCalendarDays(new Date(`${closedOn(c)}T12:00:00Z`), new Date(`${c.phaseStart}T12:00:00Z`)));
    return {
      quarter,
      handedOver: cases.filter((c) => inQ(c.phaseStart)).length,
      active: cases.filter((c) => c.phaseStart <= end && (closedOn(c) === undefined || closedOn(c)! > end)).length,
      returned: closedInQ.filter((c) => c.closed!.result !== 'vorzeitig').length,
      extended: cases.filter((c) => c.extensions.some((e) => inQ(berlinDay(e.at)))).length,
      endedEarly: closedInQ.filter((c) => c.closed!.result === 'vorzeitig').length,
      firstContacts: cases.filter((c) => inQ(c.firstContact?.on)).length,
      contactAfterReturn: closedInQ.filter((c) => c.closed!.result !== 'vorzeitig' && (contactDates.get(c.kdnr) ?? []).some((d) => d > closedOn(c)!)).length,
      meanDaysOfCare: durations.length ? Math.round(durations.reduce((a, b) => a + b, 0) / durations.length) : null
    };
  });
}
