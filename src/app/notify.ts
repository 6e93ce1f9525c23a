import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import type { CardName, Notification } from '../ports.js';
import type { Deps } from './deps.js';

/** One notification per assignee of a task; the key makes a retried use case harmless. */
export function notifyAssignees(task: Task, card: CardName, event: string, newId: () => string, now: Date): Notification[] {
  return task.assigneeIds.map((staffId) => ({
    id: newId(),
    key: `${task.id}:${event}:${staffId}`,
    recipient: { kind: 'staff', staffId },
    card,
    subject: { kind: 'task', taskId: task.id },
    createdAt: now.toISOString()
  }));
}

/** One notification into a team's channel instead of to each person. */
export function notifyChannel(task: Task, channelId: string, card: CardName, event: string, newId: () => string, now: Date): Notification[] {
  return [{ id: newId(), key: `${task.id}:${event}:channel`, recipient: { kind: 'channel', channelId }, card, subject: { kind: 'task', taskId: task.id }, createdAt: now.toISOString() }];
}

/** To specific people (not necessarily the task's assignees): e.g. only those a routing reaches now. */
export function notifyStaff(task: Task, staffIds: readonly string[], card: CardName, event: string, newId: () => string, now: Date): Notification[] {
  return notifyAssignees({ ...task, assigneeIds: staffIds }, card, event, newId, now);
}

/**
 * Every card already sent for a task, redrawn in place with the task's new state (a done task's buttons disappear).
 * `except`: the person whose own card the answer to their click replaces anyway.
 */
export async function redrawSentCards(deps: Deps, task: Task, event: string, now: Date, except?: StaffId): Promise<Notification[]> {
  const sent = (await deps.store.notificationsOfTask(task.id)).filter((n) => !n.updateOf);
  return sent
    .filter((n) => !(except && n.recipient.kind === 'staff' && n.recipient.staffId === except))
    .map((n) => ({ id: deps.newId(), key: `${task.id}:${event}:${n.id}`, recipient: n.recipient, card: n.card, subject: { kind: 'task', taskId: task.id }, createdAt: now.toISOString(), updateOf: n.id }));
}
