import { abStatus, mayDeclareDayState, type AbStatus } from '../domain/ab-availability.js';
import { availabilityRule } from '../config/policy.js';
import { berlinDate, type LocalDate } from '../domain/berlin-time.js';
import { hasRole, staffWithRole, type StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { actorFor } from './access.js';
import { audited } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';
import { dueContactsReminder } from './scheduled-notices.js';

/** `/abwesend bis TT.MM.JJJJ` (and `/ab abwesend bis …`): absent through that day; tasks go to the substitutes meanwhile. */
export function setAbsent(deps: Deps, actorId: StaffId, until: LocalDate): Promise<{ ok: true; until: LocalDate } | Refused> {
  return audited(deps, actorId, 'abwesenheit', async (audit): Promise<{ ok: true; until: LocalDate } | Refused> => {
    const who = actorFor(deps, actorId, 'abwesenheit');
    if (!who.ok) return who;
    const now = deps.clock.now();
    if (until < berlinDate(now)) return refused('datum-vergangen');
    await audit.apply(() => deps.store.saveAbsence(actorId, { staffId: actorId, until, setAt: now.toISOString() }));
    return { ok: true, until };
  });
}

/**
 * `/anwesend`: back; the tasks that substitutes received on one's behalf are shown. On a working day an IFK (or an aB-pAp,
 * for the customers handed over) also gets the one reminder of contacts that fell due while away (the daily job skipped
 * them; its key keeps it to one a day).
 */
export function setPresent(deps: Deps, actorId: StaffId): Promise<{ ok: true; routedWhileAway: Task[] } | Refused> {
  return audited(deps, actorId, 'anwesenheit', async (audit): Promise<{ ok: true; routedWhileAway: Task[] } | Refused> => {
    const who = actorFor(deps, actorId, 'abwesenheit');
    if (!who.ok) return who;
    await audit.apply(() => deps.store.saveAbsence(actorId, undefined));
    const now = deps.clock.now();
    if ((hasRole(who.actor, 'IFK') || hasRole(who.actor, 'ABU25')) && deps.calendar.isWorkingDay(berlinDate(now))) {
      const reminder = await dueContactsReminder(deps, actorId, now);
      if (reminder) await audit.commit({ notifications: [reminder] });
    }
    const open = await deps.store.openTasksOf(actorId);
    return { ok: true, routedWhileAway: open.filter((t) => t.onBehalfOf === actorId) };
  });
}

/** `/ab verfuegbar` and `/ab unterwegs`: for today; tomorrow the policy's default times apply again. */
export function setAbDayState(deps: Deps, actorId: StaffId, state: 'verfuegbar' | 'unterwegs'): Promise<{ ok: true } | Refused> {
  return audited(deps, actorId, 'ab.status', async (audit): Promise<{ ok: true } | Refused> => {
    const who = actorFor(deps, actorId, 'ab.status');
    if (!who.ok) return who;
    const today = berlinDate(deps.clock.now());
    const allowed = mayDeclareDayState(today, deps.calendar);
    if (!allowed.ok) return refused(allowed.reason);
    await audit.apply(() => deps.store.saveAbDayState({ staffId: actorId, state, date: today }));
    return { ok: true };
  });
}

/** Every AB's status now, for `/ab status` and for the Meldeversäumnis decision. */
export async function abStatuses(deps: Deps): Promise<Array<{ staffId: StaffId; status: AbStatus }>> {
  const [absences, dayStates] = [await deps.store.absences(), await deps.store.abDayStates()];
  const now = deps.clock.now();
  return staffWithRole(deps.directory, 'AB').map((s) => ({ staffId: s.id, status: abStatus(s.id, now, availabilityRule(deps.policy), deps.calendar, absences, dayStates) }));
}
