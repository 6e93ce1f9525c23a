import { activationPhaseRule } from '../config/policy.js';
import { berlinDate } from '../domain/berlin-time.js';
import type { Customer } from '../domain/customer.js';
import { activationPhaseEnd } from '../domain/u25-activation-phase.js';
import type { U25OutreachCase } from '../domain/u25-case.js';
import { decideHandover, type HandoverRequest } from '../domain/u25-handover.js';
import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { hbRouting } from './hb-routing.js';
import { newTask } from './new-task.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { latestU25Case } from './u25-access.js';

export interface HandoverPreview {
  readonly ok: true;
  readonly customer: Customer;
  /** A running activation, if any (the form then only says so). */
  readonly openCase?: U25OutreachCase;
  /** Active cases per aB-pAp, so the pAp sees who has fewer. */
  readonly load: ReadonlyMap<StaffId, number>;
}

/** `/u25-uebergabe <Kdnr>`: what the handover card shows. Only the HB (pAp) of an under-25 customer. */
export function previewHandover(deps: Deps, actorId: StaffId, kdnr: string): Promise<HandoverPreview | Refused> {
  return audited(deps, actorId, 'u25.uebergabe.formular', (audit) => preview(deps, audit, actorId, kdnr));
}

async function preview(deps: Deps, audit: Decision, actorId: StaffId, kdnr: string): Promise<HandoverPreview | Refused> {
  const access = await customerFor(deps, audit, actorId, kdnr, 'u25.uebergeben');
  if (!access.ok) return access;
  if (access.customer.group !== 'u25') return refused('nicht-u25');
  const all = await deps.store.allU25Cases();
  const load = new Map<StaffId, number>();
  for (const c of all) if (c.status === 'aktiv') load.set(c.abPapId, (load.get(c.abPapId) ?? 0) + 1);
  const latest = latestU25Case(all.filter((c) => c.kdnr === access.customer.kdnr));
  return { ok: true, customer: access.customer, openCase: latest?.status === 'aktiv' ? latest : undefined, load };
}

/**
 * seed 001 "Überstellung": after the handover talk the pAp hands over by Fallübergabe (the customer moves to the virtual
 * worker VM-U25-aB, the aB-pAp becomes co-responsible) or Einzelauftrag (no move). The aB-pAp gets a task; the activation
 * phase starts today and ends by rule after maxActivationMonths.
 */
async function handOver(deps: Deps, audit: Decision, actorId: StaffId, kdnr: string, request: HandoverRequest): Promise<{ ok: true; outreach: U25OutreachCase; task: Task } | Refused> {
  const form = await preview(deps, audit, actorId, kdnr);
  if (!form.ok) return form;
  const all = await deps.store.allU25Cases();
  const decision = decideHandover(form.customer, form.openCase, request, deps.directory, all);
  if (!decision.ok) return refused(decision.reason);
  const now = deps.clock.now();
  const start = berlinDate(now);
  const outreach: U25OutreachCase = {
    id: deps.newId(),
    approach: 'u25-aktivierung',
    kdnr: form.customer.kdnr,
    hbId: form.customer.hbId,
    abPapId: decision.abPapId,
    form: decision.form,
    targetGroup: decision.targetGroup,
    handoverTalkHeld: true,
    ...(decision.form === 'falluebergabe' ? { virtualWorkerId: deps.policy.u25Outreach.virtualWorkerId } : {}),
    handedOverAt: now.toISOString(),
    phaseStart: start,
    phaseEnd: activationPhaseEnd(start, activationPhaseRule(deps.policy)),
    extensions: [],
    visits: [],
    missedAppointments: [],
    status: 'aktiv',
    version: 1
  };
  // seed 001 "Vertretung": while the aB-pAp is absent, the team's substitutes get the task (the existing substitution rule).
  const routing = await hbRouting(deps, outreach.abPapId);
  const task = newTask(deps, 'u25-uebernahme', outreach.kdnr, outreach.id, routing.assignees, routing.via === 'hb' ? {} : { onBehalfOf: outreach.abPapId });
  const committed = await audit.commit({ cases: [outreach], tasks: [task], notifications: notifyAssignees({ ...task, assigneeIds: routing.recipients }, 'u25-task', 'neu', deps.newId, now) });
  return committed.ok ? { ok: true, outreach, task } : refused('veraltet');
}

export function handOverToAbPap(deps: Deps, actorId: StaffId, kdnr: string, request: HandoverRequest): Promise<{ ok: true; outreach: U25OutreachCase; task: Task } | Refused> {
  return audited(deps, actorId, 'u25.uebergabe', (audit) => handOver(deps, audit, actorId, kdnr, request));
}
