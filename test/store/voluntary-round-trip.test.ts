import { LowdbStore } from '../../src/store/lowdb-store.js';
import type { AnonymousConsultation } from '../../src/domain/anonymous-consultation.js';
import type { VoluntaryOutreachCase } from '../../src/domain/voluntary-case.js';
import { STAFF, tempDir } from '../support/fixtures.js';

const visit: VoluntaryOutreachCase = {
  id: 'hb-1',
  approach: 'hausbesuch',
  kdnr: '123D456789',
  hbId: STAFF.anna,
  plannedBy: STAFF.anna,
  plannedAt: '2026-11-23T09:00:00.000Z',
  date: '2026-12-18',
  time: '10:00',
  secondPersonId: STAFF.jonas,
  substituteId: STAFF.petra,
  teamLeadIds: [STAFF.petra],
  status: 'geplant',
  version: 1
};
const anonymous: AnonymousConsultation = { id: 'a-1', approach: 'walk-and-talk', team: 'team-521', week: '2026-W48', version: 1 };

describe('voluntary cases and anonymous counts in the store', () => {
  it('round-trips both through a reopened store; the AB and U25 readers never see a voluntary case', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir);
    expect(await store.commit({ cases: [visit], anonymousConsultations: [anonymous] })).toEqual({ ok: true, queued: 0 });
    // A count is written once: the same record again is a conflict.
    expect(await store.commit({ anonymousConsultations: [anonymous] })).toEqual({ ok: false, reason: 'konflikt' });
    await store.close();

    const reopened = await LowdbStore.open(dir);
    expect(await reopened.getVoluntaryCase('hb-1')).toEqual(visit);
    expect(await reopened.voluntaryCasesOfCustomer('123D456789')).toEqual([visit]);
    expect(await reopened.anonymousConsultations('2026-W48')).toEqual([anonymous]);
    expect(await reopened.anonymousConsultations('2026-W49')).toEqual([]);
    expect(await reopened.getCase('hb-1')).toBeUndefined();
    expect(await reopened.allCases()).toEqual([]);
    expect(await reopened.allU25Cases()).toEqual([]);
    expect(await reopened.commit({ cases: [{ ...visit, status: 'abgesagt', version: 2 }] })).toEqual({ ok: true, queued: 0 });
    expect(await reopened.commit({ cases: [{ ...visit, status: 'abgeschlossen', version: 2 }] })).toEqual({ ok: false, reason: 'konflikt' });
    await reopened.close();
  });
});
