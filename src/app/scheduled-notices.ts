import { flagDeadlineRule } from '../config/policy.js';
import { flagDeadlineIn } from '../domain/ab-deadline.js';
import { berlinDate, calendarWeekOf, weekKey } from '../domain/berlin-time.js';
import { receivesReminders } from '../domain/presence.js';
import { staffWithRole, type StaffId } from '../domain/staff.js';
import type { CommitResult, Notification } from '../ports.js';
import type { Deps } from './deps.js';
import { dueListFor } from './due-contacts.js';
import { lastWeek } from './last-week.js';

/** Notification-only commits cannot conflict (no versions); what counts is how many were new. */
const queuedBy = (result: CommitResult): number => (result.ok ? result.queued : 0);

/**
 * The jobs' use cases: each writes its notifications with an idempotency key of the day, so a rerun sends nothing twice.
 * Each returns how many notifications it newly queued (a rerun: 0).
 */

/**
 * Today's card of due and overdue contacts for one IFK, or nothing when nothing is due. One key per person and day:
 * the daily job and a return from absence on the same day send it once.
 */
export async function dueContactsReminder(deps: Deps, ifkId: StaffId, now: Date): Promise<Notification | undefined> {
  const today = berlinDate(now);
  const list = await dueListFor(deps, ifkId);
  if (list.overdue.length + list.dueSoon.length === 0) return undefined;
  return {
    id: deps.newId(),
    key: `due-contacts:${ifkId}:${today}`,
    recipient: { kind: 'staff', staffId: ifkId },
    card: 'due-contacts',
    subject: { kind: 'due-contacts', staffId: ifkId, date: today },
    createdAt: now.toISOString()
  };
}

/**
 * Daily: to each IFK with something due or overdue, one card (seed 003); nothing to an IFK with nothing due or away.
 * The aB-pAp gets the card for the customers handed over to them for the activation phase (seed 001).
 */
export async function remindDueContacts(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const absences = await deps.store.absences();
  const notifications: Notification[] = [];
  for (const ifk of [...staffWithRole(deps.directory, 'IFK'), ...staffWithRole(deps.directory, 'ABU25')]) {
    if (!receivesReminders(absences, ifk.id, berlinDate(now))) continue;
    const reminder = await dueContactsReminder(deps, ifk.id, now);
    if (reminder) notifications.push(reminder);
  }
  return queuedBy(await deps.store.commit({ notifications }));
}

/**
 * On the flag deadline day (Thursday, or the working day before a Thursday holiday), in the morning, to every IFK:
 * "Vormerkungen für die AB bis heute Dienstschluss" (seed 000 §2). On any other day it does nothing.
 */
export async function remindFlagDeadline(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = berlinDate(now);
  if (berlinDate(flagDeadlineIn(calendarWeekOf(today), flagDeadlineRule(deps.policy), deps.calendar)) !== today) return 0;
  const absences = await deps.store.absences();
  const present = staffWithRole(deps.directory, 'IFK').filter((ifk) => receivesReminders(absences, ifk.id, today));
  const notifications: Notification[] = present.map((ifk) => ({
    id: deps.newId(),
    key: `flag-reminder:${ifk.id}:${today}`,
    recipient: { kind: 'staff', staffId: ifk.id },
    card: 'flag-reminder',
    subject: { kind: 'flag-reminder', date: today },
    createdAt: now.toISOString()
  }));
  return queuedBy(await deps.store.commit({ notifications }));
}

/** Monday morning: last week's digest into every team channel that is registered. */
export async function sendWeeklyDigests(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const week = weekKey(lastWeek(now));
  const notifications: Notification[] = [];
  for (const team of deps.directory.teams) {
    const channel = await deps.store.getTeamChannel(team.id);
    if (!channel) continue;
    notifications.push({
      id: deps.newId(),
      key: `digest:${team.id}:${week}`,
      recipient: { kind: 'channel', channelId: channel.channelId },
      card: 'digest',
      subject: { kind: 'digest', teamId: team.id, week },
      createdAt: now.toISOString()
    });
  }
  return queuedBy(await deps.store.commit({ notifications }));
}
