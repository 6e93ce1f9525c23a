import { LowdbStore } from '../../src/store/lowdb-store.js';
import type { Expense } from '../../src/domain/u25-budget.js';
import type { U25OutreachCase } from '../../src/domain/u25-case.js';
import { STAFF, tempDir } from '../support/fixtures.js';

const MIRIAM = '00000000-0000-0000-0000-0000000000028';

const u25Case: U25OutreachCase = {
  id: 'u25-1',
  approach: 'u25-aktivierung',
  kdnr: '123D456789',
  hbId: STAFF.anna,
  abPapId: MIRIAM,
  form: 'falluebergabe',
  targetGroup: 'schwer-erreichbar',
  handoverTalkHeld: true,
  virtualWorkerId: 'VM-U25-aB',
  handedOverAt: '2026-11-24T09:00:00.000Z',
  phaseStart: '2026-11-24',
  phaseEnd: '2027-05-24',
  extensions: [{ until: '2027-07-31', reason: 'Maßnahme beginnt im Juli', by: MIRIAM, at: '2027-05-01T08:00:00.000Z' }],
  visits: [{ date: '2026-12-02', secondPersonId: STAFF.jonas, plannedBy: MIRIAM, plannedAt: '2026-11-25T08:00:00.000Z' }],
  missedAppointments: ['2026-12-10'],
  status: 'aktiv',
  version: 1
};
const expense: Expense = { id: 'e-1', staffId: MIRIAM, amountCents: 450, date: '2026-11-20', receiptPresent: true, recordedAt: '2026-11-24T09:00:00.000Z', version: 1 };

describe('U25 cases and expenses in the store', () => {
  it('round-trips a U25 case and an expense through a reopened store, apart from the AB visit readers', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    expect(await store.commit({ cases: [u25Case], expenses: [expense] })).toEqual({ ok: true, queued: 0 });
    // A second write of version 1 is a conflict, as for every record.
    expect(await store.commit({ expenses: [expense] })).toEqual({ ok: false, reason: 'konflikt' });
    await store.close();

    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getU25Case('u25-1')).toEqual(u25Case);
    expect(await reopened.u25CasesOfCustomer('123D456789')).toEqual([u25Case]);
    expect(await reopened.allU25Cases()).toEqual([u25Case]);
    expect(await reopened.expensesOf(MIRIAM, '2026-11')).toEqual([expense]);
    expect(await reopened.expensesOf(MIRIAM, '2026-12')).toEqual([]);
    expect(await reopened.expensesOf(STAFF.anna, '2026-11')).toEqual([]);
    // The AB visit process never sees the U25 variant.
    expect(await reopened.getCase('u25-1')).toBeUndefined();
    expect(await reopened.casesOfCustomer('123D456789')).toEqual([]);
    expect(await reopened.allCases()).toEqual([]);
    expect(await reopened.commit({ cases: [{ ...u25Case, status: 'zurueckgegeben', version: 2 }] })).toEqual({ ok: true, queued: 0 });
    expect((await reopened.getU25Case('u25-1'))?.status).toBe('zurueckgegeben');
    await reopened.close();
  });
});

describe('U25 cases and the data subject', () => {
  it('exports and erases a customer\'s U25 case with the rest', async () => {
    const { testDeps, givenCustomer } = await import('../support/fixtures.js');
    const { exportCustomer, eraseCustomer } = await import('../../src/app/data-subject.js');
    const deps = await testDeps();
    await givenCustomer(deps, { group: 'u25' });
    await deps.store.commit({ cases: [u25Case] });
    const exported = await exportCustomer(deps, '123D456789', 'admin');
    expect(exported.ok && exported.u25Cases).toEqual([u25Case]);
    expect(await eraseCustomer(deps, '123D456789', 'admin')).toMatchObject({ ok: true });
    expect(await deps.store.allU25Cases()).toEqual([]);
  });
});
