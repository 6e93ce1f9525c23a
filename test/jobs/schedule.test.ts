import { runDueJobs } from '../../src/jobs/scheduler.js';
import { latestSlot } from '../../src/jobs/schedule.js';
import type { Job } from '../../src/jobs/job-catalogue.js';
import { silentLogger } from '../../src/log.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { manualRunText, runJobByHand } from '../../src/jobs/manual-run.js';
import { at, givenCustomer, testDeps } from '../support/fixtures.js';

const BW = workingCalendar('BW');
const slot = (when: Parameters<typeof latestSlot>[0], local: string) => latestSlot(when, new Date(at(local)), BW);

describe('the schedule: working days of the Bundesland, Berlin time', () => {
  const daily = { kind: 'working-days', time: '07:30' } as const;
  it('is due today once the time has come, else on the last working day', () => {
    expect(slot(daily, '2026-11-24 07:30')).toBe(at('2026-11-24 07:30'));
    expect(slot(daily, '2026-11-24 07:29')).toBe(at('2026-11-23 07:30'));
  });

  it('skips weekends and public holidays', () => {
    expect(slot(daily, '2026-11-29 12:00')).toBe(at('2026-11-27 07:30')); // Sunday → Friday
    expect(slot(daily, '2026-12-26 12:00')).toBe(at('2026-12-24 07:30')); // Christmas → 24.12.
    expect(slot(daily, '2026-05-14 09:00')).toBe(at('2026-05-13 07:30')); // Christi Himmelfahrt → Wednesday
  });

  it('runs the weekly digest on the first working day of the week', () => {
    const weekly = { kind: 'week-start', time: '07:00' } as const;
    expect(slot(weekly, '2026-11-23 07:00')).toBe(at('2026-11-23 07:00'));
    expect(slot(weekly, '2026-11-23 06:59')).toBe(at('2026-11-16 07:00'));
    expect(slot(weekly, '2026-11-26 12:00')).toBe(at('2026-11-23 07:00'));
    // Ostermontag 29.03.2027: the week starts on Tuesday.
    expect(slot(weekly, '2027-03-29 12:00')).toBe(at('2027-03-22 07:00'));
    expect(slot(weekly, '2027-03-30 07:00')).toBe(at('2027-03-30 07:00'));
  });
});

describe('jobs survive restarts', () => {
  it('runs a job missed while the bot was down exactly once after the restart, and not again', async () => {
    const deps = await testDeps('2026-11-24 07:00');
    let runs = 0;
    const job: Job = { name: 'faellige-kontakte', when: { kind: 'working-days', time: '07:30' }, run: async () => ++runs };
    expect(await runDueJobs(deps, silentLogger, [job])).toEqual(['faellige-kontakte']); // Monday's slot, first start
    expect(await runDueJobs(deps, silentLogger, [job])).toEqual([]);
    await deps.store.close();

    // Down over 07:30; back at 09:00 with a new store on the same files.
    const restarted = { ...deps, store: await LowdbStore.open(deps.dataDir) };
    restarted.clock.set(at('2026-11-24 09:00'));
    expect(await runDueJobs(restarted, silentLogger, [job])).toEqual(['faellige-kontakte']);
    expect(await runDueJobs(restarted, silentLogger, [job])).toEqual([]);
    expect(runs).toBe(2);
    // Down for several days: the latest missed run happens once, not one per missed day.
    restarted.clock.set(at('2026-11-27 10:00'));
    expect(await runDueJobs(restarted, silentLogger, [job])).toEqual(['faellige-kontakte']);
    expect(runs).toBe(3);
  });
});

describe('jobs respect weekends and holidays (Baden-Württemberg in the demo policy)', () => {
  it('a run missed before Christmas is not caught up on 25./26.12. but on the next working day, once', async () => {
    const deps = await testDeps('2026-12-23 09:00');
    let runs = 0;
    const job: Job = { name: 'faellige-kontakte', when: { kind: 'working-days', time: '07:30' }, run: async () => ++runs };
    expect(await runDueJobs(deps, silentLogger, [job])).toEqual(['faellige-kontakte']);
    // Down over the morning of 24.12.; back on Christmas Day.
    deps.clock.set(at('2026-12-25 10:00'));
    expect(await runDueJobs(deps, silentLogger, [job])).toEqual([]);
    deps.clock.set(at('2026-12-27 10:00')); // Sunday
    expect(await runDueJobs(deps, silentLogger, [job])).toEqual([]);
    deps.clock.set(at('2026-12-28 06:00')); // Monday, before the job's time: the missed slot of 24.12. is still owed
    expect(await runDueJobs(deps, silentLogger, [job])).toEqual(['faellige-kontakte']);
    expect(runs).toBe(2);
  });

  it('`npm run job -- faellige-kontakte` on 26.12. sends nothing and says why; on a working day it says what is new', async () => {
    const deps = await testDeps('2026-12-26 09:00');
    await givenCustomer(deps, { lastContactImported: '2026-06-01' }); // overdue for Anna
    const holiday = await runJobByHand(deps, 'faellige-kontakte');
    expect(holiday).toEqual({ ran: false, date: '2026-12-26', at: '2026-12-26T08:00:00.000Z' });
    expect(manualRunText('faellige-kontakte', holiday, false)).toBe('Job faellige-kontakte: Sa. 26.12.2026 ist kein Arbeitstag – nichts gesendet. Der Zeitplan holt ihn am nächsten Arbeitstag nach.');
    expect(await deps.store.allNotifications()).toHaveLength(0);

    deps.clock.set(at('2026-12-28 09:00'));
    const first = await runJobByHand(deps, 'faellige-kontakte');
    expect(first).toEqual({ ran: true, count: 1, at: '2026-12-28T08:00:00.000Z' });
    // Sent to a running bot, the job ran by the bot's clock, and the answer says which time that was.
    expect(manualRunText('faellige-kontakte', first, true)).toBe('Job faellige-kontakte ausgeführt: 1 neu – der laufende Bot stellt sie sofort zu. Uhr des laufenden Bots: Mo. 28.12.2026, 09:00 Uhr.');
    const again = await runJobByHand(deps, 'faellige-kontakte');
    expect(manualRunText('faellige-kontakte', again, false)).toBe('Job faellige-kontakte ausgeführt: nichts Neues (bereits gesendet oder nichts fällig).');
    expect(await deps.store.allNotifications()).toHaveLength(1);
  });
});
