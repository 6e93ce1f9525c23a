import type { CustomerGroup } from '../domain/customer.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import type { NewcomerCase } from '../domain/newcomer-case.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import type { U25OutreachCase } from '../domain/u25-case.js';
import type { Task } from '../domain/task.js';
import type { VoluntaryOutreachCase } from '../domain/voluntary-case.js';
import type { Deps } from './deps.js';
import { quotaStatusOf, type QuotaStatus } from './intensive.js';

const MISSED_APPOINTMENT_TASKS: readonly Task['kind'][] = ['meldeversaeumnis-ab', 'rueckruf', 'folgetermin-hb', 'termin-beim-hb-buchen', 'aufhebung-zahlungseinstellung', 'zahlungseinstellung-hb'];
const NEWCOMER_TASKS: readonly Task['kind'][] = ['neukunde-amm', 'neukunde-folgeeinladung', 'neukunde-keine-massnahme', 'bg-folgeeinladung'];

/** Everything a task's card shows, by the process the task belongs to. */
export type TaskView =
  | { readonly kind: 'outreach'; readonly task: Task; readonly outreach: OutreachCase; readonly group?: CustomerGroup }
  | { readonly kind: 'attendance'; readonly task: Task; readonly outreach?: OutreachCase; readonly paymentStopRecorded: boolean }
  | { readonly kind: 'missed-appointment'; readonly task: Task; readonly missed: MissedAppointmentCase }
  | { readonly kind: 'intensive'; readonly task: Task; readonly quotaAfter: QuotaStatus }
  | { readonly kind: 'u25'; readonly task: Task; readonly outreach: U25OutreachCase }
  | { readonly kind: 'newcomer'; readonly task: Task; readonly newcomer: NewcomerCase }
  | { readonly kind: 'voluntary'; readonly task: Task; readonly outreach: VoluntaryOutreachCase };

/** The records a task's card needs, read as they are now (a card is rendered when it is sent or asked for). */
export async function taskView(deps: Deps, task: Task): Promise<TaskView> {
  if (MISSED_APPOINTMENT_TASKS.includes(task.kind)) {
    const missed = await deps.store.getMissedCase(task.caseId);
    if (!missed) throw new Error(`case ${task.caseId} of task ${task.id} missing`);
    return { kind: 'missed-appointment', task, missed };
  }
  if (NEWCOMER_TASKS.includes(task.kind)) {
    const newcomer = await deps.store.getNewcomerCase(task.caseId);
    if (!newcomer) throw new Error(`case ${task.caseId} of task ${task.id} missing`);
    return { kind: 'newcomer', task, newcomer };
  }
  if (task.kind === 'intensiv-aufnehmen' || task.kind === 'intensiv-beenden') {
    const change = task.status === 'offen' ? (task.kind === 'intensiv-aufnehmen' ? 1 : -1) : 0;
    return { kind: 'intensive', task, quotaAfter: await quotaStatusOf(deps, task.onBehalfOf ?? '', change) };
  }
  if (task.kind.startsWith('freiwillig-')) {
    const outreach = await deps.store.getVoluntaryCase(task.caseId);
    if (!outreach) throw new Error(`case ${task.caseId} of task ${task.id} missing`);
    return { kind: 'voluntary', task, outreach };
  }
  if (task.kind.startsWith('u25-')) {
    const outreach = await deps.store.getU25Case(task.caseId);
    if (!outreach) throw new Error(`case ${task.caseId} of task ${task.id} missing`);
    return { kind: 'u25', task, outreach };
  }
  if (task.kind === 'erschienen-pruefen') {
    const outreach = await deps.store.getCase(task.caseId);
    const stop = outreach?.attendance?.answer === 'nein' ? await deps.store.getPaymentStop(task.kdnr) : undefined;
    return { kind: 'attendance', task, outreach, paymentStopRecorded: stop?.recordedAt !== undefined };
  }
  const outreach = await deps.store.getCase(task.caseId);
  if (!outreach) throw new Error(`case ${task.caseId} of task ${task.id} missing`);
  const group = task.kind === 'ab-besuch' ? (await deps.store.getCustomer(task.kdnr))?.group : undefined;
  return { kind: 'outreach', task, outreach, group };
}
