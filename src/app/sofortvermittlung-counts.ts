import { atBerlin, berlinDate, shiftDate, type LocalDate } from '../domain/berlin-time.js';
import type { MeasureKind } from '../domain/first-talk.js';
import type { RouteReason } from '../domain/newcomer-routing.js';
import type { Deps } from './deps.js';

/** The team lead's view of the Sofortvermittlung (issue 15): counts only, never a Kundennummer. */
export interface SofortvermittlungCounts {
  /** Walk-in numbers handed out. */
  readonly walkIns: number;
  /** Walk-in talks finished ("Beratung beendet"). */
  readonly served: number;
  /** Appointments given (Mit Termin). */
  readonly appointments: number;
  readonly measures: Record<MeasureKind | 'keine', number>;
  /** New customers the Eingangszone sent elsewhere, by reason. */
  readonly elsewhere: Partial<Record<RouteReason, number>>;
}

/** Counts for the Berlin days from `from` up to (not including) `to`. */
export async function sofortvermittlungCounts(deps: Deps, from: LocalDate, to: LocalDate): Promise<SofortvermittlungCounts> {
  const start = atBerlin(from, '00:00').toISOString();
  const end = atBerlin(to, '00:00').toISOString();
  const within = (iso?: string) => iso !== undefined && iso >= start && iso < end;
  const queues = await deps.store.walkInQueuesBetween(from, to);
  const cases = await deps.store.allNewcomerCases();
  const measures: Record<MeasureKind | 'keine', number> = { orientierungscenter: 0, 'sk-check': 0, keine: 0 };
  for (const c of cases) if (c.firstTalk && within(c.firstTalk.recordedAt)) measures[c.firstTalk.measure.kind]++;
  const elsewhere: Partial<Record<RouteReason, number>> = {};
  for (const c of cases) if (c.route !== 'sofortvermittlung' && within(c.routedAt)) elsewhere[c.reason] = (elsewhere[c.reason] ?? 0) + 1;
  return {
    walkIns: queues.reduce((n, q) => n + q.issued, 0),
    served: queues.reduce((n, q) => n + q.served, 0),
    appointments: cases.filter((c) => c.access?.kind === 'termin' && within(c.routedAt)).length,
    measures,
    elsewhere
  };
}

/** Today so far, for the same digest. */
export function todayCounts(deps: Deps): Promise<SofortvermittlungCounts> {
  const today = berlinDate(deps.clock.now());
  return sofortvermittlungCounts(deps, today, shiftDate(today, 1));
}
