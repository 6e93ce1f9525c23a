import { authorize } from '../domain/authorization.js';
import type { Customer } from '../domain/customer.js';
import { intensiveQuota, quotaState, type QuotaState } from '../domain/intensive-quota.js';
import { findStaff, hasRole, type StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { actorFor, customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';

export interface QuotaStatus {
  readonly count: number;
  readonly quota: number;
  readonly state: QuotaState;
}

/** seed 003: 3 intensive customers per full-time IFK, 2 per part-time IFK. */
export async function quotaStatusOf(deps: Deps, ifkId: StaffId, change = 0): Promise<QuotaStatus> {
  const ifk = findStaff(deps.directory, ifkId);
  const quota = ifk ? intensiveQuota(ifk, deps.policy.contactDensity.intensiveQuota) : 0;
  const count = (await deps.store.customersOfHb(ifkId)).filter((c) => c.intensive).length + change;
  return { count, quota, state: quotaState(count, quota) };
}

const isIntensiveRequest = (t: Task) => t.kind === 'intensiv-aufnehmen' || t.kind === 'intensiv-beenden';

/**
 * `/intensiv <Kdnr>`: the HB asks to add the customer to intensive care, or to end it; the team lead decides
 * (seed 003: "mit der Teamleitung abgestimmt"). The IFK learns the quota it would lead to.
 */
export function requestIntensive(deps: Deps, actorId: StaffId, kdnr: string): Promise<{ ok: true; customer: Customer; add: boolean; after: QuotaStatus } | Refused> {
  return audited(deps, actorId, 'intensiv.anfragen', (decision) => request(deps, decision, actorId, kdnr));
}

async function request(deps: Deps, decision: Decision, actorId: StaffId, kdnr: string): Promise<{ ok: true; customer: Customer; add: boolean; after: QuotaStatus } | Refused> {
  const access = await customerFor(deps, decision, actorId, kdnr, 'intensiv.anfragen');
  if (!access.ok) return access;
  const { customer } = access;
  if ((await deps.store.tasksOfCustomer(customer.kdnr)).some((t) => isIntensiveRequest(t) && t.status === 'offen')) return refused('intensiv-angefragt');
  const hb = findStaff(deps.directory, customer.hbId);
  const leads = deps.directory.staff.filter((s) => s.team === hb?.team && hasRole(s, 'TL')).map((s) => s.id);
  const add = !customer.intensive;
  const task = newTask(deps, add ? 'intensiv-aufnehmen' : 'intensiv-beenden', customer.kdnr, `intensiv:${customer.kdnr}`, leads.length ? leads : [customer.hbId], { onBehalfOf: actorId });
  const committed = await decision.commit({ tasks: [task], notifications: notifyAssignees(task, 'follow-up-task', 'neu', deps.newId, deps.clock.now()) });
  // The store keeps one open request per customer (invariants.ts): a colleague's request at the same moment won.
  if (!committed.ok) return refused('intensiv-angefragt');
  return { ok: true, customer, add, after: await quotaStatusOf(deps, customer.hbId, add ? 1 : -1) };
}

/** The TL confirms or declines: the customer's new state and the closed request are one commit. */
async function decide(deps: Deps, decision: Decision, actorId: StaffId, taskId: string, version: number, approve: boolean): Promise<{ ok: true; task: Task; customer: Customer; approved: boolean } | Refused> {
  const who = actorFor(deps, actorId, 'intensiv.entscheiden');
  if (!who.ok) return who;
  const task = await deps.store.getTask(taskId);
  if (!task || !isIntensiveRequest(task)) return refused('aufgabe-unbekannt');
  decision.concerns(task.kdnr);
  const auth = authorize(deps.directory, who.actor, 'aufgabe.erledigen', { task });
  if (!auth.ok) return refused(auth.reason);
  if (task.status === 'erledigt') return refused('aufgabe-erledigt');
  if (task.version !== version) return refused('veraltet');
  let customer = await deps.store.getCustomer(task.kdnr);
  if (!customer) return refused('kunde-unbekannt');
  const target = task.kind === 'intensiv-aufnehmen';
  const changed = approve && customer.intensive !== target;
  if (changed) customer = { ...customer, intensive: target, version: customer.version + 1 };
  const done: Task = { ...task, status: 'erledigt', completedBy: actorId, completedAt: deps.clock.now().toISOString(), version: task.version + 1 };
  const committed = await decision.commit({ customers: changed ? [customer] : [], tasks: [done] });
  if (committed.ok) return { ok: true, task: done, customer, approved: approve };
  // Two clicks on the same request: the second finds it decided.
  return refused((await deps.store.getTask(taskId))?.status === 'erledigt' ? 'aufgabe-erledigt' : 'veraltet');
}

export function decideIntensive(deps: Deps, actorId: StaffId, taskId: string, version: number, approve: boolean): Promise<{ ok: true; task: Task; customer: Customer; approved: boolean } | Refused> {
  return audited(deps, actorId, 'intensiv.entscheiden', (decision) => decide(deps, decision, actorId, taskId, version, approve));
}
