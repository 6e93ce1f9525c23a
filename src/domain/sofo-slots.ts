import { atBerlin, shiftDate, type LocalDate, type LocalTime } from './berlin-time.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';
import type { WorkingCalendar } from './working-days.js';

/** One booked appointment with a Sofortvermittler (seed 004 Mit Termin); its id makes a double booking impossible. */
export interface SofoSlot {
  /** `date|from|officerId`: the store refuses a second record with the same id. */
  readonly id: string;
  readonly officerId: StaffId;
  readonly date: LocalDate;
  readonly from: LocalTime;
  readonly to: LocalTime;
  readonly kdnr: CustomerNumber;
  readonly caseId: string;
  readonly bookedBy: StaffId;
  readonly bookedAt: string;
  readonly version: number;
}

export interface SlotWindow {
  readonly from: LocalTime;
  readonly to: LocalTime;
  readonly count: number;
}

export interface SlotRule {
  readonly afternoon: SlotWindow;
  readonly morning: SlotWindow;
  readonly searchWorkingDays: number;
}

export interface FreeSlot {
  readonly id: string;
  readonly officerId: StaffId;
  readonly date: LocalDate;
  readonly from: LocalTime;
  readonly to: LocalTime;
}

const minutes = (t: LocalTime) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number): LocalTime => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const slotId = (date: LocalDate, from: LocalTime, officerId: StaffId) => `${date}|${from}|${officerId}`;

/** A window split evenly: 13:30–15:45 in 3 slots is 13:30, 14:15, 15:00 (45 minutes each). */
export function slotTimes(window: SlotWindow): Array<{ from: LocalTime; to: LocalTime }> {
  if (window.count === 0) return [];
  const length = Math.floor((minutes(window.to) - minutes(window.from)) / window.count);
  return Array.from({ length: window.count }, (_, i) => ({ from: clock(minutes(window.from) + i * length), to: clock(minutes(window.from) + (i + 1) * length) }));
}

/**
 * seed 004 Mit Termin: per officer and working day 3 afternoon slots (13:30–15:45) and 1 morning slot (8:00–9:00);
 * the next free one, "zum nächstmöglichen freien Zeitpunkt": today's slots that have not begun (so today's afternoon
 * first), then the following working days, earliest first; at the same time the officers in directory order.
 * An absent officer offers no slots that day.
 */
export function nextFreeSlot(
  now: Date,
  today: LocalDate,
  officers: readonly StaffId[],
  taken: ReadonlySet<string>,
  isAbsent: (officerId: StaffId, date: LocalDate) => boolean,
  calendar: WorkingCalendar,
  rule: SlotRule
): FreeSlot | undefined {
  const times = [...slotTimes(rule.morning), ...slotTimes(rule.afternoon)].sort((a, b) => a.from.localeCompare(b.from));
  let date = today;
  for (let workingDays = 0; workingDays < rule.searchWorkingDays; date = shiftDate(date, 1)) {
    if (!calendar.isWorkingDay(date)) continue;
    workingDays++;
    for (const t of times) {
      if (atBerlin(date, t.from).getTime() <= now.getTime()) continue;
      for (const officerId of officers) {
        const id = slotId(date, t.from, officerId);
        if (!taken.has(id) && !isAbsent(officerId, date)) return { id, officerId, date, ...t };
      }
    }
  }
  return undefined;
}
