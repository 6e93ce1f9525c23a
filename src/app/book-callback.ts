import { callbackRule } from '../config/policy.js';
import { bookCallback as bookSlot, type CallbackSlot } from '../domain/callback-booking.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import { isAbsent } from '../domain/presence.js';
import { findStaff, hasRole, type StaffId } from '../domain/staff.js';
import { customerFor } from './access.js';
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
export async function bookCallback(deps: Deps, actorId: StaffId, kdnr: string): Promise<CallbackBooked | Refused> {
  const access = await customerFor(deps, actorId, kdnr, 'rueckruf.buchen');
  if (!access.ok) return access;
  const { customer } = access;
  if (await openMissedCaseToday(deps, customer.kdnr)) return refused('bereits-gemeldet');

  const now = deps.clock.now();
  const slot = bookSlot(now, callbackRule(deps.policy), deps.calendar);
  const team = findStaff(deps.directory, customer.hbId)?.team ?? '';
  const absences = await deps.store.absences();
  const present = (role: 'IFK' | 'TL') => deps.directory.staff.filter((s) => s.team === team && hasRole(s, role) && !isAbsent(absences, s.id, slot.date)).map((s) => s.id);
  // Nobody of the team's IFKs present: the team lead takes it; failing that the HB, so that it is never dropped.
  const ifks = present('IFK');
  const members = ifks.length ? ifks : present('TL').length ? present('TL') : [customer.hbId];
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
  const committed = await deps.store.commitCases({ missedCases: [missed], tasks: [task], notifications });
  return committed.ok ? { ok: true, caseId: missed.id, kdnr: customer.kdnr, slot, team, viaChannel: channel !== undefined, recipients: members } : refused('veraltet');
}
