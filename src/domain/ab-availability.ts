import { berlinDate, berlinMinutesOfDay, isoWeekday, type LocalTime } from './berlin-time.js';
import { isAbsent, type Absence, type AbDayState } from './presence.js';
import type { StaffId } from './staff.js';
import type { WorkingCalendar } from './working-days.js';

export interface FieldTime {
  /** ISO weekday, 1 = Monday. */
  readonly weekday: number;
  readonly from: LocalTime;
  readonly to: LocalTime;
}

export interface AvailabilityRule {
  readonly officeStart: LocalTime;
  readonly endOfService: (date: string) => LocalTime;
  /** Default times AB is out visiting customers (policy); an explicit `/ab verfuegbar` for the day overrides them. */
  readonly fieldTimes: readonly FieldTime[];
}

export type AbStatus = 'verfuegbar' | 'unterwegs' | 'abwesend' | 'ausser-dienst';

const minutes = (t: LocalTime) => {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * seed 000 §3: is this AB able to take a Meldeversäumnis talk in the Eingangszone right now?
 * Order of precedence: outside service hours → absent → what the AB said today → the policy's field times.
 */
export function abStatus(staffId: StaffId, now: Date, rule: AvailabilityRule, calendar: WorkingCalendar, absences: readonly Absence[], dayStates: readonly AbDayState[]): AbStatus {
  const today = berlinDate(now);
  const minute = berlinMinutesOfDay(now);
  if (!calendar.isWorkingDay(today) || minute < minutes(rule.officeStart) || minute >= minutes(rule.endOfService(today))) return 'ausser-dienst';
  if (isAbsent(absences, staffId, today)) return 'abwesend';
  const said = dayStates.find((s) => s.staffId === staffId && s.date === today);
  if (said) return said.state;
  const weekday = isoWeekday(today);
  const inField = rule.fieldTimes.some((f) => f.weekday === weekday && minute >= minutes(f.from) && minute < minutes(f.to));
  return inField ? 'unterwegs' : 'verfuegbar';
}

/** seed 000 §3: AB say for a service day whether they can be called to the Eingangszone; a day without service has none. */
export function mayDeclareDayState(today: string, calendar: WorkingCalendar): { ok: true } | { ok: false; reason: 'kein-arbeitstag' } {
  return calendar.isWorkingDay(today) ? { ok: true } : { ok: false, reason: 'kein-arbeitstag' };
}
