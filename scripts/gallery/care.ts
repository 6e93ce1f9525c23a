import type { Digest } from '../../src/app/weekly-digest.js';
import type { OutreachCase } from '../../src/domain/outreach-case.js';
import { flagReminderCard } from '../../src/teams/processes/ab-flagging/views.js';
import { digestCard } from '../../src/teams/processes/administration/views.js';
import { dueContactsCard } from '../../src/teams/processes/contact-density/views.js';
import { taskCard } from '../../src/teams/task-card.js';
import { VISITED } from './ab-flagging.js';
import { ALL_MET, ANNA, customer, done, type Gallery, JONAS, PETRA, task } from './fixtures.js';

const NO_VOLUNTARY: Digest['voluntary'] = [{ approach: 'hausbesuch', held: 0, anonymous: 0 }, { approach: 'walk-and-talk', held: 0, anonymous: 0 }, { approach: 'begleitung', held: 0, anonymous: 0 }];

/** A team's week: one visit, one callback claimed after its escalation, Anna over her overdue contacts and under her quota. */
export function digestOf(teamId: string, extra: Partial<Digest> = {}): Digest {
  return {
    teamId, week: { year: 2026, week: 48 }, flags: 0, visitsMet: 0, visitsNotMet: 0, callbacksBooked: 0, callbacksClaimed: 0, callbacksEscalated: 0,
    overdueByIfk: [], intensiveByIfk: [], voluntary: NO_VOLUNTARY, ...extra
  };
}
const TEAM_521 = {
  overdueByIfk: [{ staffId: ANNA, overdue: 4 }, { staffId: JONAS, overdue: 0 }],
  intensiveByIfk: [{ staffId: ANNA, count: 2, quota: 3, state: 'unter' as const }, { staffId: JONAS, count: 0, quota: 2, state: 'unter' as const }]
};

/** Contact density and intensive care (seed 005), the attendance question after a visit, the flag reminder, the team digests. */
export function careCards({ ctx, add }: Gallery): void {
  const nov26 = ctx('2026-11-26');
  const overdue = [
    { customer: customer('100A000003', { group: 'u25', longTermUnemployed: true, district: 'ost', attempts: ALL_MET.slice(2) }), due: '2026-07-01', state: 'ueberfaellig' as const, source: 'gruppe' as const },
    { customer: customer('100A000002'), due: '2026-10-01', state: 'ueberfaellig' as const, source: 'gruppe' as const },
    { customer: customer('100A000007', { attempts: [], lastContactImported: null, registeredOn: '2026-11-17' }), due: '2026-11-17', state: 'ueberfaellig' as const, source: 'gruppe' as const },
    { customer: customer('100A000006', { intensive: true, lastContactImported: '2026-11-10' }), due: '2026-11-24', state: 'ueberfaellig' as const, source: 'intensiv' as const }
  ];
  const dueSoon = [{ customer: customer('100A000005', { group: 'marktnah', profile: 'Z', district: 'west', lastContactImported: '2026-09-01' }), due: '2026-12-01', state: 'faellig' as const, source: 'profil' as const }];
  add('due-contacts', 'überfällig und fällig', dueContactsCard(nov26, { today: '2026-11-26', overdue, dueSoon }));
  add('due-contacts', 'nichts fällig', dueContactsCard(nov26, { today: '2026-11-26', overdue: [], dueSoon: [] }, { text: 'Kontakt (persönlich) für Kunde 100A000004 am 26.11.2026 erfasst. Nächster Kontakt fällig: Sa. 26.12.2026.', isError: false }));
  add('flag-reminder', 'Donnerstag', flagReminderCard({ week: { year: 2026, week: 49 }, deadline: new Date('2026-11-26T15:00:00.000Z'), late: false }));
  // Anna is absent: her request goes to the TL on her behalf; the quota shown is the one after the change.
  const intensive = task('intensiv-aufnehmen', '100A000005', 'intensiv:100A000005', [PETRA], '2026-11-26T06:30:00.000Z', { onBehalfOf: ANNA });
  add('intensive-task', 'offen', taskCard(nov26, { kind: 'intensive', task: intensive, quotaAfter: { count: 3, quota: 3, state: 'erfuellt' } }, PETRA).json);
  add('intensive-task', 'bestätigt', taskCard(nov26, { kind: 'intensive', task: done(intensive, PETRA, '2026-11-26T06:30:00.000Z'), quotaAfter: { count: 3, quota: 3, state: 'erfuellt' } }, PETRA).json);

  const dec2 = ctx('2026-12-02');
  const asked = '2026-12-02T07:15:00.000Z';
  const attendance = task('erschienen-pruefen', '100A000001', VISITED.id, [ANNA], asked);
  const askedCase: OutreachCase = { ...VISITED, version: 3, attendance: { askedAt: asked } };
  add('attendance-task', 'offen', taskCard(dec2, { kind: 'attendance', task: attendance, outreach: askedCase, paymentStopRecorded: false }, ANNA).json);
  const noShow: OutreachCase = { ...VISITED, version: 4, attendance: { askedAt: asked, answer: 'nein', answeredAt: asked } };
  add('attendance-task', 'nicht erschienen', taskCard(dec2, { kind: 'attendance', task: done(attendance, ANNA, asked), outreach: noShow, paymentStopRecorded: false }).json);
  add('digest', 'Team 521', digestCard(dec2, digestOf('team-521', { visitsMet: 1, callbacksBooked: 1, callbacksClaimed: 1, callbacksEscalated: 1, ...TEAM_521 })));
  add('digest', 'Team ohne IFK', digestCard(dec2, digestOf('team-ab')));
}

/** The digest of the week with voluntary outreach: one Hausbesuch held, one anonymous Walk and Talk. */
export function voluntaryDigest(): Digest {
  return digestOf('team-521', {
    week: { year: 2027, week: 2 }, ...TEAM_521, overdueByIfk: [{ staffId: ANNA, overdue: 8 }, { staffId: JONAS, overdue: 0 }],
    voluntary: [{ approach: 'hausbesuch', held: 1, anonymous: 0 }, { approach: 'walk-and-talk', held: 0, anonymous: 1 }, { approach: 'begleitung', held: 0, anonymous: 0 }]
  });
}
