import type { CustomerStatus } from '../../src/app/customer-status.js';
import type { FlagPreview } from '../../src/app/flag-customer.js';
import type { PrerequisiteCheck } from '../../src/domain/ab-prerequisites.js';
import type { Customer } from '../../src/domain/customer.js';
import type { OutreachCase } from '../../src/domain/outreach-case.js';
import { abPlanCard, customerStatusCard, flagFormCard, visitFormCard } from '../../src/teams/processes/ab-flagging/views.js';
import { taskListCard } from '../../src/teams/processes/tasks-presence/views.js';
import { taskCard } from '../../src/teams/task-card.js';
import { REFUSAL } from '../../src/teams/refusal-catalogue.js';
import { VISIT } from './voluntary.js';
import { ALL_MET, ANNA, attempt, customer, done, type Gallery, LEISTUNG, LONG_REASON, MURAT, task } from './fixtures.js';

const ITEMS = ['einladung-ohne-rfb', 'nicht-erschienen-ohne-rfb', 'einladung-mit-rfb', 'nicht-erschienen-mit-rfb', 'erster-anruf', 'zweiter-anruf'] as const;

/** The checklist of a customer whose attempts each meet one item, in order (as in the flag form and the status card). */
function allMet(c: Customer): PrerequisiteCheck {
  return { ok: true, checklist: ITEMS.map((item, i) => ({ item, status: 'erfuellt' as const, at: c.attempts[i]!.at })) };
}

const FIRST = customer('100A000001');
const SECOND_CALL_SAME_DAY = customer('100A000002', { attempts: [...ALL_MET.slice(0, 4), attempt('anruf', '2026-10-21T07:00:00.000Z'), attempt('anruf', '2026-10-21T13:00:00.000Z')] });
const U25_LONG_TERM = customer('100A000003', { group: 'u25', longTermUnemployed: true, district: 'ost', attempts: ALL_MET.slice(2) });
const NOTHING = customer('100A000007', { attempts: [], lastContactImported: null, registeredOn: '2026-11-17' });
const TARGET_48 = { week: { year: 2026, week: 48 }, deadline: new Date('2026-11-19T15:00:00.000Z'), late: false };
const NOTHING_CHECK: PrerequisiteCheck = { ok: false, checklist: ITEMS.map((item) => ({ item, status: 'fehlt' as const })) };

/** A flag of the week 48 with the longest reason, as the AB gets it. */
export const FLAGGED: OutreachCase = {
  id: 'case-ab-100A000001', approach: 'ab-besuch', kdnr: '100A000001', district: 'nord', hbId: ANNA, flaggedBy: ANNA, flaggedAt: '2026-11-17T09:00:00.000Z',
  targetWeek: '2026-W48', reason: LONG_REASON, invitationInMailbox: true, status: 'vorgemerkt', version: 1
};
/** The same case visited: met, every box ticked, an appointment agreed. */
export const VISITED: OutreachCase = {
  ...FLAGGED, status: 'besucht', version: 2,
  visit: { outcome: 'angetroffen', meetAndWalk: true, lowThresholdInfo: true, verbisNoteWritten: true, complex: true, hintForBenefits: true, appointmentDate: '2026-12-01', recordedBy: MURAT, recordedAt: '2026-11-24T07:00:00.000Z' }
};
const OTHER_DISTRICT: OutreachCase = { ...FLAGGED, id: 'case-ab-100A000003', kdnr: '100A000003', district: 'ost', reason: 'Reagiert nicht.' };

function preview(c: Customer, check: PrerequisiteCheck, extra: Partial<FlagPreview> = {}): FlagPreview {
  return { ok: true, customer: c, check, target: TARGET_48, casesForTarget: 0, ...extra };
}

/** Flagging for the AB (seed 003): the form in every state, the AB's task and plan, the visit form, the tasks it leaves. */
export function abFlaggingCards({ ctx, add }: Gallery): void {
  const nov17 = ctx('2026-11-17');
  const secondCallMissing: PrerequisiteCheck = { ok: false, checklist: [...allMet(SECOND_CALL_SAME_DAY).checklist.slice(0, 5), { item: 'zweiter-anruf', status: 'fehlt', gap: 'anderer-tag' }] };
  const u25Check: PrerequisiteCheck = { ok: true, checklist: [{ item: 'einladung-ohne-rfb', status: 'entfaellt' }, { item: 'nicht-erschienen-ohne-rfb', status: 'entfaellt' }, ...ITEMS.slice(2).map((item, i) => ({ item, status: 'erfuellt' as const, at: U25_LONG_TERM.attempts[i]!.at }))] };
  add('flag-form', 'Voraussetzungen erfüllt', flagFormCard(nov17, preview(FIRST, allMet(FIRST))));
  add('flag-form', 'zweiter Anruf fehlt', flagFormCard(nov17, preview(SECOND_CALL_SAME_DAY, secondCallMissing)));
  add('flag-form', 'unter 25 langzeitarbeitslos', flagFormCard(nov17, preview(U25_LONG_TERM, u25Check)));
  add('flag-form', 'nichts erfasst', flagFormCard(nov17, preview(NOTHING, NOTHING_CHECK)));
  add('flag-form', 'vorgemerkt', flagFormCard(nov17, preview(FIRST, allMet(FIRST), { openCase: FLAGGED, casesForTarget: 1 }), { error: '', done: 'Kunde 100A000001 ist für die Aufsuchende Beratung in KW 48/2026 vorgemerkt. Die AB des Bezirks ist informiert.' }, true));
  const visitTask = task('ab-besuch', '100A000001', FLAGGED.id, [MURAT], '2026-11-17T09:00:00.000Z');
  add('ab-task', 'offen, längste Begründung', taskCard(nov17, { kind: 'outreach', task: visitTask, outreach: FLAGGED, group: 'marktfern' }, MURAT).json);
  const status: CustomerStatus = {
    ok: true, customer: FIRST, check: allMet(FIRST), latestCase: FLAGGED, openTasks: [visitTask], mayRecord: true,
    contactDensity: { interval: { months: 4 }, source: 'gruppe', lastContact: '2026-06-01', due: '2026-10-01' },
    plannedVoluntary: [{ ...VISIT, kdnr: FIRST.kdnr }]
  };
  add('customer-status', 'vorgemerkt, mit Versuchen und Aufgaben', customerStatusCard(nov17, status));
  add('customer-status', 'leer', customerStatusCard(nov17, { ok: true, customer: NOTHING, check: NOTHING_CHECK, openTasks: [], mayRecord: true, contactDensity: { interval: { months: 4 }, source: 'gruppe', lastContact: null, due: '2026-11-17' }, plannedVoluntary: [] }));

  const nov24 = ctx('2026-11-24');
  const plan = { ok: true as const, week: { year: 2026, week: 48 }, aheadUntil: { year: 2026, week: 49 }, groups: new Map([['100A000001', 'marktfern' as const], ['100A000003', 'u25' as const]]),
    districts: [{ districtId: 'nord', districtName: 'Nord', own: true, cases: [FLAGGED] }, { districtId: 'ost', districtName: 'Ost', own: true, cases: [OTHER_DISTRICT] }] };
  add('ab-plan', 'zwei Bezirke', abPlanCard(nov24, plan));
  add('visit-form', 'offen', visitFormCard(nov24, FLAGGED));
  add('visit-form', 'mit Fehler', visitFormCard(nov24, FLAGGED, { error: REFUSAL['verbis-vermerk-fehlt'] }));
  add('visit-form', 'erledigt', visitFormCard(nov24, VISITED, { done: 'Ergebnis für Kunde 100A000001 erfasst. Der HB ist per Aufgabe informiert.' }));
  add('flag-form', 'kürzlich besucht: Bestätigung nötig', flagFormCard(nov24, preview(FIRST, allMet(FIRST), { recentVisit: VISITED, target: { week: { year: 2026, week: 49 }, deadline: new Date('2026-11-26T15:00:00.000Z'), late: false } })));
  add('ab-task', 'erledigt', taskCard(nov24, { kind: 'outreach', task: done(visitTask, MURAT, '2026-11-24T07:00:00.000Z'), outreach: VISITED, group: 'marktfern' }, MURAT).json);
  const at = '2026-11-24T07:00:00.000Z';
  const resultTask = task('ab-ergebnis', '100A000001', VISITED.id, [ANNA], at);
  const talkTask = task('gespraech-ab-hb', '100A000001', VISITED.id, [ANNA, MURAT], at);
  const hintTask = task('hinweis-leistung', '100A000001', VISITED.id, [LEISTUNG], at);
  add('result-task', 'offen, alle Angaben', taskCard(nov24, { kind: 'outreach', task: resultTask, outreach: VISITED }, ANNA).json);
  add('follow-up-task', 'Gespräch AB–HB', taskCard(nov24, { kind: 'outreach', task: talkTask, outreach: VISITED }, ANNA).json);
  add('follow-up-task', 'Hinweis Leistungsabteilung', taskCard(nov24, { kind: 'outreach', task: hintTask, outreach: VISITED }).json);
  // The third one has no outreach case (a Sofortvermittlung follow-up) and is past its due window.
  const overdue = task('neukunde-folgeeinladung', '100A000021', 'newc-100A000021', [ANNA], '2026-11-02T08:00:00.000Z', { dueFrom: '2026-11-09', dueTo: '2026-11-23' });
  add('task-list', 'drei Aufgaben', taskListCard(nov24, { tasks: [{ task: resultTask, outreach: VISITED }, { task: talkTask, outreach: VISITED }, { task: overdue }] }));
  add('task-list', 'leer', taskListCard(nov24, { tasks: [] }));
  add('result-task', 'zur Kenntnis genommen', taskCard(nov24, { kind: 'outreach', task: done(resultTask, ANNA, at), outreach: VISITED }, ANNA).json);
}
