import type { MissedAppointmentCase } from '../../src/domain/missed-appointment.js';
import type { Task } from '../../src/domain/task.js';
import { callbackOfferCard, talkFormCard } from '../../src/teams/processes/missed-appointment/views.js';
import { taskCard } from '../../src/teams/task-card.js';
import { REFUSAL } from '../../src/teams/refusal-catalogue.js';
import { ANNA, done, type Gallery, JONAS, LEISTUNG, LENA, MURAT, PETRA, SABINE, task } from './fixtures.js';

const REPORTED = '2026-11-24T07:00:00.000Z';
/** A Meldeversäumnis while an AB is in the office: the AB talks to the customer (seed 000 §3). */
const AB_TALK: MissedAppointmentCase = { id: 'missed-100A000004', kind: 'ab-gespraech', kdnr: '100A000004', hbId: ANNA, team: 'team-521', reportedBy: SABINE, reportedAt: REPORTED, status: 'offen', version: 1 };
const AB_CLAIMED: MissedAppointmentCase = { ...AB_TALK, status: 'uebernommen', version: 2, claimedBy: MURAT, claimedAt: REPORTED };
const AB_DONE: MissedAppointmentCase = {
  ...AB_CLAIMED, status: 'erledigt', version: 3,
  talk: { reasonsCleared: true, motivated: true, verbisNoteWritten: true, followUp: { date: '2026-11-26', time: '09:00' }, recordedBy: MURAT, recordedAt: REPORTED }
};
/** A callback booked after end of service: the next working day, escalated to the TL at 15:00. */
const BOOKED = '2026-11-24T15:30:00.000Z';
const ESCALATED = '2026-11-25T14:00:00.000Z';
const CALLBACK: MissedAppointmentCase = {
  id: 'missed-100A000005', kind: 'rueckruf', kdnr: '100A000005', hbId: ANNA, team: 'team-521', reportedBy: SABINE, reportedAt: BOOKED,
  slot: { date: '2026-11-25', from: '08:00', to: '16:00', nextWorkingDay: true, escalateAt: ESCALATED }, status: 'offen', version: 1
};
const CALLBACK_CLAIMED: MissedAppointmentCase = { ...CALLBACK, status: 'uebernommen', version: 3, escalatedAt: ESCALATED, claimedBy: JONAS, claimedAt: ESCALATED };
const CALLBACK_DONE: MissedAppointmentCase = { ...CALLBACK_CLAIMED, status: 'erledigt', version: 4, talk: { reasonsCleared: true, motivated: false, verbisNoteWritten: true, recordedBy: JONAS, recordedAt: ESCALATED } };

const missedView = (t: Task, missed: MissedAppointmentCase) => ({ kind: 'missed-appointment' as const, task: t, missed });

/** Meldeversäumnis (seed 000): the callback offer, the pool task claimed by one AB, the talk form, the callback and its escalation. */
export function missedAppointmentCards({ ctx, add }: Gallery): void {
  const nov24 = ctx('2026-11-24');
  add('callback-offer', 'keine AB verfügbar', callbackOfferCard(nov24, { kdnr: '100A000004', team: 'team-521', statuses: [{ staffId: MURAT, status: 'unterwegs' }, { staffId: LENA, status: 'abwesend' }] }));
  const pool = task('meldeversaeumnis-ab', '100A000004', AB_TALK.id, [MURAT, LENA], REPORTED);
  const claimed: Task = { ...pool, assigneeIds: [MURAT], version: 2, claimedBy: MURAT, claimedAt: REPORTED };
  add('claim-task', 'AB: offen', taskCard(nov24, missedView(pool, AB_TALK), MURAT).json);
  add('claim-task', 'AB: von mir übernommen', taskCard(nov24, missedView(claimed, AB_CLAIMED), MURAT).json);
  add('claim-task', 'AB: von anderen übernommen', taskCard(nov24, missedView(claimed, AB_CLAIMED), SABINE).json);
  add('talk-form', 'AB-Gespräch mit Folgetermin', talkFormCard(nov24, AB_CLAIMED));
  add('talk-form', 'mit Fehler', talkFormCard(nov24, AB_CLAIMED, { error: REFUSAL['folgetermin-ausserhalb-dienstzeit'] }));
  // The HB is absent on the follow-up day: the HB tasks go to the substitute, on behalf of the HB.
  const forHb = { onBehalfOf: ANNA };
  for (const t of [task('folgetermin-hb', '100A000004', AB_TALK.id, [JONAS, ANNA], REPORTED, forHb), task('aufhebung-zahlungseinstellung', '100A000004', AB_TALK.id, [LEISTUNG], REPORTED), task('zahlungseinstellung-hb', '100A000004', AB_TALK.id, [JONAS, ANNA], REPORTED, forHb)]) {
    add('follow-up-task', t.kind, taskCard(nov24, missedView(t, AB_DONE)).json);
  }
  add('talk-form', 'gespeichert', talkFormCard(nov24, AB_DONE, { done: 'Ergebnis gespeichert. Der Folgetermin ist als Aufgabe beim HB eingetragen, bei Abwesenheit bei der Vertretung.' }));

  add('callback-offer', 'Rückruf gebucht', callbackOfferCard(nov24, { kdnr: '100A000005', team: 'team-521', statuses: [{ staffId: MURAT, status: 'ausser-dienst' }, { staffId: LENA, status: 'ausser-dienst' }] }, { done: 'Taggleicher Rückruf gebucht: Mi. 25.11.2026, 08:00–16:00 Uhr (nach Dienstschluss gebucht: nächster Arbeitstag), Team 521 Markt & Integration. Informiert: Jonas Weber.' }));
  const callback = task('rueckruf', '100A000005', CALLBACK.id, [JONAS], BOOKED);
  add('claim-task', 'Rückruf: nächster Arbeitstag', taskCard(nov24, missedView(callback, CALLBACK), JONAS).json);
  const nov25 = ctx('2026-11-25');
  const escalated = { ...CALLBACK, version: 2, escalatedAt: ESCALATED };
  add('claim-task', 'Rückruf: eskaliert', taskCard(nov25, missedView({ ...callback, assigneeIds: [JONAS, PETRA], version: 2 }, escalated), PETRA).json);
  add('talk-form', 'Rückruf', talkFormCard(nov25, CALLBACK_CLAIMED));
  add('talk-form', 'Rückruf: einmal nicht erreicht', talkFormCard(nov25, { ...CALLBACK_CLAIMED, unreached: [{ by: JONAS, at: ESCALATED }] }));
  const claimedCallback = { ...callback, version: 3, claimedBy: JONAS, claimedAt: ESCALATED };
  add('claim-task', 'Rückruf: erledigt', taskCard(nov25, missedView(done(claimedCallback, JONAS, ESCALATED), CALLBACK_DONE), JONAS).json);
  add('follow-up-task', 'termin-beim-hb-buchen', taskCard(nov25, missedView(task('termin-beim-hb-buchen', '100A000005', CALLBACK.id, [JONAS], ESCALATED), CALLBACK_DONE)).json);
}
