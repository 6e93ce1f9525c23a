import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { atBerlin, berlinDate, berlinMinutesOfDay, berlinTime, calendarWeekOf, mondayOf, shiftDate } from '../../src/domain/berlin-time.js';

describe('Berlin time, looked up once per hour and day', () => {
  it('shows the same wall clock as a full time-zone conversion, every 15 minutes across both daylight-saving changes', () => {
    const days = [Date.UTC(2026, 2, 28), Date.UTC(2026, 9, 24), Date.UTC(2026, 11, 31)];
    for (const start of days) {
      for (let ms = start; ms < start + 3 * 86_400_000; ms += 15 * 60_000) {
        const instant = new Date(ms);
        const reference = new TZDate(ms, 'Europe/Berlin');
        expect([berlinDate(instant), berlinTime(instant), berlinMinutesOfDay(instant)]).toEqual([
          format(reference, 'yyyy-MM-dd'),
          format(reference, 'HH:mm'),
          reference.getHours() * 60 + reference.getMinutes()
        ]);
      }
    }
  });

  it('finds the instant of a wall-clock time in winter and in summer time', () => {
    expect(atBerlin('2026-03-28', '09:00').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(atBerlin('2026-03-30', '09:00').toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('counts days and ISO weeks across the turn of the year (week 53 of 2026)', () => {
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(calendarWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(mondayOf({ year: 2026, week: 53 })).toBe('2026-12-28');
  });
});
