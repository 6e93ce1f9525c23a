import type { Task } from '../domain/task.js';
import type { CardName, Notification } from '../ports.js';

/** One notification per assignee of a task; the key makes a retried use case harmless. */
export function notifyAssignees(task: Task, card: CardName, event: string, newId: () => string, now: Date): Notification[] {
  return task.assigneeIds.map((staffId) => ({
    id: newId(),
    key: `${task.id}:${event}:${staffId}`,
    recipient: { kind: 'staff', staffId },
    card,
    taskId: task.id,
    createdAt: now.toISOString()
  }));
}
