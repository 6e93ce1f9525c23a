import { berlinMinutesOfDay, type LocalDate, type LocalTime } from './berlin-time.js';
import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';

/**
 * seed 004 Ohne Termin: the day's walk-in queue of the Sofortvermittlung, numbered 1–10, served in order. A customer
 * leaves the queue when the talk is over ("nach der Beratung ist der Kunde aus BEO zu löschen"): only counts remain.
 */
export interface WalkInEntry {
  readonly number: number;
  readonly kdnr: CustomerNumber;
  readonly caseId: string;
  readonly status: 'wartend' | 'in-bearbeitung';
  readonly officerId?: StaffId;
}

export interface WalkInQueue {
  /** The Berlin date; one queue per day. */
  readonly date: LocalDate;
  readonly entries: readonly WalkInEntry[];
  /** Numbers handed out today (the next one is issued + 1). */
  readonly issued: number;
  /** Talks finished today. */
  readonly served: number;
  readonly version: number;
}

export interface WalkInRule {
  readonly places: number;
  readonly from: LocalTime;
  readonly lastStart: LocalTime;
  readonly talkMinutes: number;
}

export const emptyQueue = (date: LocalDate): WalkInQueue => ({ date, entries: [], issued: 0, served: 0, version: 0 });

const minutes = (t: LocalTime) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number): LocalTime => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export type Admission = { ok: true; queue: WalkInQueue; number: number; expectedStart: LocalTime } | { ok: false; reason: 'voll' | 'zu-spaet' };

/**
 * seed 004 Ohne Termin: 10 places between 9:00 and 11:45, 45 minutes per talk. A walk-in gets the next number if a
 * place is left and the officers can start the talk by 11:45: everyone already waiting or in a talk is ahead, and the
 * officers take them in parallel. Otherwise the Eingangszone gives an appointment (Mit Termin).
 */
export function admitWalkIn(queue: WalkInQueue, entry: Omit<WalkInEntry, 'number' | 'status'>, now: Date, officers: number, rule: WalkInRule): Admission {
  // seed 004: "10 Termine am Vormittag"
  if (queue.issued >= rule.places) return { ok: false, reason: 'voll' };
  const rounds = Math.floor(queue.entries.length / Math.max(1, officers));
  const expected = Math.max(berlinMinutesOfDay(now), minutes(rule.from)) + rounds * rule.talkMinutes;
  // seed 004: "Zeitkorridor von 9.00 – 11.45 Uhr"
  if (expected > minutes(rule.lastStart)) return { ok: false, reason: 'zu-spaet' };
  const number = queue.issued + 1;
  return {
    ok: true,
    number,
    expectedStart: clock(expected),
    queue: { ...queue, entries: [...queue.entries, { ...entry, number, status: 'wartend' }], issued: number, version: queue.version + 1 }
  };
}

export type QueueStep = { ok: true; queue: WalkInQueue; entry: WalkInEntry } | { ok: false; reason: 'niemand-wartet' | 'bereits-in-beratung' | 'nummer-unbekannt' | 'nicht-ihre-beratung' };

/** seed 004: "in chronologischer Reihenfolge": "Nächster Kunde" takes the lowest waiting number; one talk at a time. */
export function takeNext(queue: WalkInQueue, officerId: StaffId): QueueStep {
  if (queue.entries.some((e) => e.status === 'in-bearbeitung' && e.officerId === officerId)) return { ok: false, reason: 'bereits-in-beratung' };
  const waiting = queue.entries.filter((e) => e.status === 'wartend').sort((a, b) => a.number - b.number)[0];
  if (!waiting) return { ok: false, reason: 'niemand-wartet' };
  const entry: WalkInEntry = { ...waiting, status: 'in-bearbeitung', officerId };
  return { ok: true, entry, queue: { ...queue, entries: queue.entries.map((e) => (e.number === entry.number ? entry : e)), version: queue.version + 1 } };
}

/** seed 004: "Nach der Beratung ist der Kunde aus BEO zu löschen": the entry goes, only the count stays. */
export function finishTalk(queue: WalkInQueue, number: number, officerId: StaffId): QueueStep {
  const entry = queue.entries.find((e) => e.number === number);
  if (!entry) return { ok: false, reason: 'nummer-unbekannt' };
  if (entry.status !== 'in-bearbeitung' || entry.officerId !== officerId) return { ok: false, reason: 'nicht-ihre-beratung' };
  return { ok: true, entry, queue: { ...queue, entries: queue.entries.filter((e) => e.number !== number), served: queue.served + 1, version: queue.version + 1 } };
}

/**
 * seed 004: the queue serves one day; "nach der Beratung ist der Kunde aus BEO zu löschen". Entries a past day left
 * behind (a customer who went home, a talk nobody closed) go as well: only the day's counts stay.
 */
export function withoutLeftovers(queue: WalkInQueue): WalkInQueue {
  return { ...queue, entries: [], version: queue.version + 1 };
}
