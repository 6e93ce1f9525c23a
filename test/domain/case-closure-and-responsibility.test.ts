import { closedAt, newcomerCaseClosedAt, u25CaseClosedAt } from '../../src/domain/case-closure.js';
import { contactResponsible } from '../../src/domain/contact-responsibility.js';
import type { NewcomerCase } from '../../src/domain/newcomer-case.js';
import type { Task } from '../../src/domain/task.js';
import type { U25OutreachCase } from '../../src/domain/u25-case.js';

const u25: U25OutreachCase = {
  id: 'u', approach: 'u25-aktivierung', kdnr: '123D456789', hbId: 'pap', abPapId: 'ab', form: 'falluebergabe', targetGroup: 'schwer-erreichbar',
  handoverTalkHeld: true, handedOverAt: '2026-08-31T08:00:00.000Z', phaseStart: '2026-08-31', phaseEnd: '2027-02-28', extensions: [], visits: [], missedAppointments: [], status: 'aktiv', version: 1
};
const returned: U25OutreachCase = { ...u25, status: 'zurueckgegeben', closed: { at: '2027-02-20T10:00:00.000Z', by: 'ab', result: 'aktiviert' } };
const task = (status: Task['status'], completedAt?: string): Task => ({ id: 't', kind: 'u25-rueckgabe', kdnr: '123D456789', caseId: 'u', assigneeIds: ['pap'], createdAt: '2027-02-20T10:00:00.000Z', status, ...(completedAt ? { completedAt } : {}), version: 1 });
const newcomer: NewcomerCase = { id: 'n', kdnr: '500S000001', district: 'nord', routedBy: 'ez', routedAt: '2026-11-24T08:00:00.000Z', route: 'sofortvermittlung', reason: 'neukunde', householdMember: false, access: { kind: 'warteschlange', date: '2026-11-24', number: 1 }, version: 1 };

describe('who keeps the contact density (seed 001 with seed 003)', () => {
  it('is the aB-pAp during a Fallübergabe, the pAp for an Einzelauftrag, after the return and for other customers', () => {
    const customer = { kdnr: '123D456789', hbId: 'pap' };
    expect(contactResponsible(customer, [u25])).toBe('ab');
    expect(contactResponsible(customer, [{ ...u25, form: 'einzelauftrag' }])).toBe('pap');
    expect(contactResponsible(customer, [returned])).toBe('pap');
    expect(contactResponsible({ ...customer, kdnr: '123D000002' }, [u25])).toBe('pap');
  });
});

describe('when a case closes (the deletion concept)', () => {
  it('closes when the own step and every task are done, at the latest of them; an open task keeps it open', () => {
    expect(closedAt(['2027-02-20T10:00:00.000Z'], [])).toBe('2027-02-20T10:00:00.000Z');
    expect(closedAt(['2027-02-20T10:00:00.000Z'], [task('erledigt', '2027-02-22T09:00:00.000Z')])).toBe('2027-02-22T09:00:00.000Z');
    expect(closedAt(['2027-02-20T10:00:00.000Z'], [task('offen')])).toBeUndefined();
    expect(closedAt([undefined], [])).toBeUndefined();
  });

  it('seed 001: a U25 case closes with its return to the pAp, never while active', () => {
    expect(u25CaseClosedAt(u25, [])).toBeUndefined();
    expect(u25CaseClosedAt(returned, [task('erledigt', '2027-02-21T08:00:00.000Z')])).toBe('2027-02-21T08:00:00.000Z');
    expect(u25CaseClosedAt(returned, [task('offen')])).toBeUndefined();
  });

  it('seed 004: a new customer routed elsewhere closes at once; after the talk or the no-show with its tasks; unserved at the end of the day', () => {
    expect(newcomerCaseClosedAt({ ...newcomer, route: 'reha', reason: 'reha', access: undefined }, [])).toBe('2026-11-24T08:00:00.000Z');
    expect(newcomerCaseClosedAt({ ...newcomer, route: 'amm', reason: 'amm-potential', access: undefined }, [task('offen')])).toBeUndefined();
    const talk = { recordedBy: 'sofo', recordedAt: '2026-11-24T09:30:00.000Z', items: [], measure: { kind: 'keine', reason: 'x' }, ammPotential: false } as unknown as NonNullable<NewcomerCase['firstTalk']>;
    expect(newcomerCaseClosedAt({ ...newcomer, firstTalk: talk }, [task('erledigt', '2026-12-20T09:00:00.000Z')])).toBe('2026-12-20T09:00:00.000Z');
    expect(newcomerCaseClosedAt({ ...newcomer, noShow: { recordedBy: 'sofo', recordedAt: '2026-11-24T14:00:00.000Z' } }, [task('offen')])).toBeUndefined();
    // Midnight after the queue day, Berlin time (UTC+1 in November).
    expect(newcomerCaseClosedAt(newcomer, [])).toBe('2026-11-24T23:00:00.000Z');
    expect(newcomerCaseClosedAt({ ...newcomer, access: { kind: 'termin', slotId: 's', officerId: 'sofo', date: '2026-11-26', from: '08:00', to: '09:00' } }, [])).toBe('2026-11-26T23:00:00.000Z');
  });
});
