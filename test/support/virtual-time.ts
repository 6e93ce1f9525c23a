import type { SenderOptions } from '../../src/delivery/outbox-sender.js';

/**
 * Virtual monotonic time: sleepers wake in time order, one per macrotask, and the clock jumps to the next wake-up.
 * So limits are checked without waiting, and time never moves between a rate-limit check and the send it allows.
 */
export function virtualTime(): Pick<SenderOptions, 'monotonicNow' | 'sleep'> {
  let t = 0;
  const timers: Array<{ at: number; wake: () => void }> = [];
  let scheduled = false;
  const tick = () => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    if (!next) return;
    t = Math.max(t, next.at);
    next.wake();
    if (timers.length) schedule();
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(tick);
    }
  };
  return {
    monotonicNow: () => t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        timers.push({ at: t + Math.max(ms, 0), wake });
        schedule();
      })
  };
}
