import { runDueJobs } from '../../src/jobs/scheduler.js';
import { latestSlot } from '../../src/jobs/schedule.js';
import type { Job } from '../../src/jobs/job-catalogue.js';
import { silentLogger } from '../../src/log.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { workingCalendar } from '../../src/domain/working-days.js';
import { at, testDeps } from '../support/fixtures.js';

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
