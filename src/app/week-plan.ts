import { flagDeadlineRule } from '../config/policy.js';
import { targetWeekForFlag } from '../domain/ab-deadline.js';
import { berlinDate, calendarWeekOf, weekKey, type CalendarWeek } from '../domain/berlin-time.js';
import type { CustomerGroup } from '../domain/customer.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import type { StaffId } from '../domain/staff.js';
import { actorFor } from './access.js';
import type { Deps } from './deps.js';
import type { Refused } from './outcome.js';

export interface DistrictPlan {
  readonly districtId: string;
  readonly districtName: string;
  /** Is this one of the asking AB's own districts? Those come first. */
  readonly own: boolean;
  readonly cases: readonly OutreachCase[];
}

export interface WeekPlan {
  readonly ok: true;
  readonly week: CalendarWeek;
  /**
   * Without a week asked for, the flags already made for the coming weeks are shown too, up to the week a flag made
   * now would land in: on a Friday that is the week after next (they come in while this week is visited).
   */
  readonly aheadUntil?: CalendarWeek;
  readonly districts: readonly DistrictPlan[];
  /** The group of each planned customer, by Kundennummer (the plan shows it per row). */
  readonly groups: ReadonlyMap<string, CustomerGroup>;
}

/** seed 000 §2: AB plans its route by the districts of the Landkreis; open flags of earlier weeks stay on the plan. */
export async function weekPlan(deps: Deps, actorId: StaffId, week?: CalendarWeek): Promise<WeekPlan | Refused> {
  const who = actorFor(deps, actorId, 'ab-plan.lesen');
  if (!who.ok) return who;
  const now = deps.clock.now();
  const target = week ?? calendarWeekOf(berlinDate(now));
  const aheadUntil = week ? undefined : targetWeekForFlag(now, flagDeadlineRule(deps.policy), deps.calendar).week;
  // Open flags up to the last week (earlier ones stay on the plan until visited), and those visited this week.
  const found = [...(await deps.store.casesForWeek(weekKey(target))), ...(aheadUntil ? await deps.store.casesForWeek(weekKey(aheadUntil)) : [])];
  // A withdrawn flag is no visit to plan.
  const cases = [...new Map(found.filter((c) => c.status !== 'zurueckgenommen').map((c) => [c.id, c])).values()];
  const districts = deps.policy.districts
    .map((d) => ({
      districtId: d.id,
      districtName: d.name,
      own: who.actor.districts.includes(d.id),
      cases: cases.filter((c) => c.district === d.id).sort((a, b) => a.targetWeek.localeCompare(b.targetWeek) || a.flaggedAt.localeCompare(b.flaggedAt))
    }))
    .filter((d) => d.cases.length > 0)
    .sort((a, b) => Number(b.own) - Number(a.own));
  const groups = new Map((await deps.store.customersByNumbers(cases.map((c) => c.kdnr))).map((c) => [c.kdnr, c.group]));
  await deps.audit.record({ actor: actorId, action: 'ab-plan.lesen', outcome: 'ok', count: cases.length });
  return { ok: true, week: target, aheadUntil, districts, groups };
}
