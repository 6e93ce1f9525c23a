import { customerNumberPattern } from '../config/policy.js';
import { authorize } from '../domain/authorization.js';
import { atBerlin, berlinDate } from '../domain/berlin-time.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import { decideMeasure, followUpWindow, missingItems, type FirstTalkItem, type MeasureInput } from '../domain/first-talk.js';
import { ammForDistrict, mayBeFutureIfk } from '../domain/newcomer-assignees.js';
import { awaitsFirstTalk, type NewcomerCase } from '../domain/newcomer-case.js';
import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';

export interface FirstTalkPreview {
  readonly ok: true;
  readonly newcomer: NewcomerCase;
  /** The customer's HB if the bot knows one: the form proposes them as the future IFK. */
  readonly proposedIfk?: StaffId;
}

/** `/erstgespraech <Kdnr>`: the customer's open first talk in the Sofortvermittlung. */
export function firstTalkFor(deps: Deps, actorId: StaffId, rawKdnr: string): Promise<FirstTalkPreview | Refused> {
  return audited(deps, actorId, 'erstgespraech.lesen', async (audit): Promise<FirstTalkPreview | Refused> => {
    const who = actorFor(deps, actorId, 'erstgespraech.erfassen');
    const kdnr = parseCustomerNumber(rawKdnr, customerNumberPattern(deps.policy));
    if (!who.ok) return who;
    if (!kdnr.ok) return refused('kdnr-format');
    audit.concerns(kdnr.value);
    const newcomer = (await deps.store.newcomerCasesOfCustomer(kdnr.value)).filter(awaitsFirstTalk).sort((a, b) => b.routedAt.localeCompare(a.routedAt))[0];
    if (!newcomer) return refused('kein-erstgespraech-offen');
    const decision = authorize(deps.directory, who.actor, 'erstgespraech.erfassen', { newcomer });
    if (!decision.ok) return refused(decision.reason);
    const hb = (await deps.store.getCustomer(kdnr.value))?.hbId;
    return { ok: true, newcomer, proposedIfk: hb && mayBeFutureIfk(deps.directory, hb) ? hb : undefined };
  });
}

export interface FirstTalkInput {
  readonly caseId: string;
  readonly version: number;
  readonly ifkId: StaffId;
  readonly items: readonly FirstTalkItem[];
  readonly measure: MeasureInput;
  readonly ammPotential: boolean;
}

/** The case as the form sent it: current, still open, and the sender a Sofortvermittler. */
async function openCase(deps: Deps, audit: Decision, actorId: StaffId, caseId: string, version: number): Promise<{ ok: true; newcomer: NewcomerCase } | Refused> {
  const who = actorFor(deps, actorId, 'erstgespraech.erfassen');
  if (!who.ok) return who;
  const newcomer = await deps.store.getNewcomerCase(caseId);
  audit.concerns(newcomer?.kdnr);
  const decision = authorize(deps.directory, who.actor, 'erstgespraech.erfassen', { newcomer });
  if (!decision.ok) return refused(decision.reason);
  if (!awaitsFirstTalk(newcomer!)) return refused('erstgespraech-bereits-erfasst');
  if (newcomer!.version !== version) return refused('veraltet');
  return { ok: true, newcomer: newcomer! };
}

/**
 * seed 004 Aufgaben der Sofortvermittlung and "Nach erfolgtem Erstgespräch": the minimum contents of Anlage 2 are
 * covered, the measure is assigned to a fixed day (or none, with the reason); the future IFK gets the follow-up task
 * dated 2–4 weeks after the measure ends, or "keine Maßnahmenzuweisung"; AMM potential found in the talk goes to the
 * district's AMM. The customer is assigned to the future IFK, never to the Sofortvermittler.
 */
async function recordTalk(deps: Deps, audit: Decision, actorId: StaffId, input: FirstTalkInput): Promise<{ ok: true; newcomer: NewcomerCase; tasks: Task[] } | Refused> {
  const open = await openCase(deps, audit, actorId, input.caseId, input.version);
  if (!open.ok) return open;
  if (!mayBeFutureIfk(deps.directory, input.ifkId)) return refused('keine-kuenftige-ifk');
  const missing = missingItems(input.items);
  if (missing.length) return refused('checkliste-unvollstaendig', { missingItems: missing });
  const now = deps.clock.now();
  const rule = deps.policy.sofortvermittlung;
  const measure = decideMeasure(input.measure, berlinDate(now), deps.calendar, rule.measures, rule.reasonMaxLength);
  if (!measure.ok) return refused(measure.reason);

  const { newcomer } = open;
  const m = measure.measure;
  const window = m.kind === 'keine' ? undefined : followUpWindow(m.end, rule.followUpWeeks);
  const tasks: Task[] = [
    window
      ? newTask(deps, 'neukunde-folgeeinladung', newcomer.kdnr, newcomer.id, [input.ifkId], { dueFrom: window.from, dueTo: window.to })
      : newTask(deps, 'neukunde-keine-massnahme', newcomer.kdnr, newcomer.id, [input.ifkId])
  ];
  if (input.ammPotential) tasks.push(newTask(deps, 'neukunde-amm', newcomer.kdnr, newcomer.id, ammForDistrict(deps.directory, newcomer.district)));
  const talked: NewcomerCase = {
    ...newcomer,
    ifkId: input.ifkId,
    firstTalk: { recordedBy: actorId, recordedAt: now.toISOString(), items: [...input.items], measure: m, ammPotential: input.ammPotential },
    version: newcomer.version + 1
  };
  const notifications = tasks.flatMap((t) => notifyAssignees(t, 'follow-up-task', 'neu', deps.newId, now));
  const committed = await audit.commit({ newcomerCases: [talked], tasks, notifications });
  return committed.ok ? { ok: true, newcomer: talked, tasks } : refused('erstgespraech-bereits-erfasst');
}

export function recordFirstTalk(deps: Deps, actorId: StaffId, input: FirstTalkInput): Promise<{ ok: true; newcomer: NewcomerCase; tasks: Task[] } | Refused> {
  return audited(deps, actorId, 'erstgespraech.erfassen', (audit) => recordTalk(deps, audit, actorId, input));
}

/**
 * seed 004 Mit Termin: a household member over 25 who does not come to the appointment → an unscheduled task to the
 * responsible IFK, who invites them again within the minimum standards.
 */
async function noShow(deps: Deps, audit: Decision, actorId: StaffId, input: { caseId: string; version: number; ifkId: StaffId }): Promise<{ ok: true; newcomer: NewcomerCase; task: Task } | Refused> {
  const open = await openCase(deps, audit, actorId, input.caseId, input.version);
  if (!open.ok) return open;
  const { newcomer } = open;
  if (!newcomer.householdMember || newcomer.access?.kind !== 'termin') return refused('nur-bg-mitglied');
  const now = deps.clock.now();
  if (now < atBerlin(newcomer.access.date, newcomer.access.from)) return refused('termin-noch-nicht-begonnen');
  if (!mayBeFutureIfk(deps.directory, input.ifkId)) return refused('keine-kuenftige-ifk');
  const task = newTask(deps, 'bg-folgeeinladung', newcomer.kdnr, newcomer.id, [input.ifkId]);
  const missed: NewcomerCase = { ...newcomer, ifkId: input.ifkId, noShow: { recordedBy: actorId, recordedAt: now.toISOString() }, version: newcomer.version + 1 };
  const committed = await audit.commit({ newcomerCases: [missed], tasks: [task], notifications: notifyAssignees(task, 'follow-up-task', 'neu', deps.newId, now) });
  return committed.ok ? { ok: true, newcomer: missed, task } : refused('erstgespraech-bereits-erfasst');
}

export function recordNoShow(deps: Deps, actorId: StaffId, input: { caseId: string; version: number; ifkId: StaffId }): Promise<{ ok: true; newcomer: NewcomerCase; task: Task } | Refused> {
  return audited(deps, actorId, 'erstgespraech.nicht-erschienen', (audit) => noShow(deps, audit, actorId, input));
}
