import { targetWeekForFlag } from '../../src/domain/ab-deadline.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { at } from '../support/fixtures.js';

const BW = workingCalendar('BW');
const rule = { deadlineWeekday: 4, endOfService: () => '16:00' };
const target = (local: string, calendar = BW, r = rule) => {
  const t = targetWeekForFlag(new Date(at(local)), r, calendar);
  return `KW ${t.week.week}/${t.week.year}`;
};

describe('seed 000 §2: flags until Thursday, end of service, count for the following week', () => {
  it('puts a flag on Thursday 15:59 into next week and one at 16:01 into the week after', () => {
    expect(target('2026-11-26 15:59')).toBe('KW 49/2026');
    expect(target('2026-11-26 16:01')).toBe('KW 50/2026');
  });

  it('still accepts a flag at exactly 16:00', () => {
    expect(target('2026-11-26 16:00')).toBe('KW 49/2026');
  });

  it('puts a flag from Monday to Wednesday into next week and one from Friday to Sunday into the week after', () => {
    expect(target('2026-11-23 08:00')).toBe('KW 49/2026');
    expect(target('2026-11-25 18:00')).toBe('KW 49/2026');
    expect(target('2026-11-27 08:00')).toBe('KW 50/2026');
    expect(target('2026-11-29 12:00')).toBe('KW 50/2026');
  });

  it('counts ISO week 53 and crosses the year end', () => {
    // 2026 has 53 ISO weeks; 31.12.2026 is the Thursday of week 53.
    expect(target('2026-12-17 12:00')).toBe('KW 52/2026');
    expect(target('2026-12-24 15:00')).toBe('KW 53/2026');
    expect(target('2026-12-25 09:00')).toBe('KW 1/2027');
    expect(target('2026-12-31 15:00')).toBe('KW 1/2027');
    expect(target('2026-12-31 16:30')).toBe('KW 2/2027');
    expect(target('2027-12-30 10:00')).toBe('KW 1/2028');
  });

  it('moves the deadline to Wednesday when Thursday is a public holiday (Christi Himmelfahrt 14.05.2026)', () => {
    expect(target('2026-05-13 15:59')).toBe('KW 21/2026');
    expect(target('2026-05-13 16:01')).toBe('KW 22/2026');
    expect(target('2026-05-14 09:00')).toBe('KW 22/2026');
  });

  it('uses the configured Bundesland: Fronleichnam (27.05.2027) is a holiday in BW but not in Berlin', () => {
    expect(target('2027-05-27 10:00', BW)).toBe('KW 23/2027');
    expect(target('2027-05-27 10:00', workingCalendar('BE'))).toBe('KW 22/2027');
  });

  it('skips back over several holidays to the last working day', () => {
    // Thursday 01.04.2027 is an ordinary day; pretend with a calendar where Wednesday and Thursday are off.
    const closed = { isWorkingDay: (d: string) => !['2027-03-31', '2027-04-01'].includes(d) && BW.isWorkingDay(d), holidayName: () => undefined };
    expect(target('2027-03-30 15:00', closed)).toBe('KW 14/2027');
    expect(target('2027-03-30 16:30', closed)).toBe('KW 15/2027');
  });

  it('applies the deadline on the Berlin wall clock across the daylight-saving weekends', () => {
    // After the spring change (28.03.2027) 16:00 is 14:00 UTC; before the autumn change it was 14:00 UTC too, after it 15:00 UTC.
    expect(targetWeekForFlag(new Date('2027-04-01T13:59:00Z'), rule, BW).week.week).toBe(14);
    expect(targetWeekForFlag(new Date('2027-04-01T14:01:00Z'), rule, BW).week.week).toBe(15);
    expect(targetWeekForFlag(new Date('2027-03-25T14:30:00Z'), rule, BW).week.week).toBe(13); // 15:30 CET
    expect(targetWeekForFlag(new Date('2026-10-29T14:59:00Z'), rule, BW).week.week).toBe(45); // 15:59 CET
    expect(targetWeekForFlag(new Date('2026-10-29T15:01:00Z'), rule, BW).week.week).toBe(46); // 16:01 CET
  });

  it('takes end of service from the policy', () => {
    const early = { deadlineWeekday: 4, endOfService: () => '15:00' };
    expect(target('2026-11-26 15:30', BW, early)).toBe('KW 50/2026');
  });

  it('reports the deadline that was met, or the next one for a late flag', () => {
    const onTime = targetWeekForFlag(new Date(at('2026-11-24 10:00')), rule, BW);
    expect(onTime).toMatchObject({ late: false });
    expect(onTime.deadline.toISOString()).toBe(at('2026-11-26 16:00'));
    const late = targetWeekForFlag(new Date(at('2026-11-27 10:00')), rule, BW);
    expect(late.late).toBe(true);
    expect(late.deadline.toISOString()).toBe(at('2026-12-03 16:00'));
  });
});
