import type { Routed } from '../../src/app/route-newcomer.js';
import { FIRST_TALK_ITEMS } from '../../src/domain/first-talk.js';
import type { NewcomerCase } from '../../src/domain/newcomer-case.js';
import type { Route, RouteReason } from '../../src/domain/newcomer-routing.js';
import type { Task } from '../../src/domain/task.js';
import type { WalkInQueue } from '../../src/domain/walk-in-queue.js';
import { digestCard } from '../../src/teams/processes/administration/views.js';
import { firstTalkFormCard, newcomerFormCard, newcomerRouteCard, walkInQueueCard } from '../../src/teams/processes/sofortvermittlung/views.js';
import { taskCard } from '../../src/teams/task-card.js';
import { REFUSAL } from '../../src/teams/refusal-catalogue.js';
import { digestOf } from './care.js';
import { AMM_OFFICER, ANNA, CLARA, type Gallery, JONAS, LONG_REASON, SABINE, task } from './fixtures.js';

const MORNING = '2026-12-03T08:00:00.000Z';

/** A new customer routed at the Eingangszone on 3 December (seed 004). */
function newcomer(kdnr: string, route: Route = 'sofortvermittlung', reason: RouteReason = 'neukunde', extra: Partial<NewcomerCase> = {}): NewcomerCase {
  return { id: `newc-${kdnr}`, kdnr, district: 'nord', routedBy: SABINE, routedAt: MORNING, route, reason, householdMember: false, version: 1, ...extra };
}
const walkIn = (kdnr: string, number: number) => newcomer(kdnr, 'sofortvermittlung', 'neukunde', { access: { kind: 'warteschlange', date: '2026-12-03', number } });
const routed = (n: NewcomerCase, extra: Partial<Routed> = {}): Routed => ({ ok: true, newcomer: n, decision: { route: n.route, reason: n.reason }, people: [], ...extra });
const newcomerView = (t: Task, n: NewcomerCase) => ({ kind: 'newcomer' as const, task: t, newcomer: n });

const FIRST = walkIn('100A000021', 1);
const SECOND = walkIn('100A000022', 2);
const BG_MEMBER = newcomer('100A000024', 'sofortvermittlung', 'neukunde', {
  householdMember: true, access: { kind: 'termin', slotId: `2026-12-03|13:30|${CLARA}`, officerId: CLARA, date: '2026-12-03', from: '13:30', to: '14:15' }
});
const AMM = newcomer('100A000026', 'amm', 'amm-potential');
const ALL_ITEMS = [...FIRST_TALK_ITEMS];
/** After the first talk: an SK-Check (two weeks from the next Monday) and AMM potential, handed to Anna. */
const SK_CHECK: NewcomerCase = { ...FIRST, version: 2, ifkId: ANNA, firstTalk: { recordedBy: CLARA, recordedAt: MORNING, items: ALL_ITEMS, measure: { kind: 'sk-check', start: '2026-12-07', end: '2026-12-20' }, ammPotential: true } };
const NO_MEASURE: NewcomerCase = { ...SECOND, version: 2, ifkId: JONAS, firstTalk: { recordedBy: CLARA, recordedAt: MORNING, items: ALL_ITEMS, measure: { kind: 'keine', reason: LONG_REASON }, ammPotential: false } };

function queue(version: number, first: WalkInQueue['entries'][number]['status'], officerId?: string): WalkInQueue {
  const entries = [FIRST, SECOND, walkIn('100A000023', 3)].map((n, i) => ({ kdnr: n.kdnr, caseId: n.id, number: i + 1, status: 'wartend' as const }));
  return { date: '2026-12-03', issued: 3, served: 0, version, entries: [{ ...entries[0]!, status: first, ...(officerId ? { officerId } : {}) }, ...entries.slice(1)] };
}

/** Sofortvermittlung (seed 004): the Eingangszone's form and routes, the walk-in queue, the first talk and its tasks, the digest. */
export function sofortvermittlungCards({ ctx, calendar, add }: Gallery): void {
  const dec3 = ctx('2026-12-03');
  add('newcomer-form', 'leer', newcomerFormCard(dec3, '100A000020'));
  add('newcomer-form', 'mit Fehler', newcomerFormCard(dec3, '100A000020', { error: REFUSAL['leistungsende-fehlt'] }));
  add('walk-in-queue', 'leer', walkInQueueCard(dec3, { date: '2026-12-03', entries: [], issued: 0, served: 0, version: 0 }));
  add('newcomer-route', 'Wartenummer', newcomerRouteCard(dec3, routed(FIRST, { expectedStart: '09:00' })));
  add('walk-in-queue', 'drei wartend', walkInQueueCard(dec3, queue(3, 'wartend')));
  add('walk-in-queue', 'in Bearbeitung, mit Hinweis', walkInQueueCard(dec3, queue(4, 'in-bearbeitung', CLARA), CLARA, { text: 'Clara Vogt berät jetzt Nr. 1. Erstgespräch erfassen: /erstgespraech 100A000021', isError: false }));
  add('newcomer-route', 'Termin BG-Mitglied', newcomerRouteCard(dec3, routed(BG_MEMBER, { appointmentBecause: 'bg-mitglied' })));
  add('newcomer-route', 'Reha', newcomerRouteCard(dec3, routed(newcomer('100A000025', 'reha', 'reha'))));
  add('newcomer-route', 'AMM', newcomerRouteCard(dec3, routed(AMM, { people: [AMM_OFFICER] })));
  add('newcomer-route', 'kein Neukunde', newcomerRouteCard(dec3, routed(newcomer('100A000027', 'regulaere-ifk', 'kein-neukunde'))));
  add('follow-up-task', 'neukunde-amm', taskCard(dec3, newcomerView(task('neukunde-amm', AMM.kdnr, AMM.id, [AMM_OFFICER], MORNING), AMM)).json);
  add('first-talk-form', 'offen', firstTalkFormCard(dec3, calendar, { newcomer: FIRST, proposedIfk: ANNA }));
  add('first-talk-form', 'mit Fehler', firstTalkFormCard(dec3, calendar, { newcomer: FIRST, proposedIfk: ANNA }, { error: REFUSAL['sk-check-nicht-montag'] }));
  add('first-talk-form', 'BG-Mitglied mit Termin', firstTalkFormCard(dec3, calendar, { newcomer: BG_MEMBER }));
  add('first-talk-form', 'gespeichert', firstTalkFormCard(dec3, calendar, { newcomer: SK_CHECK }, { done: 'Erstgespräch gespeichert. Der Kunde ist Anna Becker zugewiesen.' }));
  const afterTalk = [
    task('neukunde-folgeeinladung', FIRST.kdnr, FIRST.id, [ANNA], MORNING, { dueFrom: '2027-01-03', dueTo: '2027-01-17' }),
    task('neukunde-amm', FIRST.kdnr, FIRST.id, [AMM_OFFICER], MORNING)
  ];
  for (const t of afterTalk) add('follow-up-task', `${t.kind} nach dem Erstgespräch`, taskCard(dec3, newcomerView(t, SK_CHECK)).json);
  add('follow-up-task', 'neukunde-keine-massnahme, längste Begründung', taskCard(dec3, newcomerView(task('neukunde-keine-massnahme', SECOND.kdnr, SECOND.id, [JONAS], MORNING), NO_MEASURE)).json);
  const noShow: NewcomerCase = { ...BG_MEMBER, version: 2, ifkId: ANNA, noShow: { recordedBy: CLARA, recordedAt: '2026-12-03T15:00:00.000Z' } };
  add('follow-up-task', 'bg-folgeeinladung', taskCard(dec3, newcomerView(task('bg-folgeeinladung', BG_MEMBER.kdnr, BG_MEMBER.id, [ANNA], '2026-12-03T15:00:00.000Z'), noShow)).json);
  const counts = { walkIns: 3, served: 1, appointments: 1, measures: { orientierungscenter: 0, 'sk-check': 1, keine: 1 }, elsewhere: { reha: 1, 'amm-potential': 1, 'kein-neukunde': 1 } };
  add('digest', 'Sofortvermittlung', digestCard(dec3, digestOf('team-sofo', { week: { year: 2026, week: 49 }, sofortvermittlung: { week: counts, today: counts } })));
}
