import { bookCallback } from '../../src/domain/callback-booking.js';
import type { MissedAppointmentCase } from '../../src/domain/missed-appointment.js';
import { decideTalkResult, type TalkInput } from '../../src/domain/talk-result.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { at, STAFF } from '../support/fixtures.js';

const BW = workingCalendar('BW');
const endOfService = (d: string) => (d === '2026-11-27' ? '12:00' : '16:00');
const rule = { officeStart: '08:00', endOfService, escalateMinutesBeforeEnd: 60 };
const book = (local: string) => bookCallback(new Date(at(local)), rule, BW);

describe('seed 000 §3: booking the same-day callback', () => {
  it('books for today, from now until end of service, escalating an hour before', () => {
    expect(book('2026-11-24 10:17')).toEqual({ date: '2026-11-24', from: '10:17', to: '16:00', nextWorkingDay: false, escalateAt: at('2026-11-24 15:00') });
  });

  it('starts the window at the start of service when booked earlier', () => {
    expect(book('2026-11-24 07:30')).toMatchObject({ date: '2026-11-24', from: '08:00', nextWorkingDay: false });
  });

  it('books for the next working day after end of service, and says so', () => {
    expect(book('2026-11-24 16:00')).toMatchObject({ date: '2026-11-25', from: '08:00', to: '16:00', nextWorkingDay: true, escalateAt: at('2026-11-25 15:00') });
    expect(book('2026-11-27 12:05')).toMatchObject({ date: '2026-11-30', nextWorkingDay: true }); // Friday 12:00 → Monday
  });

  it('skips a public holiday in between', () => {
    // Wednesday 13.05.2026 after end of service; Thursday is Christi Himmelfahrt.
    expect(book('2026-05-13 16:30')).toMatchObject({ date: '2026-05-15', nextWorkingDay: true });
    expect(book('2026-12-24 17:00')).toMatchObject({ date: '2026-12-28' }); // 25./26.12 holidays, weekend
  });

  it('uses the end of service of the booked day for the window and the escalation', () => {
    expect(book('2026-11-27 09:00')).toMatchObject({ to: '12:00', escalateAt: at('2026-11-27 11:00') });
  });
});

describe('seed 000 §3: the talk result', () => {
  const claimed: MissedAppointmentCase = {
    id: 'm1', kind: 'ab-gespraech', kdnr: '123D456789', hbId: STAFF.anna, team: 'team-521', reportedBy: STAFF.sabine,
    reportedAt: at('2026-11-24 09:30'), status: 'uebernommen', claimedBy: STAFF.murat, claimedAt: at('2026-11-24 09:35'), version: 2
  };
  const followUpRule = { officeStart: '08:00', endOfService, durationMinutes: 60 };
  const now = new Date(at('2026-11-24 10:30'));
  const input: TalkInput = { reasonsCleared: true, motivated: true, verbisNoteWritten: true, followUp: { date: '2026-11-26', time: '10:00' } };
  const decide = (c: MissedAppointmentCase, i: TalkInput, actor: string = STAFF.murat) => decideTalkResult(c, i, actor, now, followUpRule, BW);

  it('records the talk with the 1-hour follow-up with the HB', () => {
    expect(decide(claimed, input)).toMatchObject({ ok: true, result: { followUp: { date: '2026-11-26', time: '10:00' }, recordedBy: STAFF.murat } });
  });

  it('needs the Verbis note and, after an AB talk, the follow-up', () => {
    expect(decide(claimed, { ...input, verbisNoteWritten: false })).toEqual({ ok: false, reason: 'verbis-vermerk-fehlt' });
    expect(decide(claimed, { ...input, followUp: undefined })).toEqual({ ok: false, reason: 'folgetermin-fehlt' });
  });

  it('refuses a follow-up in the past, on a day off, or not fitting into service hours', () => {
    expect(decide(claimed, { ...input, followUp: { date: '2026-11-24', time: '10:00' } })).toEqual({ ok: false, reason: 'folgetermin-vergangen' });
    expect(decide(claimed, { ...input, followUp: { date: '2026-11-28', time: '10:00' } })).toEqual({ ok: false, reason: 'folgetermin-kein-arbeitstag' });
    expect(decide(claimed, { ...input, followUp: { date: '2026-12-25', time: '10:00' } })).toEqual({ ok: false, reason: 'folgetermin-kein-arbeitstag' });
    expect(decide(claimed, { ...input, followUp: { date: '2026-11-26', time: '15:30' } })).toEqual({ ok: false, reason: 'folgetermin-ausserhalb-dienstzeit' });
    expect(decide(claimed, { ...input, followUp: { date: '2026-11-26', time: '07:30' } })).toEqual({ ok: false, reason: 'folgetermin-ausserhalb-dienstzeit' });
    expect(decide(claimed, { ...input, followUp: { date: '2026-11-26', time: '15:00' } }).ok).toBe(true);
  });

  it('needs no follow-up after a callback', () => {
    const callback = { ...claimed, kind: 'rueckruf' as const, claimedBy: STAFF.jonas };
    expect(decide(callback, { ...input, followUp: undefined }, STAFF.jonas)).toMatchObject({ ok: true, result: { followUp: undefined } });
  });

  it('lets only the one who claimed record it, once', () => {
    expect(decide(claimed, input, STAFF.lena)).toEqual({ ok: false, reason: 'nicht-ihr-gespraech' });
    expect(decide({ ...claimed, status: 'offen', claimedBy: undefined }, input)).toEqual({ ok: false, reason: 'nicht-uebernommen' });
    expect(decide({ ...claimed, status: 'erledigt' }, input)).toEqual({ ok: false, reason: 'gespraech-bereits-erfasst' });
  });
});
