import { atBerlin, mondayOf, nextWeek, weekKey, type CalendarWeek } from '../domain/berlin-time.js';
import { staffWithRole } from '../domain/staff.js';
import type { QuotaState } from '../domain/intensive-quota.js';
import { countsByApproach } from '../domain/anonymous-consultation.js';
import { talkTookPlace, type VoluntaryApproach } from '../domain/voluntary-case.js';
import { actorFor } from './access.js';
import type { Deps } from './deps.js';
import { lastWeek } from './last-week.js';
import { overdueCountsOfTeam } from './due-contacts.js';
import { quotaStatusOf } from './intensive.js';
import type { Refused } from './outcome.js';
import { sofortvermittlungCounts, todayCounts, type SofortvermittlungCounts } from './sofortvermittlung-counts.js';

/** What a team channel reads on Monday: counts and display names of staff only, never a Kundennummer. */
export interface Digest {
  readonly teamId: string;
  readonly week: CalendarWeek;
  readonly flags: number;
  readonly visitsMet: number;
  readonly visitsNotMet: number;
  readonly callbacksBooked: number;
  readonly callbacksClaimed: number;
  readonly callbacksEscalated: number;
  readonly overdueByIfk: ReadonlyArray<{ staffId: string; overdue: number }>;
  readonly intensiveByIfk: ReadonlyArray<{ staffId: string; count: number; quota: number; state: QuotaState }>;
  /** Only for the team of the Sofortvermittler (seed 004): the week's and today's counts. */
  readonly sofortvermittlung?: { readonly week: SofortvermittlungCounts; readonly today: SofortvermittlungCounts };
  /** seed 002, where the Jobcenter offers voluntary approaches: per approach, the talks held and the anonymous consultations. */
  readonly voluntary?: ReadonlyArray<{ readonly approach: VoluntaryApproach; readonly held: number; readonly anonymous: number }>;
}

export async function weeklyDigest(deps: Deps, teamId: string, week: CalendarWeek): Promise<Digest> {
  const from = atBerlin(mondayOf(week), '00:00').toISOString();
  const to = atBerlin(mondayOf(nextWeek(week)), '00:00').toISOString();
  const within = (iso?: string) => iso !== undefined && iso >= from && iso < to;
  const members = new Set(deps.directory.staff.filter((s) => s.team === teamId).map((s) => s.id));
  const cases = await deps.store.casesOfHbs([...members]);
  const callbacks = await deps.store.callbacksOfTeam(teamId, from, to);
  const ifks = staffWithRole(deps.directory, 'IFK').filter((s) => s.team === teamId);
  const intensiveByIfk = [];
  for (const ifk of ifks) intensiveByIfk.push({ staffId: ifk.id, ...(await quotaStatusOf(deps, ifk.id)) });
  return {
    teamId,
    week,
    flags: cases.filter((c) => within(c.flaggedAt)).length,
    visitsMet: cases.filter((c) => within(c.visit?.recordedAt) && c.visit?.outcome === 'angetroffen').length,
    visitsNotMet: cases.filter((c) => within(c.visit?.recordedAt) && c.visit?.outcome === 'nicht-angetroffen').length,
    callbacksBooked: callbacks.length,
    callbacksClaimed: callbacks.filter((c) => c.claimedAt).length,
    callbacksEscalated: callbacks.filter((c) => c.escalatedAt).length,
    overdueByIfk: await overdueCountsOfTeam(deps, teamId),
    intensiveByIfk,
    ...(staffWithRole(deps.directory, 'SOFO').some((s) => s.team === teamId)
      ? { sofortvermittlung: { week: await sofortvermittlungCounts(deps, mondayOf(week), mondayOf(nextWeek(week))), today: await todayCounts(deps) } }
      : {}),
    ...(await voluntaryCounts(deps, teamId, week, members, within))
  };
}

/** seed 002 §6: anonymous consultations only as counts; the talks held by the team's members, per approach. */
async function voluntaryCounts(deps: Deps, teamId: string, week: CalendarWeek, members: ReadonlySet<string>, within: (iso?: string) => boolean): Promise<Pick<Digest, 'voluntary'>> {
  const offered = deps.policy.voluntaryOutreach.approaches;
  if (!offered.length) return {};
  const anonymous = countsByApproach((await deps.store.anonymousConsultations(weekKey(week))).filter((a) => a.team === teamId), offered);
  const held = (await deps.store.allVoluntaryCases()).filter((c) => c.result && members.has(c.result.recordedBy) && within(c.result.recordedAt) && talkTookPlace(c.result.outcome));
  return { voluntary: offered.map((approach) => ({ approach, held: held.filter((c) => c.approach === approach).length, anonymous: anonymous[approach] })) };
}

/** `/digest`: the TL's preview of last week's digest for the own team. */
export async function digestPreview(deps: Deps, actorId: string): Promise<({ ok: true } & Digest) | Refused> {
  const who = actorFor(deps, actorId, 'digest.lesen');
  if (!who.ok) return who;
  return { ok: true, ...(await weeklyDigest(deps, who.actor.team, lastWeek(deps.clock.now()))) };
}
