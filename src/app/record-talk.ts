import { berlinDate } from '../domain/berlin-time.js';
import { followUpRule } from '../config/policy.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import { customerNumberPattern } from '../config/policy.js';
import type { MissedAppointmentCase, PaymentStop } from '../domain/missed-appointment.js';
import type { StaffId } from '../domain/staff.js';
import { benefitsDepartment } from '../domain/task-routing.js';
import { decideTalkResult, type TalkInput } from '../domain/talk-result.js';
import type { Task } from '../domain/task.js';
import type { Notification } from '../ports.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import { commitCountingContact } from './count-as-contact.js';
import type { Deps } from './deps.js';
import { hbRouting } from './hb-routing.js';
import { newTask } from './new-task.js';
import { notifyAssignees, notifyStaff } from './notify.js';
import { refused, type Refused } from './outcome.js';

export type TalkRef = { readonly caseId: string; readonly version: number } | { readonly kdnr: string };

/** The claimed talk or callback the actor is to record, from a card (id + version) or a typed Kundennummer. */
async function claimedCase(deps: Deps, audit: Decision, actorId: StaffId, ref: TalkRef): Promise<{ ok: true; missed: MissedAppointmentCase } | Refused> {
  const who = actorFor(deps, actorId, 'gespraech.erfassen');
  if (!who.ok) return who;
  if ('caseId' in ref) {
    const missed = await deps.store.getMissedCase(ref.caseId);
    if (!missed) return refused('kein-offenes-gespraech');
    audit.concerns(missed.kdnr);
    // Only the one who claimed the talk or callback sees its form and records it.
    if (missed.claimedBy !== actorId) return refused('nicht-ihr-gespraech');
    if (missed.version !== ref.version && missed.status !== 'erledigt') return refused('veraltet');
    return { ok: true, missed };
  }
  const kdnr = parseCustomerNumber(ref.kdnr, customerNumberPattern(deps.policy));
  if (!kdnr.ok) return refused('kdnr-format');
  audit.concerns(kdnr.value);
  const missed = (await deps.store.missedCasesOfCustomer(kdnr.value)).find((c) => c.status === 'uebernommen' && c.claimedBy === actorId);
  return missed ? { ok: true, missed } : refused('kein-offenes-gespraech');
}

/**
 * seed 000 §3, after the talk: the Verbis note; after an AB talk the 1-hour follow-up with the HB (to the substitute
 * when the HB is absent); after a callback the IFK books the personal appointment with the HB. A provisional payment
 * stop on record is lifted: a task to the Leistungsabteilung (note per E-Akte) and one to the HB.
 */
async function record(deps: Deps, audit: Decision, actorId: StaffId, ref: TalkRef, input: TalkInput): Promise<{ ok: true; missed: MissedAppointmentCase; tasks: Task[] } | Refused> {
  const found = await claimedCase(deps, audit, actorId, ref);
  if (!found.ok) return found;
  const now = deps.clock.now();
  const talk = decideTalkResult(found.missed, input, actorId, now, followUpRule(deps.policy), deps.calendar);
  if (!talk.ok) return refused(talk.reason);

  const missed: MissedAppointmentCase = { ...found.missed, status: 'erledigt', talk: talk.result, version: found.missed.version + 1 };
  const claimed = (await deps.store.tasksOfCustomer(missed.kdnr)).filter((t) => t.caseId === missed.id && t.status === 'offen');
  const closed: Task[] = claimed.map((t) => ({ ...t, status: 'erledigt', completedBy: actorId, completedAt: now.toISOString(), version: t.version + 1 }));

  const created: Task[] = [];
  const notifications: Notification[] = [];
  const toHb = async (kind: Task['kind']) => {
    const routing = await hbRouting(deps, missed.hbId);
    const task = newTask(deps, kind, missed.kdnr, missed.id, routing.assignees, routing.via === 'hb' ? {} : { onBehalfOf: missed.hbId });
    created.push(task);
    notifications.push(...notifyStaff(task, routing.recipients, 'follow-up-task', 'neu', deps.newId, now));
  };

  if (missed.kind === 'ab-gespraech') await toHb('folgetermin-hb');
  else {
    const task = newTask(deps, 'termin-beim-hb-buchen', missed.kdnr, missed.id, [actorId]);
    created.push(task);
    notifications.push(...notifyAssignees(task, 'follow-up-task', 'neu', deps.newId, now));
  }

  const stop = await deps.store.getPaymentStop(missed.kdnr);
  const lifted: PaymentStop[] = [];
  if (stop && !stop.liftRequestedAt) {
    const task = newTask(deps, 'aufhebung-zahlungseinstellung', missed.kdnr, missed.id, benefitsDepartment(deps.directory, missed.hbId));
    created.push(task);
    notifications.push(...notifyAssignees(task, 'follow-up-task', 'neu', deps.newId, now));
    await toHb('zahlungseinstellung-hb');
    lifted.push({ ...stop, liftRequestedAt: now.toISOString(), version: stop.version + 1 });
  }

  // seed 003: the AB's talk in the Eingangszone is a personal contact, the callback one by phone.
  const contact = { kind: missed.kind === 'ab-gespraech' ? 'persoenlich' : 'telefonisch', date: berlinDate(now), recordedBy: actorId, recordedAt: now.toISOString() } as const;
  const committed = await commitCountingContact(deps, audit, missed.kdnr, contact, { missedCases: [missed], paymentStops: lifted, tasks: [...closed, ...created], notifications });
  if (!committed.ok) return refused('veraltet');
  return { ok: true, missed, tasks: created };
}

/** The claimed talk or callback the actor is to record (an audited read). */
export function claimedCaseFor(deps: Deps, actorId: StaffId, ref: TalkRef): Promise<{ ok: true; missed: MissedAppointmentCase } | Refused> {
  return audited(deps, actorId, 'fall.lesen', (audit) => claimedCase(deps, audit, actorId, ref));
}

export function recordTalk(deps: Deps, actorId: StaffId, ref: TalkRef, input: TalkInput): Promise<{ ok: true; missed: MissedAppointmentCase; tasks: Task[] } | Refused> {
  return audited(deps, actorId, 'gespraech.erfassen', (audit) => record(deps, audit, actorId, ref, input));
}
