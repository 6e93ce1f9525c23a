import { checkAbPrerequisites } from '../../src/domain/ab-prerequisites.js';
import { aCustomer, attempt, fullAttempts } from '../support/fixtures.js';

const rule = { minMinutesBetweenCallTimes: 120 };
const statusOf = (c: ReturnType<typeof aCustomer>) => Object.fromEntries(checkAbPrerequisites(c, rule).checklist.map((e) => [e.item, e.status]));
const upToRfbNoShow = () => fullAttempts().slice(0, 4);

describe('seed 000 §2: prerequisites for flagging a customer for AB', () => {
  it('accepts the full sequence: invitation, no-show, invitation with RFB, no-show, two calls on different days and times', () => {
    const check = checkAbPrerequisites(aCustomer({ attempts: fullAttempts() }), rule);
    expect(check.ok).toBe(true);
    expect(check.checklist.every((e) => e.status === 'erfuellt')).toBe(true);
  });

  it('refuses a customer with nothing recorded and lists every step as missing', () => {
    const check = checkAbPrerequisites(aCustomer(), rule);
    expect(check.ok).toBe(false);
    expect(check.checklist.map((e) => e.status)).toEqual(['fehlt', 'fehlt', 'fehlt', 'fehlt', 'fehlt', 'fehlt']);
  });

  it('requires the first invitation without RFB for an adult, even when an RFB invitation and calls exist', () => {
    const attempts = fullAttempts().slice(2);
    const s = statusOf(aCustomer({ attempts }));
    expect(s['einladung-ohne-rfb']).toBe('fehlt');
    expect(checkAbPrerequisites(aCustomer({ attempts }), rule).ok).toBe(false);
  });

  it('lets long-term unemployed under-25s start with the RFB invitation (their first invitation carries it)', () => {
    const attempts = fullAttempts().slice(2);
    const c = aCustomer({ group: 'u25', longTermUnemployed: true, attempts });
    const check = checkAbPrerequisites(c, rule);
    expect(check.ok).toBe(true);
    expect(statusOf(c)['einladung-ohne-rfb']).toBe('entfaellt');
    expect(statusOf(c)['nicht-erschienen-ohne-rfb']).toBe('entfaellt');
  });

  it('does not grant the exception to under-25s who are not long-term unemployed, nor to long-term unemployed adults', () => {
    const attempts = fullAttempts().slice(2);
    expect(checkAbPrerequisites(aCustomer({ group: 'u25', longTermUnemployed: false, attempts }), rule).ok).toBe(false);
    expect(checkAbPrerequisites(aCustomer({ group: 'marktfern', longTermUnemployed: true, attempts }), rule).ok).toBe(false);
  });

  it('refuses two calls on the same day, naming the missing other day', () => {
    const c = aCustomer({ attempts: [...upToRfbNoShow(), attempt('anruf', '2026-10-21 09:00'), attempt('anruf', '2026-10-21 15:00')] });
    const check = checkAbPrerequisites(c, rule);
    expect(check.ok).toBe(false);
    expect(check.checklist.find((e) => e.item === 'zweiter-anruf')).toMatchObject({ status: 'fehlt', gap: 'anderer-tag' });
  });

  it('refuses two calls on different days at the same time of day, naming the missing other time', () => {
    const c = aCustomer({ attempts: [...upToRfbNoShow(), attempt('anruf', '2026-10-21 09:00'), attempt('anruf', '2026-10-22 09:00')] });
    expect(checkAbPrerequisites(c, rule).checklist.find((e) => e.item === 'zweiter-anruf')).toMatchObject({ status: 'fehlt', gap: 'andere-uhrzeit' });
  });

  it('treats times of day closer than the policy gap as the same time (09:00 and 10:30 with a 2-hour gap)', () => {
    const c = aCustomer({ attempts: [...upToRfbNoShow(), attempt('anruf', '2026-10-21 09:00'), attempt('anruf', '2026-10-22 10:30')] });
    expect(checkAbPrerequisites(c, rule).ok).toBe(false);
    expect(checkAbPrerequisites(c, { minMinutesBetweenCallTimes: 60 }).ok).toBe(true);
  });

  it('finds a valid pair among several calls', () => {
    const calls = [attempt('anruf', '2026-10-21 09:00'), attempt('anruf', '2026-10-21 09:30'), attempt('anruf', '2026-10-24 13:00')];
    expect(checkAbPrerequisites(aCustomer({ attempts: [...upToRfbNoShow(), ...calls] }), rule).ok).toBe(true);
  });

  it('compares times of day on the Berlin wall clock across a daylight-saving change', () => {
    // 09:00 in summer time (CEST) and 09:00 in winter time (CET) are an hour apart in UTC but the same time of day.
    const base = [attempt('einladung', '2026-09-01'), attempt('nicht-erschienen', '2026-09-08'), attempt('einladung-rfb', '2026-09-15'), attempt('nicht-erschienen', '2026-09-22')];
    const c = aCustomer({ attempts: [...base, attempt('anruf', '2026-10-23 09:00'), attempt('anruf', '2026-10-27 09:00')] });
    expect(checkAbPrerequisites(c, rule).checklist.find((e) => e.item === 'zweiter-anruf')).toMatchObject({ gap: 'andere-uhrzeit' });
  });

  it('counts calls only after the no-show to the invitation with RFB', () => {
    const early = [attempt('anruf', '2026-09-20 09:00'), attempt('anruf', '2026-09-22 14:00')];
    const c = aCustomer({ attempts: [...early, ...upToRfbNoShow()] });
    const s = statusOf(c);
    expect(s['erster-anruf']).toBe('fehlt');
    expect(s['zweiter-anruf']).toBe('fehlt');
  });

  it('does not count a no-show recorded before its invitation', () => {
    const c = aCustomer({ attempts: [attempt('nicht-erschienen', '2026-09-30'), attempt('einladung', '2026-10-01')] });
    expect(statusOf(c)['nicht-erschienen-ohne-rfb']).toBe('fehlt');
  });

  it('requires the RFB invitation to follow the first no-show', () => {
    const c = aCustomer({ attempts: [attempt('einladung-rfb', '2026-09-01'), attempt('einladung', '2026-09-10'), attempt('nicht-erschienen', '2026-09-17')] });
    expect(statusOf(c)['einladung-mit-rfb']).toBe('fehlt');
  });
});
