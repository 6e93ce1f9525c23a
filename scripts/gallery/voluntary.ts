import type { VoluntaryOutreachCase } from '../../src/domain/voluntary-case.js';
import type { Task } from '../../src/domain/task.js';
import { digestCard } from '../../src/teams/processes/administration/views.js';
import { planCard, resultFormCard } from '../../src/teams/processes/voluntary-outreach/views.js';
import { taskCard } from '../../src/teams/task-card.js';
import { REFUSAL } from '../../src/teams/refusal-catalogue.js';
import { voluntaryDigest } from './care.js';
import { ANNA, customer, type Gallery, JONAS, MURAT, PETRA, task } from './fixtures.js';

const PLANNED_AT = '2026-12-03T15:00:00.000Z';
/** A Hausbesuch with a second person and a substitute, the TL told (seed 002). */
export const VISIT: VoluntaryOutreachCase = {
  id: 'vol-100A000001', approach: 'hausbesuch', kdnr: '100A000001', hbId: ANNA, plannedBy: ANNA, plannedAt: PLANNED_AT, date: '2027-01-08', time: '10:00',
  secondPersonId: JONAS, substituteId: PETRA, teamLeadIds: [PETRA], status: 'geplant', version: 1
};
const ACCOMPANIMENT: VoluntaryOutreachCase = {
  id: 'vol-100A000005', approach: 'begleitung', kdnr: '100A000005', hbId: ANNA, plannedBy: ANNA, plannedAt: PLANNED_AT, date: '2026-12-10', time: '09:00',
  substituteId: JONAS, accompaniment: { thirdParty: 'sozialdienst', accompanimentConsent: true, joinTalkConsent: true }, teamLeadIds: [PETRA], status: 'geplant', version: 1
};
/** Ended at the door, most boxes left empty: the result card must show what was not done as well. */
const DOOR_BOXES = {
  endedAtDoor: true, writtenConsent: false, publicSpaceRisksTold: false, acquainted: true, recognitionSignAgreed: false, idBrought: false, othersPresent: false, othersConsent: false,
  placeUnsuitable: false, newAppointmentAgreed: false, talkInAbsence: false, confidentialityRelease: false, tookPartInTalk: false, substituteWent: false, customerCalledBeforehand: false,
  reasonsDiscussed: true, reachabilityDiscussed: true, followUpAgreed: true, hbAppointmentWanted: true
};
const RECORDED = '2027-01-08T11:00:00.000Z';
const DONE: VoluntaryOutreachCase = { ...VISIT, status: 'abgeschlossen', version: 2, result: { outcome: 'stattgefunden', ...DOOR_BOXES, recordedBy: JONAS, recordedAt: RECORDED } };

const voluntaryView = (t: Task, outreach: VoluntaryOutreachCase) => ({ kind: 'voluntary' as const, task: t, outreach });

/** Voluntary outreach (seed 002): planning cards, its tasks, the result card (open, with a box missing, saved), the digest. */
export function voluntaryCards({ ctx, add }: Gallery): void {
  const dec3 = ctx('2026-12-03');
  const visited = customer('100A000001', { contacts: [{ kind: 'persoenlich', date: '2026-11-24', recordedBy: MURAT }], version: 2 });
  const base = { customer: visited, date: '2027-01-08', time: '10:00', plannerId: ANNA };
  add('voluntary-plan', 'Hausbesuch, leer', planCard(dec3, { ...base, approach: 'hausbesuch' }));
  add('voluntary-plan', 'Walk and Talk, mit Fehler', planCard(dec3, { ...base, approach: 'walk-and-talk' }, { substitute: JONAS, meetingPointAgreed: true }, { text: REFUSAL['erreichbarkeit-fehlt'], isError: true }));
  add('voluntary-plan', 'Begleitung zu Dritten', planCard(dec3, { ...base, approach: 'begleitung' }, { thirdParty: 'facharzt' }));
  add('voluntary-plan', 'Hausbesuch geplant', planCard(dec3, { ...base, approach: 'hausbesuch', planned: VISIT }, {}, { text: '✔ Hausbesuch geplant.', isError: false }));
  // The TL told, the colleague's appointment, and the planner's two letters in their windows before the visit.
  const tasks = [
    task('freiwillig-info', VISIT.kdnr, VISIT.id, [PETRA], PLANNED_AT), task('freiwillig-termin', VISIT.kdnr, VISIT.id, [JONAS], PLANNED_AT),
    task('freiwillig-ankuendigung', VISIT.kdnr, VISIT.id, [ANNA], PLANNED_AT, { dueFrom: '2026-12-11', dueTo: '2026-12-18' }),
    task('freiwillig-erinnerung', VISIT.kdnr, VISIT.id, [ANNA], PLANNED_AT, { dueFrom: '2026-12-25', dueTo: '2027-01-01' })
  ];
  for (const t of tasks) add('voluntary-task', t.kind, taskCard(dec3, voluntaryView(t, VISIT)).json);
  add('voluntary-result-form', 'Hausbesuch, offen', resultFormCard(dec3, VISIT));
  add('voluntary-result-form', 'Einverständniserklärung fehlt', resultFormCard(dec3, VISIT, { outcome: 'stattgefunden', reasonsDiscussed: true }, { text: 'Das Ergebnis kann noch nicht gespeichert werden. Es fehlt: unterschriebene Einverständniserklärung.', isError: true }));
  add('voluntary-result-form', 'Begleitung, offen', resultFormCard(dec3, ACCOMPANIMENT));
  const jan8 = ctx('2027-01-08');
  add('voluntary-result-form', 'gespeichert', resultFormCard(jan8, DONE, {}, { text: '✔ Ergebnis gespeichert.', isError: false }));
  add('voluntary-task', 'Ergebnis für den HB', taskCard(jan8, voluntaryView(task('freiwillig-ergebnis', VISIT.kdnr, VISIT.id, [ANNA], RECORDED), DONE)).json);
  add('digest', 'mit freiwilliger aufsuchender Beratung', digestCard(jan8, voluntaryDigest()));
}
