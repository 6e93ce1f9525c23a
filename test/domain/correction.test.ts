import { attemptFitsSequence } from '../../src/domain/contact-attempt.js';
import { lastCorrectionDay, mayWithdraw } from '../../src/domain/correction.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { attempt, STAFF } from '../support/fixtures.js';

const BW = workingCalendar('BW');

describe('correcting a slip: the person who recorded it, the same or the next working day', () => {
  it('the next working day skips weekends and holidays (Friday → Monday; 24.12. → 28.12.)', () => {
    expect(lastCorrectionDay(BW, '2026-11-24')).toBe('2026-11-25');
    expect(lastCorrectionDay(BW, '2026-11-27')).toBe('2026-11-30');
    expect(lastCorrectionDay(BW, '2026-12-24')).toBe('2026-12-28');
    expect(lastCorrectionDay(BW, '2026-10-02')).toBe('2026-10-05'); // Tag der Deutschen Einheit on a Saturday
  });

  it('refuses someone else, a late correction and a missing reason, in that order', () => {
    const entry = { recordedBy: STAFF.anna, recordedOn: '2026-11-27' };
    expect(mayWithdraw(entry, STAFF.jonas, '2026-11-27', 'x', BW)).toEqual({ ok: false, reason: 'nicht-ihr-eintrag' });
    expect(mayWithdraw(entry, STAFF.anna, '2026-12-01', 'x', BW)).toEqual({ ok: false, reason: 'korrekturfrist-abgelaufen' });
    expect(mayWithdraw(entry, STAFF.anna, '2026-11-30', '  ', BW)).toEqual({ ok: false, reason: 'korrektur-begruendung-fehlt' });
    expect(mayWithdraw(entry, STAFF.anna, '2026-11-30', 'Tippfehler', BW)).toEqual({ ok: true });
  });
});

describe('seed 000 §2: a no-show answers an invitation', () => {
  it('is refused before any invitation, and a withdrawn invitation does not count', () => {
    const invitation = attempt('einladung', '2026-11-10 10:00');
    expect(attemptFitsSequence([], 'nicht-erschienen', '2026-11-17T09:00:00.000Z')).toEqual({ ok: false, reason: 'nichterscheinen-vor-einladung' });
    expect(attemptFitsSequence([invitation], 'nicht-erschienen', '2026-11-09T09:00:00.000Z')).toEqual({ ok: false, reason: 'nichterscheinen-vor-einladung' });
    expect(attemptFitsSequence([invitation], 'nicht-erschienen', '2026-11-17T09:00:00.000Z')).toEqual({ ok: true });
    const withdrawn = { ...invitation, withdrawn: { by: STAFF.anna, at: '2026-11-10T10:00:00.000Z', reason: 'falscher Kunde' } };
    expect(attemptFitsSequence([withdrawn], 'nicht-erschienen', '2026-11-17T09:00:00.000Z')).toEqual({ ok: false, reason: 'nichterscheinen-vor-einladung' });
    expect(attemptFitsSequence([], 'anruf', '2026-11-17T09:00:00.000Z')).toEqual({ ok: true });
  });
});
