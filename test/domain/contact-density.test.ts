import { addInterval, contactCounts, dueDate, dueState, intervalFor, reminderWindowEnd } from '../../src/domain/contact-density.js';
import { intensiveQuota, quotaState } from '../../src/domain/intensive-quota.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { aCustomer, demoPolicy, STAFF } from '../support/fixtures.js';

const rule = demoPolicy().contactDensity;
const BW = workingCalendar('BW');
const lastContact = (date: string) => ({ contacts: [{ kind: 'persoenlich' as const, date, recordedBy: STAFF.anna }] });

describe('seed 003: minimum contact intervals', () => {
  it.each([
    ['u25', '2026-11-10', '2026-12-10'],
    ['marktnah', '2026-11-10', '2027-01-08'], // 10.01.2027 is a Sunday: due the Friday before
    ['marktfern', '2026-11-10', '2027-03-10']
  ] as const)('%s: last contact %s → due %s', (group, last, due) => {
    expect(dueDate(aCustomer({ group, ...lastContact(last) }), rule, BW)).toBe(due);
  });

  it('profile Z and I: every 6 months, overriding the group', () => {
    expect(dueDate(aCustomer({ group: 'u25', profile: 'Z', ...lastContact('2026-11-10') }), rule, BW)).toBe('2027-05-10');
    expect(intervalFor(aCustomer({ group: 'marktnah', profile: 'I' }), rule)).toEqual({ interval: { months: 6 }, source: 'profil' });
  });

  it('intensive: every 2 weeks, overriding profile and group', () => {
    expect(dueDate(aCustomer({ group: 'marktfern', profile: 'Z', intensive: true, ...lastContact('2026-11-10') }), rule, BW)).toBe('2026-11-24');
    expect(intervalFor(aCustomer({ profile: 'I', intensive: true }), rule).source).toBe('intensiv');
  });

  it('a due date on a weekend or public holiday is the working day before', () => {
    // 11.12.2026 + 2 weeks = 25.12.2026, Christmas Day: due Thursday 24.12.
    expect(dueDate(aCustomer({ intensive: true, ...lastContact('2026-12-11') }), rule, BW)).toBe('2026-12-24');
    // 14.11.2026 (a Saturday) as imported first day: due Friday 13.11.
    expect(dueDate(aCustomer({ registeredOn: '2026-11-14' }), rule, BW)).toBe('2026-11-13');
  });

  it('a customer without any contact is due the day they came (clearing)', () => {
    expect(dueDate(aCustomer({ registeredOn: '2026-11-20' }), rule, BW)).toBe('2026-11-20');
  });

  it('counts from the later of the imported last contact and the recorded ones', () => {
    expect(dueDate(aCustomer({ group: 'u25', lastContactImported: '2026-11-15', ...lastContact('2026-11-01') }), rule, BW)).toBe('2026-12-15');
    expect(dueDate(aCustomer({ group: 'u25', lastContactImported: '2026-10-01', ...lastContact('2026-11-01') }), rule, BW)).toBe('2026-12-01');
  });
});

describe('month arithmetic at month ends and in leap years (Berlin calendar)', () => {
  it.each([
    ['2027-01-31', { months: 1 }, '2027-02-28'],
    ['2028-01-31', { months: 1 }, '2028-02-29'],
    ['2026-08-31', { months: 6 }, '2027-02-28'],
    ['2027-08-31', { months: 6 }, '2028-02-29'],
    ['2026-10-31', { months: 4 }, '2027-02-28'],
    ['2026-12-31', { months: 2 }, '2027-02-28'],
    ['2028-02-29', { months: 12 }, '2029-02-28'],
    ['2026-03-20', { weeks: 2 }, '2026-04-03'], // across the change to summer time
    ['2026-10-20', { weeks: 2 }, '2026-11-03'] // across the change to winter time
  ])('%s + %j = %s', (from, interval, to) => {
    expect(addInterval(from, interval)).toBe(to);
  });
});

describe('due state over working days', () => {
  it('is overdue after the due date and due within the next N working days', () => {
    const end = reminderWindowEnd(BW, '2026-11-24', 5);
    expect(end).toBe('2026-12-01'); // Tue + 5 working days = next Tue
    expect(dueState('2026-11-23', '2026-11-24', end)).toBe('ueberfaellig');
    expect(dueState('2026-11-24', '2026-11-24', end)).toBe('faellig');
    expect(dueState('2026-12-01', '2026-11-24', end)).toBe('faellig');
    expect(dueState('2026-12-02', '2026-11-24', end)).toBe('ok');
  });

  it('skips weekends and public holidays when counting the working days', () => {
    // Mon 21.12.2026 + 5 working days: 22, 23, 24, (25, 26 holidays, 27 Sunday) 28, 29 → 29.12.
    expect(reminderWindowEnd(BW, '2026-12-21', 5)).toBe('2026-12-29');
  });
});

describe('what counts as a contact, and the intensive quota', () => {
  it('counts a group information only for marktfern customers who are not intensive', () => {
    expect(contactCounts('gruppe', aCustomer({ group: 'marktfern' }), rule)).toBe(true);
    expect(contactCounts('gruppe', aCustomer({ group: 'marktnah' }), rule)).toBe(false);
    expect(contactCounts('gruppe', aCustomer({ group: 'u25' }), rule)).toBe(false);
    expect(contactCounts('gruppe', aCustomer({ group: 'marktfern', intensive: true }), rule)).toBe(false);
    expect(contactCounts('telefonisch', aCustomer({ group: 'u25' }), rule)).toBe(true);
  });

  it('allows 3 intensive customers per full-time and 2 per part-time IFK', () => {
    expect(intensiveQuota({ partTime: false }, rule.intensiveQuota)).toBe(3);
    expect(intensiveQuota({ partTime: true }, rule.intensiveQuota)).toBe(2);
    expect([quotaState(2, 3), quotaState(3, 3), quotaState(4, 3)]).toEqual(['unter', 'erfuellt', 'ueber']);
  });
});
