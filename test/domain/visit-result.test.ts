import type { OutreachCase } from '../../src/domain/outreach-case.js';
import { decideVisitResult, type VisitResultInput } from '../../src/domain/visit-result.js';
import { at, STAFF } from '../support/fixtures.js';

const outreach: OutreachCase = {
  id: 'c1', approach: 'ab-besuch', kdnr: '123D456789', district: 'nord', hbId: STAFF.anna, flaggedBy: STAFF.anna,
  flaggedAt: at('2026-11-19 10:00'), targetWeek: '2026-W48', reason: 'x', invitationInMailbox: true, status: 'vorgemerkt', version: 1
};
const input: VisitResultInput = { outcome: 'angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-12-03' };
const now = new Date(at('2026-11-24 11:00'));

describe('seed 000 §2: the visit result', () => {
  it('records a result for an open flag', () => {
    const d = decideVisitResult(outreach, input, STAFF.murat, now);
    expect(d).toMatchObject({ ok: true, result: { outcome: 'angetroffen', recordedBy: STAFF.murat } });
  });

  it('requires the Verbis note before the HB is informed', () => {
    expect(decideVisitResult(outreach, { ...input, verbisNoteWritten: false }, STAFF.murat, now)).toEqual({ ok: false, reason: 'verbis-vermerk-fehlt' });
  });

  it('allows Meet and Walk and information only when the customer was met', () => {
    expect(decideVisitResult(outreach, { ...input, outcome: 'nicht-angetroffen', meetAndWalk: true }, STAFF.murat, now)).toEqual({ ok: false, reason: 'nur-bei-angetroffen' });
    expect(decideVisitResult(outreach, { ...input, outcome: 'nicht-angetroffen', lowThresholdInfo: true }, STAFF.murat, now)).toEqual({ ok: false, reason: 'nur-bei-angetroffen' });
    expect(decideVisitResult(outreach, { ...input, meetAndWalk: true, lowThresholdInfo: true }, STAFF.murat, now).ok).toBe(true);
  });

  it('refuses an invitation appointment before today', () => {
    expect(decideVisitResult(outreach, { ...input, appointmentDate: '2026-11-23' }, STAFF.murat, now)).toEqual({ ok: false, reason: 'termin-vor-besuch' });
    expect(decideVisitResult(outreach, { ...input, appointmentDate: '2026-11-24' }, STAFF.murat, now).ok).toBe(true);
  });

  it('refuses a second result for the same flag', () => {
    expect(decideVisitResult({ ...outreach, status: 'besucht' }, input, STAFF.murat, now)).toEqual({ ok: false, reason: 'fall-bereits-erledigt' });
  });
});
