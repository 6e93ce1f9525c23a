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
import {
  abPlanCard, callbackOfferCard, customerStatusCard, digestCard, dueContactsCard, flagFormCard, flagReminderCard, talkFormCard, taskCard, taskListCard, visitFormCard
} from '../src/teams/card-views.js';
import { REFUSAL } from '../src/teams/texts.js';

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

  add('flag-form', 'Voraussetzungen erfüllt', flagFormCard(deps, must(await previewFlag(deps, ANNA, '100A000001'))));
  add('flag-form', 'zweiter Anruf fehlt', flagFormCard(deps, must(await previewFlag(deps, ANNA, '100A000002'))));
  add('flag-form', 'unter 25 langzeitarbeitslos', flagFormCard(deps, must(await previewFlag(deps, ANNA, '100A000003'))));
  add('flag-form', 'nichts erfasst', flagFormCard(deps, must(await previewFlag(deps, ANNA, '100A000007'))));
  const flagged = must(await flagCustomer(deps, ANNA, { kdnr: '100A000001', reason: LONG_REASON, invitationInMailbox: true }));
  must(await flagCustomer(deps, ANNA, { kdnr: '100A000003', reason: 'Reagiert nicht.', invitationInMailbox: true }));
  add('flag-form', 'vorgemerkt', flagFormCard(deps, must(await previewFlag(deps, ANNA, '100A000001')), { error: '', done: 'Kunde 100A000001 ist für die Aufsuchende Beratung in KW 48/2026 vorgemerkt. Die AB des Bezirks ist informiert.' }));
  add('ab-task', 'offen, längste Begründung', (await taskCard(deps, flagged.task, MURAT)).json);
  add('customer-status', 'vorgemerkt, mit Versuchen und Aufgaben', customerStatusCard(deps, must(await customerStatus(deps, ANNA, '100A000001'))));
  add('customer-status', 'leer', customerStatusCard(deps, must(await customerStatus(deps, ANNA, '100A000007'))));

  clock.set('2026-11-24T08:00:00+01:00');
  add('ab-plan', 'zwei Bezirke', await abPlanCard(deps, must(await weekPlan(deps, MURAT))));
  add('visit-form', 'offen', visitFormCard(deps, flagged.outreach));
  add('visit-form', 'mit Fehler', visitFormCard(deps, flagged.outreach, { error: REFUSAL['verbis-vermerk-fehlt'] }));
  const visit = must(await recordVisitResult(deps, MURAT, { kdnr: '100A000001' }, { outcome: 'angetroffen', meetAndWalk: true, lowThresholdInfo: true, verbisNoteWritten: true, complex: true, hintForBenefits: true, appointmentDate: '2026-12-01' }));
  add('visit-form', 'erledigt', visitFormCard(deps, visit.outreach, { done: 'Ergebnis für Kunde 100A000001 erfasst. Der HB ist per Aufgabe informiert.' }));
  add('ab-task', 'erledigt', (await taskCard(deps, (await deps.store.getTask(flagged.task.id))!, MURAT)).json);
  const [resultTask, talkTask, hintTask] = visit.tasks;
  add('result-task', 'offen, alle Angaben', (await taskCard(deps, resultTask!, ANNA)).json);
  add('follow-up-task', 'Gespräch AB–HB', (await taskCard(deps, talkTask!, ANNA)).json);
  add('follow-up-task', 'Hinweis Leistungsabteilung', (await taskCard(deps, hintTask!)).json);
  add('task-list', 'drei Aufgaben', await taskListCard(deps, await deps.store.openTasksOf(ANNA)));
  add('task-list', 'leer', await taskListCard(deps, []));
  must(await completeTask(deps, ANNA, resultTask!.id, 1));
  add('result-task', 'zur Kenntnis genommen', (await taskCard(deps, (await deps.store.getTask(resultTask!.id))!, ANNA)).json);

  // Meldeversäumnis with an AB available, then the talk with the follow-up while the HB is absent.
  add('callback-offer', 'keine AB verfügbar', callbackOfferCard(deps, (await deps.store.getCustomer('100A000004'))!, await abStatuses(deps)));
  must(await reportMissedAppointment(deps, SABINE, '100A000004'));
  const [pool] = (await deps.store.tasksOfCustomer('100A000004')).filter((t) => t.kind === 'meldeversaeumnis-ab');
  add('claim-task', 'AB: offen', (await taskCard(deps, pool!, MURAT)).json);
  must(await claimTask(deps, MURAT, pool!.id, 1));
  add('claim-task', 'AB: von mir übernommen', (await taskCard(deps, (await deps.store.getTask(pool!.id))!, MURAT)).json);
  add('claim-task', 'AB: von anderen übernommen', (await taskCard(deps, (await deps.store.getTask(pool!.id))!, SABINE)).json);
  const [missedAb] = await deps.store.missedCasesOfCustomer('100A000004');
  add('talk-form', 'AB-Gespräch mit Folgetermin', talkFormCard(deps, missedAb!));
  add('talk-form', 'mit Fehler', talkFormCard(deps, missedAb!, { error: REFUSAL['folgetermin-ausserhalb-dienstzeit'] }));
  must(await recordPaymentStop(deps, ANNA, '100A000004'));
  await setAbsent(deps, ANNA, '2026-11-25');
  const talk = must(await recordTalk(deps, MURAT, { kdnr: '100A000004' }, { reasonsCleared: true, motivated: true, verbisNoteWritten: true, followUp: { date: '2026-11-26', time: '09:00' } }));
  for (const t of talk.tasks) add('follow-up-task', t.kind, (await taskCard(deps, t)).json);
  add('talk-form', 'gespeichert', talkFormCard(deps, talk.missed, { done: 'Ergebnis gespeichert. Der Folgetermin ist beim HB (oder seiner Vertretung) als Aufgabe eingetragen.' }));

  // Callback after end of service (next working day), escalated.
  clock.set('2026-11-24T16:30:00+01:00');
  must(await bookCallback(deps, SABINE, '100A000005'));
  add('callback-offer', 'Rückruf gebucht', callbackOfferCard(deps, (await deps.store.getCustomer('100A000005'))!, await abStatuses(deps), { done: 'Taggleicher Rückruf gebucht: Mi. 25.11.2026, 08:00–16:00 Uhr (nach Dienstschluss gebucht: nächster Arbeitstag), Team 521 Markt & Integration. Informiert: Jonas Weber.' }));
  const [callback] = (await deps.store.tasksOfCustomer('100A000005')).filter((t) => t.kind === 'rueckruf');
  add('claim-task', 'Rückruf: nächster Arbeitstag', (await taskCard(deps, callback!, JONAS)).json);
  clock.set('2026-11-25T15:00:00+01:00');
  await escalateDueCallbacks(deps);
  add('claim-task', 'Rückruf: eskaliert', (await taskCard(deps, (await deps.store.getTask(callback!.id))!, PETRA)).json);
  must(await claimTask(deps, JONAS, callback!.id, (await deps.store.getTask(callback!.id))!.version));
  const [missedCb] = await deps.store.missedCasesOfCustomer('100A000005');
  add('talk-form', 'Rückruf', talkFormCard(deps, missedCb!));
  const cbTalk = must(await recordTalk(deps, JONAS, { kdnr: '100A000005' }, { reasonsCleared: true, motivated: false, verbisNoteWritten: true }));
  add('claim-task', 'Rückruf: erledigt', (await taskCard(deps, (await deps.store.getTask(callback!.id))!, JONAS)).json);
  add('follow-up-task', 'termin-beim-hb-buchen', (await taskCard(deps, cbTalk.tasks[0]!)).json);

  // Contact density, intensive care, attendance, digest.
  clock.set('2026-11-26T07:30:00+01:00');
  add('due-contacts', 'überfällig und fällig', dueContactsCard(deps, await dueListFor(deps, ANNA)));
  add('due-contacts', 'nichts fällig', dueContactsCard(deps, await dueListFor(deps, PETRA), { text: 'Kontakt (persönlich) für Kunde 100A000004 am 26.11.2026 erfasst. Nächster Kontakt fällig: Sa. 26.12.2026.', isError: false }));
  add('flag-reminder', 'Donnerstag', flagReminderCard(deps, '2026-11-26'));
  must(await requestIntensive(deps, ANNA, '100A000005'));
  const [intensive] = await deps.store.openTasksOf(PETRA);
  add('intensive-task', 'offen', (await taskCard(deps, intensive!, PETRA)).json);
  must(await decideIntensive(deps, PETRA, intensive!.id, 1, true));
  add('intensive-task', 'bestätigt', (await taskCard(deps, (await deps.store.getTask(intensive!.id))!, PETRA)).json);
  clock.set('2026-12-02T08:15:00+01:00');
  await askAttendance(deps);
  const attendance = (await deps.store.allTasks()).find((t) => t.kind === 'erschienen-pruefen')!;
  add('attendance-task', 'offen', (await taskCard(deps, attendance, attendance.assigneeIds[0])).json);
  must(await answerAttendance(deps, attendance.assigneeIds[0]!, attendance.id, 1, 'nein'));
  add('attendance-task', 'nicht erschienen', (await taskCard(deps, (await deps.store.getTask(attendance.id))!)).json);
  add('digest', 'Team 521', digestCard(deps, await weeklyDigest(deps, 'team-521', { year: 2026, week: 48 })));
  add('digest', 'Team ohne IFK', digestCard(deps, await weeklyDigest(deps, 'team-ab', { year: 2026, week: 48 })));

  await deps.store.close();
  return out;
}
