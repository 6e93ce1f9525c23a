import { berlinDate, calendarWeekOf, weekKey } from '../domain/berlin-time.js';
import { countsByApproach, mayBeAnonymous } from '../domain/anonymous-consultation.js';
import type { StaffId } from '../domain/staff.js';
import type { VoluntaryApproach } from '../domain/voluntary-case.js';
import { actorFor } from './access.js';
import { audited } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/**
 * `/anonym <approach>` (seed 002 §6): an anonymous consultation adds one to this week's count of the approach — no
 * Kundennummer, no content. Returns the team's counts of the week after the addition.
 */
export function countAnonymous(deps: Deps, actorId: StaffId, approach: VoluntaryApproach): Promise<{ ok: true; week: string; counts: Record<VoluntaryApproach, number> } | Refused> {
  return audited(deps, actorId, 'anonym.zaehlen', async (audit) => {
    const who = actorFor(deps, actorId, 'anonym.zaehlen');
    if (!who.ok) return who;
    const offered = deps.policy.voluntaryOutreach.approaches;
    if (!offered.includes(approach)) return refused('ansatz-nicht-angeboten');
    // seed 002 §6: "In einigen Gesprächsformaten kann eine Vorsprache anonym erfolgen" — not at the customer's home.
    if (!mayBeAnonymous(approach)) return refused('hausbesuch-nicht-anonym');
    const week = weekKey(calendarWeekOf(berlinDate(deps.clock.now())));
    const committed = await audit.commit({ anonymousConsultations: [{ id: deps.newId(), approach, team: who.actor.team, week, version: 1 }] });
    if (!committed.ok) return refused('veraltet');
    const ofTeam = (await deps.store.anonymousConsultations(week)).filter((a) => a.team === who.actor.team);
    return { ok: true, week, counts: countsByApproach(ofTeam, offered.filter(mayBeAnonymous)) };
  });
}
