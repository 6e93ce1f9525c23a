import { abStatus } from '../../src/domain/ab-availability.js';
import { routeToHb } from '../../src/domain/substitution.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { loadDirectory } from '../../src/config/directory.js';
import { at, DEMO_DIRECTORY, demoPolicy, STAFF } from '../support/fixtures.js';

const BW = workingCalendar('BW');
const rule = { officeStart: '08:00', endOfService: (d: string) => (d === '2026-11-27' ? '12:00' : '16:00'), fieldTimes: [{ weekday: 3, from: '08:00', to: '16:00' }] };
const status = (local: string, absences = [] as Parameters<typeof abStatus>[4], said = [] as Parameters<typeof abStatus>[5]) =>
  abStatus(STAFF.murat, new Date(at(local)), rule, BW, absences, said);

describe('seed 000 §3: is an AB available now?', () => {
  it('is available during service hours on an ordinary day', () => {
    expect(status('2026-11-24 10:00')).toBe('verfuegbar');
  });

  it('is not available before the start or from the end of service, nor on weekends and holidays', () => {
    expect(status('2026-11-24 07:59')).toBe('ausser-dienst');
    expect(status('2026-11-24 16:00')).toBe('ausser-dienst');
    expect(status('2026-11-27 12:30')).toBe('ausser-dienst'); // Friday, end of service 12:00
    expect(status('2026-11-28 10:00')).toBe('ausser-dienst'); // Saturday
    expect(status('2026-12-25 10:00')).toBe('ausser-dienst'); // 1. Weihnachtstag
  });

  it('is out during the policy\'s field times, unless the AB said "verfügbar" today', () => {
    expect(status('2026-11-25 10:00')).toBe('unterwegs'); // Wednesday
    expect(status('2026-11-25 10:00', [], [{ staffId: STAFF.murat, state: 'verfuegbar', date: '2026-11-25' }])).toBe('verfuegbar');
    expect(status('2026-11-26 10:00', [], [{ staffId: STAFF.murat, state: 'verfuegbar', date: '2026-11-25' }])).toBe('verfuegbar'); // yesterday's word has expired, no field time
    expect(status('2026-11-24 10:00', [], [{ staffId: STAFF.murat, state: 'unterwegs', date: '2026-11-24' }])).toBe('unterwegs');
  });

  it('is absent through the last day of the absence, whatever was said', () => {
    const absences = [{ staffId: STAFF.murat, until: '2026-11-26', setAt: '' }];
    expect(status('2026-11-26 10:00', absences, [{ staffId: STAFF.murat, state: 'verfuegbar', date: '2026-11-26' }])).toBe('abwesend');
    expect(status('2026-11-27 10:00', absences)).toBe('verfuegbar');
  });
});

describe('Vertretungsregelung: where a task for the HB goes', () => {
  const directory = loadDirectory(DEMO_DIRECTORY, demoPolicy().districts.map((d) => d.id));
  const away = (...ids: string[]) => ids.map((staffId) => ({ staffId, until: '2026-11-30', setAt: '' }));

  it('goes to the HB when present', () => {
    expect(routeToHb(directory, STAFF.anna, [], '2026-11-24')).toEqual({ recipients: [STAFF.anna], assignees: [STAFF.anna], via: 'hb' });
  });

  it('goes to the first present person of the substitute list, and the HB keeps it for the return', () => {
    expect(routeToHb(directory, STAFF.anna, away(STAFF.anna), '2026-11-24')).toEqual({ recipients: [STAFF.jonas], assignees: [STAFF.jonas, STAFF.anna], via: 'vertretung' });
  });

  it('skips the HB in the list and absent substitutes', () => {
    // team 521's list is [Jonas, Anna]: for Jonas as HB, Anna is next.
    expect(routeToHb(directory, STAFF.jonas, away(STAFF.jonas), '2026-11-24').recipients).toEqual([STAFF.anna]);
  });

  it('goes to the team lead when nobody on the list is present', () => {
    expect(routeToHb(directory, STAFF.anna, away(STAFF.anna, STAFF.jonas), '2026-11-24')).toEqual({ recipients: [STAFF.petra], assignees: [STAFF.petra, STAFF.anna], via: 'teamleitung' });
  });

  it('falls back to the HB when even the team lead is away, so the task is not lost', () => {
    expect(routeToHb(directory, STAFF.anna, away(STAFF.anna, STAFF.jonas, STAFF.petra), '2026-11-24').recipients).toEqual([STAFF.anna]);
  });

  it('applies only while the absence lasts', () => {
    expect(routeToHb(directory, STAFF.anna, away(STAFF.anna), '2026-12-01').via).toBe('hb');
  });
});
