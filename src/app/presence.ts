import { abStatus, type AbStatus } from '../domain/ab-availability.js';
import { availabilityRule } from '../config/policy.js';
import { berlinDate, type LocalDate } from '../domain/berlin-time.js';
import { staffWithRole, type StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { actorFor } from './access.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/** `/abwesend bis TT.MM.JJJJ` (and `/ab abwesend bis …`): absent through that day; tasks go to the substitutes meanwhile. */
export async function setAbsent(deps: Deps, actorId: StaffId, until: LocalDate): Promise<{ ok: true; until: LocalDate } | Refused> {
  const who = actorFor(deps, actorId, 'abwesenheit');
  if (!who.ok) return who;
  const now = deps.clock.now();
  if (until < berlinDate(now)) return refused('datum-vergangen');
  await deps.store.saveAbsence(actorId, { staffId: actorId, until, setAt: now.toISOString() });
  return { ok: true, until };
}

/** `/anwesend`: back; the tasks that substitutes received on one's behalf are shown. */
export async function setPresent(deps: Deps, actorId: StaffId): Promise<{ ok: true; routedWhileAway: Task[] } | Refused> {
  const who = actorFor(deps, actorId, 'abwesenheit');
  if (!who.ok) return who;
  await deps.store.saveAbsence(actorId, undefined);
  const open = await deps.store.openTasksOf(actorId);
  return { ok: true, routedWhileAway: open.filter((t) => t.onBehalfOf === actorId) };
}

/** `/ab verfuegbar` and `/ab unterwegs`: for today; tomorrow the policy's default times apply again. */
export async function setAbDayState(deps: Deps, actorId: StaffId, state: 'verfuegbar' | 'unterwegs'): Promise<{ ok: true } | Refused> {
  const who = actorFor(deps, actorId, 'ab.status');
  if (!who.ok) return who;
  await deps.store.saveAbDayState({ staffId: actorId, state, date: berlinDate(deps.clock.now()) });
  return { ok: true };
}

/** Every AB's status now, for `/ab status` and for the Meldeversäumnis decision. */
export async function abStatuses(deps: Deps): Promise<Array<{ staffId: StaffId; status: AbStatus }>> {
  const [absences, dayStates] = [await deps.store.absences(), await deps.store.abDayStates()];
  const now = deps.clock.now();
  return staffWithRole(deps.directory, 'AB').map((s) => ({ staffId: s.id, status: abStatus(s.id, now, availabilityRule(deps.policy), deps.calendar, absences, dayStates) }));
}
