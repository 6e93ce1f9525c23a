import { z } from 'zod';
import { recordFirstTalk, recordNoShow } from '../../../app/first-talk.js';
import { routeNewcomerCustomer } from '../../../app/route-newcomer.js';
import { finishWalkIn, takeNextWalkIn, todaysQueue } from '../../../app/walk-in-queue.js';
import { FIRST_TALK_ITEMS, MEASURE_KINDS, type MeasureInput } from '../../../domain/first-talk.js';
import type { Task } from '../../../domain/task.js';
import { caseRefPayload, isoDate, kdnrPayload, toggle } from '../../card-payloads.js';
import { dateDe } from '../../format.js';
import { TASK_TITLE } from '../../texts.js';
import { withEntered } from '../../form-input.js';
import { defineAction, type Turn } from '../../turn.js';
import { staffName } from '../../view-context.js';
import { firstTalkFormCard, newcomerFormCard, newcomerRouteCard, walkInQueueCard } from './views.js';

const dayPayload = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const staffIdPayload = z.union([z.literal(''), z.string().max(64)]).optional().transform((v) => v ?? '');

const routePayload = kdnrPayload.extend({
  firstApplication: z.enum(['ja', 'nein']),
  benefitsEndedOn: isoDate,
  age: z.coerce.number().int().min(0).max(120),
  completedTraining: toggle,
  yearsOfExperience: z.union([z.literal(''), z.coerce.number().min(0).max(80)]).default(0).transform((v) => (v === '' ? 0 : v)),
  speaksGerman: toggle,
  placementOfficerAssigned: toggle,
  reha: toggle,
  profile: z.enum(['keine', 'I', 'Z']).default('keine'),
  alg1EndsOn: isoDate,
  onlyForSperrzeit: toggle,
  selfEmployedOrEmployed: toggle,
  district: z.string().min(1).max(40),
  householdMember: toggle
});

const firstTalkPayload = caseRefPayload.extend({
  ...Object.fromEntries(FIRST_TALK_ITEMS.map((item) => [item, toggle])),
  measure: z.enum([...MEASURE_KINDS, 'keine']),
  start: isoDate,
  reason: z.string().max(2000).optional(),
  ammPotential: toggle,
  ifkId: staffIdPayload
});

const noShowPayload = caseRefPayload.extend({ ifkId: staffIdPayload });

const tasksText = (turn: Turn, tasks: readonly Task[]) =>
  tasks
    .map((t) => `${TASK_TITLE[t.kind]} → ${t.assigneeIds.map((id) => staffName(turn.view, id)).join(', ')}${t.dueFrom && t.dueTo ? ` (fällig ${dateDe(t.dueFrom)} bis ${dateDe(t.dueTo)})` : ''}`)
    .join('; ');

/** After a refused click the queue card shows the sentence, on the queue as it is now. */
async function queueWithError(turn: Turn, error: string) {
  const q = await todaysQueue(turn.deps, turn.actorId);
  return q.ok ? walkInQueueCard(turn.view, q.queue, turn.actorId, { text: error, isError: true }) : error;
}

export const SOFORTVERMITTLUNG_ACTIONS = [
  defineAction('neukunde.weiterleiten', routePayload, async (turn, data) => {
    const { kdnr, district, householdMember, firstApplication, profile, ...answers } = data;
    const r = await routeNewcomerCustomer(turn.deps, turn.actorId, {
      kdnr,
      district,
      householdMember,
      answers: { ...answers, firstApplicationHere: firstApplication === 'ja', profile: profile === 'keine' ? null : profile }
    });
    if (r.ok) return newcomerRouteCard(turn.view, r);
    return r.reason === 'rolle-fehlt' || r.reason === 'unbekannte-person' ? turn.no(r) : withEntered(newcomerFormCard(turn.view, kdnr, { error: turn.no(r) }), data);
  }),

  defineAction('warteschlange.naechster', dayPayload, async (turn, data) => {
    const r = await takeNextWalkIn(turn.deps, turn.actorId, data.date);
    if (!r.ok) return queueWithError(turn, turn.no(r));
    const notice = `${staffName(turn.view, turn.actorId)} berät jetzt Nr. ${r.entry.number}. Erstgespräch erfassen: /erstgespraech ${r.entry.kdnr}`;
    return walkInQueueCard(turn.view, r.queue, turn.actorId, { text: notice, isError: false });
  }),

  defineAction('warteschlange.beendet', dayPayload.extend({ number: z.coerce.number().int().min(1).max(1000) }), async (turn, data) => {
    const r = await finishWalkIn(turn.deps, turn.actorId, data.date, data.number);
    if (!r.ok) return queueWithError(turn, turn.no(r));
    return walkInQueueCard(turn.view, r.queue, turn.actorId, { text: `Beratung Nr. ${r.entry.number} beendet.`, isError: false });
  }),

  defineAction('erstgespraech.absenden', firstTalkPayload, async (turn, data) => {
    const items = FIRST_TALK_ITEMS.filter((item) => (data as Record<string, unknown>)[item] === true);
    const measure: MeasureInput = data.measure === 'keine' ? { kind: 'keine', reason: data.reason } : { kind: data.measure, start: data.start };
    const r = await recordFirstTalk(turn.deps, turn.actorId, { caseId: data.caseId, version: data.version, ifkId: data.ifkId, items, measure, ammPotential: data.ammPotential });
    if (r.ok) return firstTalkFormCard(turn.view, turn.deps.calendar, { newcomer: r.newcomer }, { done: `Erstgespräch gespeichert. Der Kunde ist ${staffName(turn.view, data.ifkId)} zugewiesen. Aufgaben: ${tasksText(turn, r.tasks)}.` });
    const current = await turn.deps.store.getNewcomerCase(data.caseId);
    return current && current.route === 'sofortvermittlung' && r.reason !== 'rolle-fehlt' ? withEntered(firstTalkFormCard(turn.view, turn.deps.calendar, { newcomer: current }, { error: turn.no(r) }), data) : turn.no(r);
  }),

  defineAction('erstgespraech.nicht-erschienen', noShowPayload, async (turn, data) => {
    const r = await recordNoShow(turn.deps, turn.actorId, data);
    if (r.ok) return firstTalkFormCard(turn.view, turn.deps.calendar, { newcomer: r.newcomer }, { done: `Nichterscheinen erfasst. Aufgaben: ${tasksText(turn, [r.task])}.` });
    const current = await turn.deps.store.getNewcomerCase(data.caseId);
    return current && current.route === 'sofortvermittlung' && r.reason !== 'rolle-fehlt' ? withEntered(firstTalkFormCard(turn.view, turn.deps.calendar, { newcomer: current }, { error: turn.no(r) }), data) : turn.no(r);
  })
];
