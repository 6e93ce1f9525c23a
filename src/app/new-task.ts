import type { Task, TaskKind } from '../domain/task.js';
import type { Deps } from './deps.js';

/** A fresh open task (version 1). */
export function newTask(deps: Deps, kind: TaskKind, kdnr: string, caseId: string, assigneeIds: readonly string[], extra: Partial<Task> = {}): Task {
  return { id: deps.newId(), kind, kdnr, caseId, assigneeIds, createdAt: deps.clock.now().toISOString(), status: 'offen', version: 1, ...extra };
}
