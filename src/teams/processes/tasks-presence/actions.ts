import { z } from 'zod';
import { completeTask } from '../../../app/complete-task.js';
import { myTasks } from '../../../app/my-tasks.js';
import { taskListView } from '../../../app/task-list-view.js';
import { taskView } from '../../../app/task-view.js';
import { taskIdPayload, taskRefPayload } from '../../card-payloads.js';
import { taskCard } from '../../task-card.js';
import { REFUSAL } from '../../refusal-catalogue.js';
import { defineAction } from '../../turn.js';
import { taskListCard } from './views.js';

const completeTaskPayload = taskRefPayload.extend({ from: z.enum(['liste']).optional() });

export const TASKS_PRESENCE_ACTIONS = [
  defineAction('aufgabe.anzeigen', taskIdPayload, async (turn, data) => {
    const r = await myTasks(turn.deps, turn.actorId);
    if (!r.ok) return turn.no(r);
    const task = r.tasks.find((t) => t.id === data.taskId);
    return task ? taskCard(turn.view, await taskView(turn.deps, task), turn.actorId).json : REFUSAL['aufgabe-unbekannt'];
  }),

  defineAction('aufgabe.erledigen', completeTaskPayload, async (turn, data) => {
    const r = await completeTask(turn.deps, turn.actorId, data.taskId, data.version);
    if (!r.ok) return turn.no(r);
    if (data.from === 'liste') {
      const open = await myTasks(turn.deps, turn.actorId);
      return taskListCard(turn.view, await taskListView(turn.deps, open.ok ? open.tasks : []), 'Erledigt. Die übrigen offenen Aufgaben:');
    }
    return taskCard(turn.view, await taskView(turn.deps, r.task)).json;
  })
];
