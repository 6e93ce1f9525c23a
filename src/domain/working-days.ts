import Holidays from 'date-holidays';
import { isoWeekday, shiftDate, type LocalDate } from './berlin-time.js';

/** Decides which days are working days: Monday to Friday except the public holidays of one Bundesland. */
export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  holidayName(date: LocalDate): string | undefined;
}

export function workingCalendar(bundesland: string): WorkingCalendar {
  const holidays = new Holidays('DE', bundesland, { types: ['public'] });
  const cache = new Map<number, Map<LocalDate, string>>();
  const byYear = (year: number): Map<LocalDate, string> => {
    let days = cache.get(year);
    if (!days) {
      days = new Map(holidays.getHolidays(year).filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]));
      cache.set(year, days);
    }
    return days;
  };
  const holidayName = (date: LocalDate) => byYear(Number(date.slice(0, 4))).get(date);
  return {
    holidayName,
    isWorkingDay: (date) => isoWeekday(date) <= 5 && holidayName(date) === undefined
  };
}

/** The latest working day on or before `date`. */
export function workingDayOnOrBefore(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = shiftDate(day, -1);
  return day;
}
