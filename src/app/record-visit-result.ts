import { berlinDate } from '../domain/berlin-time.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import { customerNumberPattern } from '../config/policy.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import type { StaffId } from '../domain/staff.js';
import { benefitsDepartment } from '../domain/task-routing.js';
import type { Task, TaskKind } from '../domain/task.js';
import { decideVisitResult, type VisitResultInput } from '../domain/visit-result.js';
import type { Notification } from '../ports.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import { commitCountingContact } from './count-as-contact.js';
import type { Deps } from './deps.js';
import { hbRouting } from './hb-routing.js';
import { newTask as createTask } from './new-task.js';
import { notifyStaff, redrawSentCards } from './notify.js';
import { refused, type Refused } from './outcome.js';

/** A card names the case and the version it showed; a typed command names the customer. */
export type CaseRef = { readonly caseId: string; readonly version: number } | { readonly kdnr: string };

/** The open AB case a result or form refers to, for an AB. */
async function openCase(deps: Deps, audit: Decision, actorId: StaffId, ref: CaseRef): Promise<{ ok: true; outreach: OutreachCase } | Refused> {
  const who = actorFor(deps, actorId, 'ergebnis.erfassen');
  if (!who.ok) return who;
  if ('caseId' in ref) {
    const outreach = await deps.store.getCase(ref.caseId);
    if (!outreach) return refused('kein-offener-fall');
    audit.concerns(outreach.kdnr);
    if (outreach.status === 'zurueckgenommen') return refused('vormerkung-zurueckgenommen');
    if (outreach.status !== 'vorgemerkt') return refused('fall-bereits-erledigt');
    if (outreach.version !== ref.version) return refused('veraltet');
    return { ok: true, outreach };
  }
  const kdnr = parseCustomerNumber(ref.kdnr, customerNumberPattern(deps.policy));
  if (!kdnr.ok) return refused('kdnr-format');
  audit.concerns(kdnr.value);
  const cases = await deps.store.casesOfCustomer(kdnr.value);
  const outreach = cases.find((c) => c.status === 'vorgemerkt');
  return outreach ? { ok: true, outreach } : refused('kein-offener-fall');
}

/**
 * seed 000 §2: after the visit the AB writes the Verbis note and informs the HB by task; a complex case adds a
 * personal talk AB–HB; hints for the benefits department go to the Leistungsabteilung.
 */
async function record(
  deps: Deps,
  audit: Decision,
  actorId: StaffId,
  ref: CaseRef,
  input: VisitResultInput
): Promise<{ ok: true; outreach: OutreachCase; tasks: Task[] } | Refused> {
  const found = await openCase(deps, audit, actorId, ref);
  if (!found.ok) return found;
  const now = deps.clock.now();
  const visit = decideVisitResult(found.outreach, input, actorId, now);
  if (!visit.ok) return refused(visit.reason);

  const outreach: OutreachCase = { ...found.outreach, status: 'besucht', visit: visit.result, version: found.outreach.version + 1 };
  const visitTasks = (await deps.store.tasksOfCustomer(outreach.kdnr)).filter((t) => t.caseId === outreach.id && t.kind === 'ab-besuch' && t.status === 'offen');
  const closed: Task[] = visitTasks.map((t) => ({ ...t, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: t.version + 1 }));

  const newTask = (kind: TaskKind, assigneeIds: StaffId[], extra: Partial<Task> = {}): Task => createTask(deps, kind, outreach.kdnr, outreach.id, assigneeIds, extra);
  // The HB's tasks follow the Vertretungsregelung while the HB is absent (seed 000 §3).
  const routing = await hbRouting(deps, outreach.hbId);
  const onBehalf = routing.via === 'hb' ? {} : { onBehalfOf: outreach.hbId };
  const created: Task[] = [newTask('ab-ergebnis', [...routing.assignees], onBehalf)];
  if (input.complex) created.push(newTask('gespraech-ab-hb', [...routing.assignees, actorId], onBehalf));
  if (input.hintForBenefits) {
    created.push(newTask('hinweis-leistung', benefitsDepartment(deps.directory, outreach.hbId)));
  }
  // Only those who should act now are notified; the absent HB sees the tasks on return (/anwesend, /aufgaben).
  const reachNow = (t: Task) => t.assigneeIds.filter((id) => id !== outreach.hbId || routing.via === 'hb');
  const notifications: Notification[] = created.flatMap((t) => notifyStaff(t, reachNow(t), t.kind === 'ab-ergebnis' ? 'result-task' : 'follow-up-task', 'neu', deps.newId, now));

  // The AB task cards already sent lose their "Ergebnis erfassen" button.
  const redrawn = (await Promise.all(closed.map((t) => redrawSentCards(deps, t, 'erledigt', now)))).flat();
  // seed 003: meeting the customer at the door is a personal contact.
  const contact = visit.result.outcome === 'angetroffen' ? ({ kind: 'persoenlich', date: berlinDate(now), recordedBy: actorId, recordedAt: now.toISOString() } as const) : undefined;
  const committed = await commitCountingContact(deps, audit, outreach.kdnr, contact, { cases: [outreach], tasks: [...closed, ...created], notifications: [...notifications, ...redrawn] });
  if (!committed.ok) return refused('veraltet');
  return { ok: true, outreach, tasks: created };
}

/** The open AB case a result or form refers to, for an AB (an audited read). */
export function openCaseFor(deps: Deps, actorId: StaffId, ref: CaseRef): Promise<{ ok: true; outreach: OutreachCase } | Refused> {
  return audited(deps, actorId, 'fall.lesen', (audit) => openCase(deps, audit, actorId, ref));
}

export function recordVisitResult(deps: Deps, actorId: StaffId, ref: CaseRef, input: VisitResultInput): Promise<{ ok: true; outreach: OutreachCase; tasks: Task[] } | Refused> {
  return audited(deps, actorId, 'ergebnis.erfassen', (audit) => record(deps, audit, actorId, ref, input));
}
