import { berlinDate } from '../domain/berlin-time.js';
import { routeToHb, type Routing } from '../domain/substitution.js';
import type { StaffId } from '../domain/staff.js';
import type { Deps } from './deps.js';

/** Where a task for this HB goes today (Vertretungsregelung, seed 000 §3). */
export async function hbRouting(deps: Deps, hbId: StaffId): Promise<Routing> {
  return routeToHb(deps.directory, hbId, await deps.store.absences(), berlinDate(deps.clock.now()));
}
