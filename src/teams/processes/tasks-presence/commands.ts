import { myTasks } from '../../../app/my-tasks.js';
import { setAbsent, setPresent } from '../../../app/presence.js';
import { taskListView } from '../../../app/task-list-view.js';
import type { LocalDate } from '../../../domain/berlin-time.js';
import { bare, parsed, untilDate } from '../../command-args.js';
import { weekdayDateDe } from '../../format.js';
import { TEXT } from '../../texts.js';
import { defineCommand } from '../../turn.js';
import { taskListCard } from './views.js';

/** One's open tasks, and absence with the Vertretungsregelung (seed 000 §3). */
export const TASKS_PRESENCE_COMMANDS = [
  defineCommand({
    name: 'aufgaben',
    usageKey: 'aufgaben',
    words: ['aufgaben'],
    usage: { syntax: '/aufgaben', text: 'Ihre offenen Aufgaben' },
    action: 'aufgaben.lesen',
    parse: bare('aufgaben'),
    handle: async (turn) => {
      const r = await myTasks(turn.deps, turn.actorId);
      if (!r.ok) return turn.no(r);
      return r.tasks.length ? taskListCard(turn.view, await taskListView(turn.deps, r.tasks)) : TEXT.noTasks;
    }
  }),
  defineCommand<{ name: 'abwesend'; until: LocalDate }>({
    name: 'abwesend',
    usageKey: 'abwesend',
    words: ['abwesend'],
    usage: { syntax: '/abwesend bis TT.MM.JJJJ', text: 'abwesend bis einschließlich diesem Tag: neue Aufgaben für Sie erhält Ihre Vertretung, tägliche Erinnerungen ruhen' },
    action: 'abwesenheit',
    parse: ({ list }) => {
      const until = untilDate(list);
      return until.ok ? parsed({ name: 'abwesend', until: until.date }) : until;
    },
    handle: async (turn, { until }) => {
      const r = await setAbsent(turn.deps, turn.actorId, until);
      return r.ok ? TEXT.absent(weekdayDateDe(r.until)) : turn.no(r);
    }
  }),
  defineCommand({
    name: 'anwesend',
    usageKey: 'anwesend',
    words: ['anwesend'],
    usage: { syntax: '/anwesend', text: 'wieder da; zeigt, was Ihre Vertretung für Sie erhalten hat' },
    action: 'abwesenheit',
    parse: bare('anwesend'),
    handle: async (turn) => {
      const r = await setPresent(turn.deps, turn.actorId);
      if (!r.ok) return turn.no(r);
      if (!r.routedWhileAway.length) return TEXT.present;
      return [TEXT.presentWithTasks(r.routedWhileAway.length), taskListCard(turn.view, await taskListView(turn.deps, r.routedWhileAway))];
    }
  })
];
