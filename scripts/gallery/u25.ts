import type { U25OutreachCase } from '../../src/domain/u25-case.js';
import type { Task } from '../../src/domain/task.js';
import { budgetStatementCard, evaluationCard, handoverFormCard, u25CaseCard, u25ReminderCard } from '../../src/teams/processes/u25-outreach/views.js';
import { taskCard } from '../../src/teams/task-card.js';
import { REFUSAL } from '../../src/teams/refusal-catalogue.js';
import { ANNA, customer, done, type Gallery, LONG_REASON, MIRIAM, task } from './fixtures.js';

const HANDED_OVER = '2026-12-02T07:15:00.000Z';
/** Six months of activation from the handover (seed 001). */
const EINZELAUFTRAG: U25OutreachCase = {
  id: 'u25-case-100A000009', approach: 'u25-aktivierung', kdnr: '100A000009', hbId: ANNA, abPapId: MIRIAM, form: 'einzelauftrag', targetGroup: 'individuell',
  handoverTalkHeld: true, handedOverAt: HANDED_OVER, phaseStart: '2026-12-02', phaseEnd: '2027-06-02',
  extensions: [], visits: [], missedAppointments: [], status: 'aktiv', version: 1
};
/** A Fallübergabe goes to the virtual worker in VerBIS as well; an Einzelauftrag does not. */
const CASE: U25OutreachCase = { ...EINZELAUFTRAG, id: 'u25-case-100A000008', kdnr: '100A000008', form: 'falluebergabe', targetGroup: 'massive-problemlagen', virtualWorkerId: 'VM-U25-aB' };
const CONTACTED: U25OutreachCase = { ...CASE, version: 2, firstContact: { on: '2026-12-02', returnExplained: true, by: MIRIAM } };
const MISSED: U25OutreachCase = { ...CONTACTED, version: 3, missedAppointments: ['2026-12-01'] };
const EXTENDED: U25OutreachCase = {
  ...MISSED, version: 5, extensions: [{ until: '2027-07-31', reason: LONG_REASON, by: MIRIAM, at: '2027-05-10T08:00:00.000Z' }],
  jointTalk: { date: '2027-07-20', time: '10:00', arrangedBy: MIRIAM, arrangedAt: '2027-05-10T08:00:00.000Z' }
};
const RETURNED: U25OutreachCase = { ...EXTENDED, status: 'zurueckgegeben', version: 6, closed: { at: '2027-07-20T09:30:00.000Z', by: MIRIAM, result: 'aktiviert' } };

const u25View = (t: Task, outreach: U25OutreachCase) => ({ kind: 'u25' as const, task: t, outreach });
const quarter = (q: string, counts: Partial<Record<'handedOver' | 'active' | 'returned' | 'extended' | 'endedEarly' | 'firstContacts', number>>, meanDaysOfCare: number | null = null) =>
  ({ quarter: q, handedOver: 0, active: 0, returned: 0, extended: 0, endedEarly: 0, firstContacts: 0, contactAfterReturn: 0, meanDaysOfCare, ...counts });

/** U25 outreach (seed 001): handover, the aB-pAp's tasks, budget, reminders, return, the case card and the quarterly evaluation. */
export async function u25Cards({ ctx, add }: Gallery): Promise<void> {
  const dec2 = ctx('2026-12-02');
  const young = customer('100A000008', { group: 'u25', district: 'ost' });
  add('u25-handover-form', 'offen', handoverFormCard(dec2, { ok: true, customer: young, load: new Map([[MIRIAM, 2]]) }));
  add('u25-handover-form', 'Übergabegespräch fehlt', handoverFormCard(dec2, { ok: true, customer: young, load: new Map([[MIRIAM, 2]]) }, { text: REFUSAL['uebergabegespraech-fehlt'], isError: true }));
  add('u25-handover-form', 'bereits übergeben', handoverFormCard(dec2, { ok: true, customer: young, openCase: CASE, load: new Map([[MIRIAM, 2]]) }));
  const takeOver = task('u25-uebernahme', '100A000008', CASE.id, [MIRIAM], HANDED_OVER);
  add('u25-task', 'neuer Fall, offen', taskCard(dec2, u25View(takeOver, CASE), MIRIAM).json);
  add('u25-task', 'Erstkontakt erfasst', taskCard(dec2, u25View(done(takeOver, MIRIAM, HANDED_OVER), CONTACTED), MIRIAM).json);
  add('u25-task', 'Sanktion im Einzelfall', taskCard(dec2, u25View(task('u25-sanktion', '100A000008', CASE.id, [ANNA, MIRIAM], HANDED_OVER), MISSED), ANNA).json);
  add('u25-budget-statement', 'leer', budgetStatementCard(dec2, { staffId: MIRIAM, month: '2026-12', expenses: [], totalCents: 0, budgetCents: 2000 }));
  const expense = (id: string, amountCents: number, date: string) => ({ id, staffId: MIRIAM, amountCents, date, receiptPresent: true as const, recordedAt: HANDED_OVER, version: 1 });
  add('u25-budget-statement', 'zwei Auslagen', budgetStatementCard(dec2, { staffId: MIRIAM, month: '2026-12', expenses: [expense('exp-1', 450, '2026-12-01'), expense('exp-2', 1280, '2026-12-02')], totalCents: 1730, budgetCents: 2000 }));
  add('u25-reminder', 'ein Monat vorher', u25ReminderCard(dec2, MISSED, 'vorwarnung', MISSED.phaseEnd));
  add('u25-reminder', 'Ende erreicht', u25ReminderCard(dec2, MISSED, 'ende', MISSED.phaseEnd));
  add('u25-task', 'gemeinsames Gespräch', taskCard(ctx('2027-05-10'), u25View(task('u25-gespraech', '100A000008', CASE.id, [MIRIAM, ANNA], '2027-05-10T08:00:00.000Z'), EXTENDED), ANNA).json);
  const jul20 = ctx('2027-07-20');
  add('u25-task', 'Rückgabe an den pAp', taskCard(jul20, u25View(task('u25-rueckgabe', '100A000008', CASE.id, [ANNA], '2027-07-20T09:30:00.000Z'), RETURNED), ANNA).json);
  add('u25-case', 'zurückgegeben, mit Verlauf', u25CaseCard(jul20, RETURNED));
  add('u25-case', 'Einzelauftrag aktiv', u25CaseCard(jul20, EINZELAUFTRAG));
  const quarters = [
    quarter('2026-Q4', { handedOver: 2, active: 2, firstContacts: 1 }), quarter('2027-Q1', { active: 2 }), quarter('2027-Q2', { active: 2, extended: 1 }),
    quarter('2027-Q3', { returned: 1, endedEarly: 1 }, 230)
  ];
  add('u25-evaluation', 'aB-pAp', await evaluationCard(jul20, quarters, { canSend: true }));
  add('u25-evaluation', 'an die Teamleitung gesendet', await evaluationCard(jul20, quarters, { canSend: false, sentBy: MIRIAM }));
}
