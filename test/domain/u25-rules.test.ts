import { activationPhaseEnd, decideExtension, reminderDue } from '../../src/domain/u25-activation-phase.js';
import { decideExpense, isStatementDay, type Expense } from '../../src/domain/u25-budget.js';
import type { U25OutreachCase } from '../../src/domain/u25-case.js';
import { evaluateU25 } from '../../src/domain/u25-evaluation.js';
import { workingCalendar } from '../../src/domain/working-days.js';

const rule = { maxActivationMonths: 6, remindMonthsBefore: 1 };
const base: U25OutreachCase = {
  id: 'c', approach: 'u25-aktivierung', kdnr: '123D456789', hbId: 'pap', abPapId: 'ab', form: 'falluebergabe', targetGroup: 'schwer-erreichbar',
  handoverTalkHeld: true, handedOverAt: '2026-08-31T08:00:00.000Z', phaseStart: '2026-08-31', phaseEnd: '2027-02-28', extensions: [], visits: [], missedAppointments: [], status: 'aktiv', version: 1
};
const expense = (amountCents: number, date: string): Expense => ({ id: date, staffId: 'ab', amountCents, date, receiptPresent: true, recordedAt: `${date}T10:00:00Z`, version: 1 });

describe('seed 001 rules', () => {
  it('ends the phase six calendar months after its start (31 August → 28 February)', () => {
    expect(activationPhaseEnd('2026-08-31', rule)).toBe('2027-02-28');
  });

  it('is due one month before the end and at the end; an Einzelauftrag or a closed case never', () => {
    expect(reminderDue(base, '2027-01-27', rule)).toBeUndefined();
    expect(reminderDue(base, '2027-01-28', rule)).toEqual({ stage: 'vorwarnung', end: '2027-02-28' });
    expect(reminderDue(base, '2027-03-01', rule)).toEqual({ stage: 'ende', end: '2027-02-28' });
    expect(reminderDue({ ...base, form: 'einzelauftrag' }, '2027-03-01', rule)).toBeUndefined();
    expect(reminderDue({ ...base, status: 'zurueckgegeben' }, '2027-03-01', rule)).toBeUndefined();
    const extended = { ...base, extensions: [{ until: '2027-05-15', reason: 'x', by: 'ab', at: '2027-01-10T08:00:00Z' }] };
    expect(reminderDue(extended, '2027-03-01', rule)).toBeUndefined();
    expect(reminderDue(extended, '2027-04-15', rule)).toEqual({ stage: 'vorwarnung', end: '2027-05-15' });
  });

  it('needs a reason and a later end for an extension', () => {
    expect(decideExtension(base, '2027-04-30', '  ', 300)).toEqual({ ok: false, reason: 'begruendung-fehlt' });
    expect(decideExtension(base, '2027-02-28', 'Grund', 300)).toEqual({ ok: false, reason: 'verlaengerung-nicht-spaeter' });
    expect(decideExtension(base, '2027-04-30', ' Grund ', 300)).toEqual({ ok: true, reason: 'Grund' });
  });

  it('keeps expenses within 20 € per calendar month of the expense date, in cents', () => {
    const spent = [expense(1500, '2026-11-03'), expense(1000, '2026-10-30')];
    expect(decideExpense({ amountCents: 501, date: '2026-11-20', receiptPresent: true }, spent, 2000, '2026-11-24')).toEqual({ ok: false, reason: 'budget-ueberschritten', remainingCents: 500 });
    expect(decideExpense({ amountCents: 500, date: '2026-11-20', receiptPresent: true }, spent, 2000, '2026-11-24')).toEqual({ ok: true, remainingAfterCents: 0 });
    expect(decideExpense({ amountCents: 500, date: '2026-11-20', receiptPresent: false }, spent, 2000, '2026-11-24')).toEqual({ ok: false, reason: 'quittung-fehlt' });
    expect(decideExpense({ amountCents: 500, date: '2026-11-25', receiptPresent: true }, spent, 2000, '2026-11-24')).toEqual({ ok: false, reason: 'datum-in-zukunft' });
  });

  it('sends the statement on the last working day of the month (31.10.2026 is a Saturday → Friday 30.10.)', () => {
    const calendar = workingCalendar('BW');
    expect(isStatementDay('2026-10-30', calendar)).toBe(true);
    expect(isStatementDay('2026-10-29', calendar)).toBe(false);
    expect(isStatementDay('2026-12-31', calendar)).toBe(true);
  });

  it('counts per quarter without any Kundennummer: handed over, active, returned, ended early, extended, duration of care', () => {
    const returned: U25OutreachCase = { ...base, jointTalk: { date: '2027-01-20', time: '10:00', arrangedBy: 'ab', arrangedAt: '2027-01-10T08:00:00Z' }, status: 'zurueckgegeben', closed: { at: '2027-01-20T12:00:00Z', by: 'ab', result: 'aktiviert' }, firstContact: { on: '2026-09-10', returnExplained: true, by: 'ab' } };
    const early: U25OutreachCase = { ...base, id: 'd', kdnr: '123D000002', phaseStart: '2026-10-01', status: 'zurueckgegeben', closed: { at: '2026-12-01T12:00:00Z', by: 'ab', result: 'vorzeitig', reason: 'x' } };
    const quarters = evaluateU25([returned, early], new Map([['123D456789', ['2027-02-03']]]), '2027-02-10', 3);
    expect(quarters.map((q) => q.quarter)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(quarters[0]).toMatchObject({ handedOver: 1, active: 1, firstContacts: 1, returned: 0 });
    expect(quarters[1]).toMatchObject({ handedOver: 1, active: 1, endedEarly: 1, meanDaysOfCare: 61 });
    expect(quarters[2]).toMatchObject({ handedOver: 0, active: 0, returned: 1, contactAfterReturn: 1, meanDaysOfCare: 142 });
    expect(JSON.stringify(quarters)).not.toContain('123D');
  });
});
