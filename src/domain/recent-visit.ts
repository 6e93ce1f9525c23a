import type { OutreachCase } from './outreach-case.js';

/**
 * issue 16 (seed 000 §2 gives no rule): AB visited this customer only days ago, so a new flag is likely a slip or
 * made without knowing that result. The flag card then shows that visit's result and the IFK confirms the new flag
 * explicitly. How many days count as recent is the policy's (`abFlagging.recentVisitDays`).
 */
export function recentVisit(cases: readonly OutreachCase[], now: Date, recentVisitDays: number): OutreachCase | undefined {
  const since = now.getTime() - recentVisitDays * 24 * 60 * 60 * 1000;
  return cases
    .filter((c) => c.status === 'besucht' && c.visit && new Date(c.visit.recordedAt).getTime() >= since)
    .sort((a, b) => a.visit!.recordedAt.localeCompare(b.visit!.recordedAt))
    .at(-1);
}
