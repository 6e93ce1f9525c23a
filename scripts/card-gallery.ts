import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { answerAttendance, askAttendance } from '../src/app/attendance.js';
import { bookCallback } from '../src/app/book-callback.js';
import { claimTask } from '../src/app/claim-task.js';
import { completeTask } from '../src/app/complete-task.js';
import { customerStatus } from '../src/app/customer-status.js';
import type { Deps } from '../src/app/deps.js';
import { dueListFor } from '../src/app/due-contacts.js';
import { escalateDueCallbacks } from '../src/app/escalate-callbacks.js';
import { flagCustomer, previewFlag } from '../src/app/flag-customer.js';
import { decideIntensive, requestIntensive } from '../src/app/intensive.js';
import { abStatuses, setAbsent } from '../src/app/presence.js';
import { recordPaymentStop } from '../src/app/record-payment-stop.js';
import { recordTalk } from '../src/app/record-talk.js';
import { recordVisitResult } from '../src/app/record-visit-result.js';
import { reportMissedAppointment } from '../src/app/report-missed-appointment.js';
import { weeklyDigest } from '../src/app/weekly-digest.js';
import { weekPlan } from '../src/app/week-plan.js';
import { noAudit } from '../src/audit/audit-log.js';
import { fixedClock } from '../src/clock.js';
import { loadDirectory } from '../src/config/directory.js';
import { loadPolicy } from '../src/config/policy.js';
import type { AttemptKind, ContactAttempt } from '../src/domain/contact-attempt.js';
import type { Customer } from '../src/domain/customer.js';
import { workingCalendar } from '../src/domain/working-days.js';
import type { CardName } from '../src/ports.js';
import { projectRoot } from '../src/project-root.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import type { AdaptiveCardJson } from '../src/teams/cards.js';
import { abPlanCard, customerStatusCard, flagFormCard, flagReminderCard, visitFormCard } from '../src/teams/processes/ab-flagging/views.js';
import { digestCard } from '../src/teams/processes/administration/views.js';
import { dueContactsCard } from '../src/teams/processes/contact-density/views.js';
import { callbackOfferCard, talkFormCard } from '../src/teams/processes/missed-appointment/views.js';
import { taskListCard } from '../src/teams/processes/tasks-presence/views.js';
import { taskCard } from '../src/teams/task-card.js';
import { viewContextAt } from '../src/teams/view-context.js';
import { taskListView } from '../src/app/task-list-view.js';
import { taskView } from '../src/app/task-view.js';
import { targetWeekForFlag } from '../src/domain/ab-deadline.js';
import { atBerlin } from '../src/domain/berlin-time.js';
import { callbackTeamOf } from '../src/domain/task-routing.js';
import { flagDeadlineRule } from '../src/config/policy.js';
import { REFUSAL } from '../src/teams/texts.js';
import { budgetStatement, recordExpense } from '../src/app/u25-expense.js';
import { u25Counts } from '../src/app/u25-evaluation.js';
import { recordMissedU25Appointment } from '../src/app/u25-field.js';
import { handOverToAbPap, previewHandover } from '../src/app/u25-handover.js';
import { extendActivation, recordFirstContact } from '../src/app/u25-phase.js';
import { arrangeJointTalk, returnToPap } from '../src/app/u25-return.js';
import { budgetStatementCard, evaluationCard, handoverFormCard, u25CaseCard, u25ReminderCard } from '../src/teams/processes/u25-outreach/views.js';
import { firstTalkFor, recordFirstTalk, recordNoShow } from '../src/app/first-talk.js';
import { routeNewcomerCustomer } from '../src/app/route-newcomer.js';
import { takeNextWalkIn } from '../src/app/walk-in-queue.js';
import { FIRST_TALK_ITEMS } from '../src/domain/first-talk.js';
import type { RoutingAnswers } from '../src/domain/newcomer-routing.js';
import { emptyQueue } from '../src/domain/walk-in-queue.js';
import { firstTalkFormCard, newcomerFormCard, newcomerRouteCard, walkInQueueCard } from '../src/teams/processes/sofortvermittlung/views.js';
import { helpCard } from '../src/teams/help.js';
import { findStaff } from '../src/domain/staff.js';
import { countAnonymous } from '../src/app/anonymous-count.js';
import { planVoluntary } from '../src/app/voluntary-plan.js';
import { recordVoluntaryResult } from '../src/app/voluntary-result.js';
import { planCard, resultFormCard } from '../src/teams/processes/voluntary-outreach/views.js';
import type { ViewContext } from '../src/teams/view-context.js';

export interface GalleryCard {
  readonly name: CardName;
  readonly variant: string;
  readonly card: AdaptiveCardJson;
}

const ANNA = '00000000-0000-0000-0000-0000000000020';
const JONAS = '00000000-0000-0000-0000-0000000000021';
const PETRA = '00000000-0000-0000-0000-0000000000022';
const MURAT = '00000000-0000-0000-0000-0000000000023';
const SABINE = '00000000-0000-0000-0000-0000000000025';
const MIRIAM = '00000000-0000-0000-0000-0000000000028';

/** The longest reason the policy allows, with umlauts: what a card must carry without breaking. */
const LONG_REASON = ('Kunde reagiert seit Monaten weder auf Einladungen noch auf Anrufe; Wohnsituation unklar, Post kommt zurück. ' +
  'Ärger mit dem Vermieter möglich, Überschuldung bekannt. Persönlicher Kontakt vor Ort verspricht mehr als weitere Schreiben. Größte Sorgfalt.').slice(0, 300);

function attempt(kind: AttemptKind, iso: string): ContactAttempt {
  return { kind, at: iso, timeGiven: true, recordedBy: ANNA, recordedAt: iso };
}
const ALL_MET = [
  attempt('einladung', '2026-10-01T08:00:00.000Z'), attempt('nicht-erschienen', '2026-10-08T08:00:00.000Z'),
  attempt('einladung-rfb', '2026-10-12T08:00:00.000Z'), attempt('nicht-erschienen', '2026-10-19T08:00:00.000Z'),
  attempt('anruf', '2026-10-21T07:15:00.000Z'), attempt('anruf', '2026-10-23T12:30:00.000Z')
];

function customer(kdnr: string, extra: Partial<Customer> = {}): Customer {
  return { kdnr, hbId: ANNA, group: 'marktfern', longTermUnemployed: false, district: 'nord', attempts: ALL_MET, profile: null, intensive: false, contacts: [], lastContactImported: '2026-06-01', registeredOn: '2026-01-05', version: 1, ...extra };
}

const must = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(`card gallery: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
};

/** Every card template, rendered by the real view code from records made by the real use cases. */
export async function cardGallery(): Promise<GalleryCard[]> {
  const root = projectRoot();
  const policy = loadPolicy(join(root, 'demo', 'policy.json'));
  const clock = fixedClock('2026-11-17T10:00:00+01:00');
  const deps: Deps = {
    store: await LowdbStore.open(mkdtempSync(join(tmpdir(), 'ab-lotse-gallery-'))),
    clock,
    directory: loadDirectory(join(root, 'demo', 'directory.json'), policy.districts.map((d) => d.id)),
    policy,
    calendar: workingCalendar(policy.bundesland),
    newId: randomUUID,
    audit: noAudit
  };
  const out: GalleryCard[] = [];
  const ctx = () => viewContextAt(deps.directory, deps.policy, clock.now());
  const offerFor = async (kdnr: string) => {
    const c = (await deps.store.getCustomer(kdnr))!;
    return { kdnr: c.kdnr, team: callbackTeamOf(deps.directory, c.hbId), statuses: await abStatuses(deps) };
  };
  const add = (name: CardName, variant: string, card: AdaptiveCardJson) => out.push({ name, variant, card });

  await deps.store.saveCustomers([
    customer('100A000001'),
    customer('100A000002', { attempts: [...ALL_MET.slice(0, 4), attempt('anruf', '2026-10-21T07:00:00.000Z'), attempt('anruf', '2026-10-21T13:00:00.000Z')] }),
    customer('100A000003', { group: 'u25', longTermUnemployed: true, district: 'ost', attempts: ALL_MET.slice(2) }),
    customer('100A000004', { group: 'u25', district: 'sued', lastContactImported: '2026-08-01' }),
    customer('100A000005', { group: 'marktnah', profile: 'Z', district: 'west', lastContactImported: '2026-05-20' }),
    customer('100A000006', { intensive: true, lastContactImported: '2026-11-10' }),
    customer('100A000007', { attempts: [], lastContactImported: null, registeredOn: '2026-11-17' })
  ]);

  add('flag-form', 'Voraussetzungen erfüllt', flagFormCard(ctx(), must(await previewFlag(deps, ANNA, '100A000001'))));
  add('flag-form', 'zweiter Anruf fehlt', flagFormCard(ctx(), must(await previewFlag(deps, ANNA, '100A000002'))));
  add('flag-form', 'unter 25 langzeitarbeitslos', flagFormCard(ctx(), must(await previewFlag(deps, ANNA, '100A000003'))));
  add('flag-form', 'nichts erfasst', flagFormCard(ctx(), must(await previewFlag(deps, ANNA, '100A000007'))));
  const flagged = must(await flagCustomer(deps, ANNA, { kdnr: '100A000001', reason: LONG_REASON, invitationInMailbox: true }));
  must(await flagCustomer(deps, ANNA, { kdnr: '100A000003', reason: 'Reagiert nicht.', invitationInMailbox: true }));
  add('flag-form', 'vorgemerkt', flagFormCard(ctx(), must(await previewFlag(deps, ANNA, '100A000001')), { error: '', done: 'Kunde 100A000001 ist für die Aufsuchende Beratung in KW 48/2026 vorgemerkt. Die AB des Bezirks ist informiert.' }, true));
  add('ab-task', 'offen, längste Begründung', taskCard(ctx(), await taskView(deps, flagged.task), MURAT).json);
  add('customer-status', 'vorgemerkt, mit Versuchen und Aufgaben', customerStatusCard(ctx(), must(await customerStatus(deps, ANNA, '100A000001'))));
  add('customer-status', 'leer', customerStatusCard(ctx(), must(await customerStatus(deps, ANNA, '100A000007'))));

  clock.set('2026-11-24T08:00:00+01:00');
  add('ab-plan', 'zwei Bezirke', abPlanCard(ctx(), must(await weekPlan(deps, MURAT))));
  add('visit-form', 'offen', visitFormCard(ctx(), flagged.outreach));
  add('visit-form', 'mit Fehler', visitFormCard(ctx(), flagged.outreach, { error: REFUSAL['verbis-vermerk-fehlt'] }));
  const visit = must(await recordVisitResult(deps, MURAT, { kdnr: '100A000001' }, { outcome: 'angetroffen', meetAndWalk: true, lowThresholdInfo: true, verbisNoteWritten: true, complex: true, hintForBenefits: true, appointmentDate: '2026-12-01' }));
  add('visit-form', 'erledigt', visitFormCard(ctx(), visit.outreach, { done: 'Ergebnis für Kunde 100A000001 erfasst. Der HB ist per Aufgabe informiert.' }));
  add('flag-form', 'kürzlich besucht: Bestätigung nötig', flagFormCard(ctx(), must(await previewFlag(deps, ANNA, '100A000001'))));
  add('ab-task', 'erledigt', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(flagged.task.id))!), MURAT).json);
  const [resultTask, talkTask, hintTask] = visit.tasks;
  add('result-task', 'offen, alle Angaben', taskCard(ctx(), await taskView(deps, resultTask!), ANNA).json);
  add('follow-up-task', 'Gespräch AB–HB', taskCard(ctx(), await taskView(deps, talkTask!), ANNA).json);
  add('follow-up-task', 'Hinweis Leistungsabteilung', taskCard(ctx(), await taskView(deps, hintTask!)).json);
  add('task-list', 'drei Aufgaben', taskListCard(ctx(), await taskListView(deps, await deps.store.openTasksOf(ANNA))));
  add('task-list', 'leer', taskListCard(ctx(), await taskListView(deps, [])));
  must(await completeTask(deps, ANNA, resultTask!.id, 1));
  add('result-task', 'zur Kenntnis genommen', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(resultTask!.id))!), ANNA).json);

  // Meldeversäumnis with an AB available, then the talk with the follow-up while the HB is absent.
  add('callback-offer', 'keine AB verfügbar', callbackOfferCard(ctx(), await offerFor('100A000004')));
  must(await reportMissedAppointment(deps, SABINE, '100A000004'));
  const [pool] = (await deps.store.tasksOfCustomer('100A000004')).filter((t) => t.kind === 'meldeversaeumnis-ab');
  add('claim-task', 'AB: offen', taskCard(ctx(), await taskView(deps, pool!), MURAT).json);
  must(await claimTask(deps, MURAT, pool!.id, 1));
  add('claim-task', 'AB: von mir übernommen', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(pool!.id))!), MURAT).json);
  add('claim-task', 'AB: von anderen übernommen', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(pool!.id))!), SABINE).json);
  const [missedAb] = await deps.store.missedCasesOfCustomer('100A000004');
  add('talk-form', 'AB-Gespräch mit Folgetermin', talkFormCard(ctx(), missedAb!));
  add('talk-form', 'mit Fehler', talkFormCard(ctx(), missedAb!, { error: REFUSAL['folgetermin-ausserhalb-dienstzeit'] }));
  must(await recordPaymentStop(deps, ANNA, '100A000004'));
  await setAbsent(deps, ANNA, '2026-11-25');
  const talk = must(await recordTalk(deps, MURAT, { kdnr: '100A000004' }, { reasonsCleared: true, motivated: true, verbisNoteWritten: true, followUp: { date: '2026-11-26', time: '09:00' } }));
  for (const t of talk.tasks) add('follow-up-task', t.kind, taskCard(ctx(), await taskView(deps, t)).json);
  add('talk-form', 'gespeichert', talkFormCard(ctx(), talk.missed, { done: 'Ergebnis gespeichert. Der Folgetermin ist als Aufgabe beim HB eingetragen, bei Abwesenheit bei der Vertretung.' }));

  // Callback after end of service (next working day), escalated.
  clock.set('2026-11-24T16:30:00+01:00');
  must(await bookCallback(deps, SABINE, '100A000005'));
  add('callback-offer', 'Rückruf gebucht', callbackOfferCard(ctx(), await offerFor('100A000005'), { done: 'Taggleicher Rückruf gebucht: Mi. 25.11.2026, 08:00–16:00 Uhr (nach Dienstschluss gebucht: nächster Arbeitstag), Team 521 Markt & Integration. Informiert: Jonas Weber.' }));
  const [callback] = (await deps.store.tasksOfCustomer('100A000005')).filter((t) => t.kind === 'rueckruf');
  add('claim-task', 'Rückruf: nächster Arbeitstag', taskCard(ctx(), await taskView(deps, callback!), JONAS).json);
  clock.set('2026-11-25T15:00:00+01:00');
  await escalateDueCallbacks(deps);
  add('claim-task', 'Rückruf: eskaliert', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(callback!.id))!), PETRA).json);
  must(await claimTask(deps, JONAS, callback!.id, (await deps.store.getTask(callback!.id))!.version));
  const [missedCb] = await deps.store.missedCasesOfCustomer('100A000005');
  add('talk-form', 'Rückruf', talkFormCard(ctx(), missedCb!));
  add('talk-form', 'Rückruf: einmal nicht erreicht', talkFormCard(ctx(), { ...missedCb!, unreached: [{ by: JONAS, at: clock.now().toISOString() }] }));
  const cbTalk = must(await recordTalk(deps, JONAS, { kdnr: '100A000005' }, { reasonsCleared: true, motivated: false, verbisNoteWritten: true }));
  add('claim-task', 'Rückruf: erledigt', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(callback!.id))!), JONAS).json);
  add('follow-up-task', 'termin-beim-hb-buchen', taskCard(ctx(), await taskView(deps, cbTalk.tasks[0]!)).json);

  // Contact density, intensive care, attendance, digest.
  clock.set('2026-11-26T07:30:00+01:00');
  add('due-contacts', 'überfällig und fällig', dueContactsCard(ctx(), await dueListFor(deps, ANNA)));
  add('due-contacts', 'nichts fällig', dueContactsCard(ctx(), await dueListFor(deps, PETRA), { text: 'Kontakt (persönlich) für Kunde 100A000004 am 26.11.2026 erfasst. Nächster Kontakt fällig: Sa. 26.12.2026.', isError: false }));
  add('flag-reminder', 'Donnerstag', flagReminderCard(targetWeekForFlag(atBerlin('2026-11-26', '00:00'), flagDeadlineRule(policy), deps.calendar)));
  must(await requestIntensive(deps, ANNA, '100A000005'));
  const [intensive] = await deps.store.openTasksOf(PETRA);
  add('intensive-task', 'offen', taskCard(ctx(), await taskView(deps, intensive!), PETRA).json);
  must(await decideIntensive(deps, PETRA, intensive!.id, 1, true));
  add('intensive-task', 'bestätigt', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(intensive!.id))!), PETRA).json);
  clock.set('2026-12-02T08:15:00+01:00');
  await askAttendance(deps);
  const attendance = (await deps.store.allTasks()).find((t) => t.kind === 'erschienen-pruefen')!;
  add('attendance-task', 'offen', taskCard(ctx(), await taskView(deps, attendance), attendance.assigneeIds[0]).json);
  must(await answerAttendance(deps, attendance.assigneeIds[0]!, attendance.id, 1, 'nein'));
  add('attendance-task', 'nicht erschienen', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(attendance.id))!)).json);
  add('digest', 'Team 521', digestCard(ctx(), await weeklyDigest(deps, 'team-521', { year: 2026, week: 48 })));
  add('digest', 'Team ohne IFK', digestCard(ctx(), await weeklyDigest(deps, 'team-ab', { year: 2026, week: 48 })));

  // U25 outreach (seed 001): handover, phase, reminders, return, sanction, budget, evaluation.
  await deps.store.saveCustomers([customer('100A000008', { group: 'u25', district: 'ost' }), customer('100A000009', { group: 'u25', district: 'west' })]);
  add('u25-handover-form', 'offen', handoverFormCard(ctx(), must(await previewHandover(deps, ANNA, '100A000008'))));
  add('u25-handover-form', 'Übergabegespräch fehlt', handoverFormCard(ctx(), must(await previewHandover(deps, ANNA, '100A000008')), { text: REFUSAL['uebergabegespraech-fehlt'], isError: true }));
  const handover = must(await handOverToAbPap(deps, ANNA, '100A000008', { handoverTalkHeld: true, form: 'falluebergabe', targetGroup: 'massive-problemlagen', abPapId: MIRIAM }));
  must(await handOverToAbPap(deps, ANNA, '100A000009', { handoverTalkHeld: true, form: 'einzelauftrag', targetGroup: 'individuell', abPapId: MIRIAM }));
  add('u25-handover-form', 'bereits übergeben', handoverFormCard(ctx(), must(await previewHandover(deps, ANNA, '100A000008'))));
  add('u25-task', 'neuer Fall, offen', taskCard(ctx(), await taskView(deps, handover.task), MIRIAM).json);
  must(await recordFirstContact(deps, MIRIAM, { kdnr: '100A000008' }, true));
  add('u25-task', 'Erstkontakt erfasst', taskCard(ctx(), await taskView(deps, (await deps.store.getTask(handover.task.id))!), MIRIAM).json);
  const missed = must(await recordMissedU25Appointment(deps, MIRIAM, { kdnr: '100A000008' }, '2026-12-01'));
  add('u25-task', 'Sanktion im Einzelfall', taskCard(ctx(), await taskView(deps, missed.task), ANNA).json);
  add('u25-budget-statement', 'leer', budgetStatementCard(ctx(), await budgetStatement(deps, MIRIAM, '2026-12')));
  must(await recordExpense(deps, MIRIAM, { amountCents: 450, date: '2026-12-01', receiptPresent: true }));
  must(await recordExpense(deps, MIRIAM, { amountCents: 1280, date: '2026-12-02', receiptPresent: true }));
  add('u25-budget-statement', 'zwei Auslagen', budgetStatementCard(ctx(), await budgetStatement(deps, MIRIAM, '2026-12')));
  const u25 = (await deps.store.u25CasesOfCustomer('100A000008'))[0]!;
  add('u25-reminder', 'ein Monat vorher', u25ReminderCard(ctx(), u25, 'vorwarnung', u25.phaseEnd));
  add('u25-reminder', 'Ende erreicht', u25ReminderCard(ctx(), u25, 'ende', u25.phaseEnd));
  clock.set('2027-05-10T10:00:00+02:00');
  must(await extendActivation(deps, MIRIAM, { kdnr: '100A000008' }, '2027-07-31', LONG_REASON));
  const jointTalk = must(await arrangeJointTalk(deps, MIRIAM, { kdnr: '100A000008' }, '2027-07-20', '10:00'));
  add('u25-task', 'gemeinsames Gespräch', taskCard(ctx(), await taskView(deps, jointTalk.task), ANNA).json);
  clock.set('2027-07-20T11:30:00+02:00');
  const back = must(await returnToPap(deps, MIRIAM, { kdnr: '100A000008' }, { early: false }));
  add('u25-task', 'Rückgabe an den pAp', taskCard(ctx(), await taskView(deps, back.task), ANNA).json);
  add('u25-case', 'zurückgegeben, mit Verlauf', u25CaseCard(ctx(), back.outreach));
  add('u25-case', 'Einzelauftrag aktiv', u25CaseCard(ctx(), (await deps.store.u25CasesOfCustomer('100A000009'))[0]!));
  must(await returnToPap(deps, MIRIAM, { kdnr: '100A000009' }, { early: true, reason: LONG_REASON }));
  add('u25-evaluation', 'aB-pAp', await evaluationCard(ctx(), await u25Counts(deps), { canSend: true }));
  add('u25-evaluation', 'an die Teamleitung gesendet', await evaluationCard(ctx(), await u25Counts(deps), { canSend: false, sentBy: MIRIAM }));
  // Sofortvermittlung (seed 004): routing at the Eingangszone, the queue, the first talk, the tasks, the digest.
  clock.set('2026-12-03T09:00:00+01:00');
  const CLARA = '00000000-0000-0000-0000-000000000401';
  const newcomer = (kdnr: string, answers: Partial<RoutingAnswers> = {}, householdMember = false) =>
    routeNewcomerCustomer(deps, SABINE, { kdnr, district: 'nord', householdMember, answers: { ...PLAIN_NEWCOMER, ...answers } }).then(must);
  add('newcomer-form', 'leer', newcomerFormCard(ctx(), '100A000020'));
  add('newcomer-form', 'mit Fehler', newcomerFormCard(ctx(), '100A000020', { error: REFUSAL['leistungsende-fehlt'] }));
  add('walk-in-queue', 'leer', walkInQueueCard(ctx(), emptyQueue('2026-12-03')));
  add('newcomer-route', 'Wartenummer', newcomerRouteCard(ctx(), await newcomer('100A000021')));
  await newcomer('100A000022');
  await newcomer('100A000023');
  add('walk-in-queue', 'drei wartend', walkInQueueCard(ctx(), (await deps.store.getWalkInQueue('2026-12-03'))!));
  const taken = must(await takeNextWalkIn(deps, CLARA, '2026-12-03'));
  add('walk-in-queue', 'in Bearbeitung, mit Hinweis', walkInQueueCard(ctx(), taken.queue, CLARA, { text: 'Clara Vogt berät jetzt Nr. 1. Erstgespräch erfassen: /erstgespraech 100A000021', isError: false }));
  add('newcomer-route', 'Termin BG-Mitglied', newcomerRouteCard(ctx(), await newcomer('100A000024', {}, true)));
  add('newcomer-route', 'Reha', newcomerRouteCard(ctx(), await newcomer('100A000025', { reha: true })));
  const amm = await newcomer('100A000026', { age: 40, completedTraining: true });
  add('newcomer-route', 'AMM', newcomerRouteCard(ctx(), amm));
  add('newcomer-route', 'kein Neukunde', newcomerRouteCard(ctx(), await newcomer('100A000027', { firstApplicationHere: false, benefitsEndedOn: '2026-09-01' })));
  add('follow-up-task', 'neukunde-amm', taskCard(ctx(), await taskView(deps, (await deps.store.tasksOfCustomer('100A000026'))[0]!)).json);
  const talk21 = must(await firstTalkFor(deps, CLARA, '100A000021'));
  add('first-talk-form', 'offen', firstTalkFormCard(ctx(), deps.calendar, talk21));
  add('first-talk-form', 'mit Fehler', firstTalkFormCard(ctx(), deps.calendar, talk21, { error: REFUSAL['sk-check-nicht-montag'] }));
  add('first-talk-form', 'BG-Mitglied mit Termin', firstTalkFormCard(ctx(), deps.calendar, must(await firstTalkFor(deps, CLARA, '100A000024'))));
  const ALL_ITEMS = [...FIRST_TALK_ITEMS];
  const sk = must(await recordFirstTalk(deps, CLARA, { caseId: talk21.newcomer.id, version: talk21.newcomer.version, ifkId: ANNA, items: ALL_ITEMS, measure: { kind: 'sk-check', start: '2026-12-07' }, ammPotential: true }));
  add('first-talk-form', 'gespeichert', firstTalkFormCard(ctx(), deps.calendar, { newcomer: sk.newcomer }, { done: 'Erstgespräch gespeichert. Der Kunde ist Anna Becker zugewiesen.' }));
  for (const t of sk.tasks) add('follow-up-task', `${t.kind} nach dem Erstgespräch`, taskCard(ctx(), await taskView(deps, t)).json);
  const talk22 = must(await firstTalkFor(deps, CLARA, '100A000022'));
  const none = must(await recordFirstTalk(deps, CLARA, { caseId: talk22.newcomer.id, version: talk22.newcomer.version, ifkId: JONAS, items: ALL_ITEMS, measure: { kind: 'keine', reason: LONG_REASON }, ammPotential: false }));
  add('follow-up-task', 'neukunde-keine-massnahme, längste Begründung', taskCard(ctx(), await taskView(deps, none.tasks[0]!)).json);
  clock.set('2026-12-03T16:00:00+01:00');
  const bg = must(await firstTalkFor(deps, CLARA, '100A000024'));
  const noShow = must(await recordNoShow(deps, CLARA, { caseId: bg.newcomer.id, version: bg.newcomer.version, ifkId: ANNA }));
  add('follow-up-task', 'bg-folgeeinladung', taskCard(ctx(), await taskView(deps, noShow.task)).json);
  add('digest', 'Sofortvermittlung', digestCard(ctx(), await weeklyDigest(deps, 'team-sofo', { year: 2026, week: 49 })));
  await voluntaryCards(deps, ctx, add);

  // Help: what an IFK may use, and in local mode the demo command too.
  add('help', 'IFK', helpCard(findStaff(deps.directory, ANNA)!, false, policy.customerNumberExample));
  add('help', 'Teamleitung, Demo', helpCard(findStaff(deps.directory, PETRA)!, true, policy.customerNumberExample));

  await deps.store.close();
  return out;
}

/** Voluntary outreach (seed 002): planning cards, result card (open, with a box missing, saved), task cards, digest. */
async function voluntaryCards(deps: Deps, ctx: () => ViewContext, add: (name: CardName, variant: string, card: AdaptiveCardJson) => void): Promise<void> {
  const customerOf = async (kdnr: string) => (await deps.store.getCustomer(kdnr))!;
  const base = { customer: await customerOf('100A000001'), date: '2027-01-08', time: '10:00', plannerId: ANNA };
  add('voluntary-plan', 'Hausbesuch, leer', planCard(ctx(), { ...base, approach: 'hausbesuch' }));
  add('voluntary-plan', 'Walk and Talk, mit Fehler', planCard(ctx(), { ...base, approach: 'walk-and-talk' }, { substitute: JONAS, meetingPointAgreed: true }, { text: REFUSAL['erreichbarkeit-fehlt'], isError: true }));
  add('voluntary-plan', 'Begleitung zu Dritten', planCard(ctx(), { ...base, approach: 'begleitung' }, { thirdParty: 'facharzt' }));
  const visit = must(await planVoluntary(deps, ANNA, '100A000001', { approach: 'hausbesuch', date: '2027-01-08', time: '10:00', secondPersonId: JONAS, substituteId: PETRA }));
  add('voluntary-plan', 'Hausbesuch geplant', planCard(ctx(), { ...base, approach: 'hausbesuch', planned: visit.outreach }, {}, { text: '✔ Hausbesuch geplant.', isError: false }));
  for (const t of await deps.store.tasksOfCustomer('100A000001')) if (t.caseId === visit.outreach.id) add('voluntary-task', t.kind, taskCard(ctx(), await taskView(deps, t)).json);
  add('voluntary-result-form', 'Hausbesuch, offen', resultFormCard(ctx(), visit.outreach));
  add('voluntary-result-form', 'Einverständniserklärung fehlt', resultFormCard(ctx(), visit.outreach, { outcome: 'stattgefunden', reasonsDiscussed: true }, { text: 'Das Ergebnis kann noch nicht gespeichert werden. Es fehlt: unterschriebene Einverständniserklärung.', isError: true }));
  const begleitung = must(await planVoluntary(deps, ANNA, '100A000005', { approach: 'begleitung', date: '2026-12-10', time: '09:00', substituteId: JONAS, thirdParty: 'sozialdienst', accompanimentConsent: true, joinTalkConsent: true }));
  add('voluntary-result-form', 'Begleitung, offen', resultFormCard(ctx(), begleitung.outreach));
  const doorBoxes = { endedAtDoor: true, writtenConsent: false, publicSpaceRisksTold: false, acquainted: true, recognitionSignAgreed: false, idBrought: false, othersPresent: false, othersConsent: false, placeUnsuitable: false, newAppointmentAgreed: false, talkInAbsence: false, confidentialityRelease: false, tookPartInTalk: false, substituteWent: false, customerCalledBeforehand: false, reasonsDiscussed: true, reachabilityDiscussed: true, followUpAgreed: true, hbAppointmentWanted: true };
  (deps.clock as ReturnType<typeof fixedClock>).set('2027-01-08T12:00:00+01:00');
  // The letters went out (the notice must be confirmed before the visit counts as made).
  for (const t of await deps.store.openTasksOf(ANNA)) if (t.caseId === visit.outreach.id) must(await completeTask(deps, ANNA, t.id, t.version));
  const done = must(await recordVoluntaryResult(deps, JONAS, { caseId: visit.outreach.id, version: visit.outreach.version }, { outcome: 'stattgefunden', ...doorBoxes }));
  add('voluntary-result-form', 'gespeichert', resultFormCard(ctx(), done.outreach, {}, { text: '✔ Ergebnis gespeichert.', isError: false }));
  add('voluntary-task', 'Ergebnis für den HB', taskCard(ctx(), await taskView(deps, done.hbTask!)).json);
  must(await countAnonymous(deps, ANNA, 'walk-and-talk'));
  add('digest', 'mit freiwilliger aufsuchender Beratung', digestCard(ctx(), await weeklyDigest(deps, 'team-521', { year: 2027, week: 2 })));
}

/** A plain new customer for the Sofortvermittlung: first application, 30, no training, little experience. */
const PLAIN_NEWCOMER: RoutingAnswers = {
  firstApplicationHere: true,
  age: 30,
  completedTraining: false,
  yearsOfExperience: 1,
  speaksGerman: true,
  placementOfficerAssigned: false,
  reha: false,
  profile: null,
  onlyForSperrzeit: false,
  selfEmployedOrEmployed: false
};
