import type { Clock } from './ports.js';

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `iso` and then runs with the machine's time (CLOCK_START in local mode): a test or demo can
 * begin just before a scheduled slot and see it fall due.
 */
export function runningClock(iso: string, machineNow: () => number = Date.now): Clock {
  const offset = new Date(iso).getTime() - machineNow();
  return { now: () => new Date(machineNow() + offset) };
}

/** A clock that stands still (CLOCK_FIXED in local mode, and tests); `set` moves it. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now.getTime()),
    set: (next) => {
      now = new Date(next);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    }
  };
}
