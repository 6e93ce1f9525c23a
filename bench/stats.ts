export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Run `total` calls from `concurrency` callers at once; returns each call's duration in ms. */
export async function measureConcurrent(total: number, concurrency: number, call: (i: number) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await call(i);
        durations.push(performance.now() - t);
      }
    })
  );
  return durations;
}
