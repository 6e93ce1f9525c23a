import { callbackRule } from '../config/policy.js';
import { bookCallback as bookSlot, type CallbackSlot } from '../domain/callback-booking.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import type { StaffId } from '../domain/staff.js';
import { callbackTakers, callbackTeamOf } from '../domain/task-routing.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { newTask } from './new-task.js';
import { notifyAssignees, notifyChannel } from './notify.js';
import { refused, type Refused } from './outcome.js';
import { openMissedCaseToday } from './report-missed-appointment.js';

export interface CallbackBooked {
  readonly ok: true;
  readonly caseId: string;
  readonly kdnr: string;
  readonly slot: CallbackSlot;
  readonly team: string;
  /** The team's channel got the card; otherwise each present team member did. */
  readonly viaChannel: boolean;
  readonly recipients: readonly StaffId[];
}

/**
 * seed 000 §3: with no AB available the EZ books a same-day callback in the customer's placement team (the HB's team).
 * The team's members who are present that day may take it; the first claim wins.
 */
export function bookCallback(deps: Deps, actorId: StaffId, kdnr: string): Promise<CallbackBooked | Refused> {
  return audited(deps, actorId, 'rueckruf.buchen', (audit) => book(deps, audit, actorId, kdnr));
}

async function book(deps: Deps, audit: Decision, actorId: StaffId, kdnr: string): Promise<CallbackBooked | Refused> {
  const access = await customerFor(deps, audit, actorId, kdnr, 'rueckruf.buchen');
  if (!access.ok) return access;
  const { customer } = access;
  if (await openMissedCaseToday(deps, customer.kdnr)) return refused('bereits-gemeldet');

  const now = deps.clock.now();
  const slot = bookSlot(now, callbackRule(deps.policy), deps.calendar);
  const team = callbackTeamOf(deps.directory, customer.hbId);
  const members = callbackTakers(deps.directory, team, customer.hbId, await deps.store.absences(), slot.date);
  const missed: MissedAppointmentCase = {
    id: deps.newId(),
    kind: 'rueckruf',
    kdnr: customer.kdnr,
    hbId: customer.hbId,
    team,
    reportedBy: actorId,
    reportedAt: now.toISOString(),
    slot,
    status: 'offen',
    version: 1
  };
  const task = newTask(deps, 'rueckruf', customer.kdnr, missed.id, members);
  const channel = await deps.store.getTeamChannel(team);
  const notifications = channel ? notifyChannel(task, channel.channelId, 'claim-task', 'neu', deps.newId, now) : notifyAssignees(task, 'claim-task', 'neu', deps.newId, now);
  const committed = await audit.commit({ missedCases: [missed], tasks: [task], notifications });
  return committed.ok ? { ok: true, caseId: missed.id, kdnr: customer.kdnr, slot, team, viaChannel: channel !== undefined, recipients: members } : refused('veraltet');
}
