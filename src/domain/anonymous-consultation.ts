import type { VoluntaryApproach } from './voluntary-case.js';

/**
 * seed 002 §6: "In einigen Gesprächsformaten kann eine Vorsprache anonym erfolgen. Inhalte dieser anonymen Beratung
 * müssen nicht erfasst oder dokumentiert werden." Only a count: the approach, the team's week, no customer, no content.
 */
export interface AnonymousConsultation {
  readonly id: string;
  readonly approach: VoluntaryApproach;
  /** The team of whoever counted it, for the team's weekly digest. */
  readonly team: string;
  /** Storage key of the ISO week, e.g. `2026-W48`. */
  readonly week: string;
  readonly version: number;
}

/** This week's counts per approach (every approach listed, zero included). */
export function countsByApproach(entries: readonly AnonymousConsultation[], approaches: readonly VoluntaryApproach[]): Record<VoluntaryApproach, number> {
  const counts = Object.fromEntries(approaches.map((a) => [a, 0])) as Record<VoluntaryApproach, number>;
  for (const e of entries) counts[e.approach] = (counts[e.approach] ?? 0) + 1;
  return counts;
}

/**
 * seed 002 §6 names "einige Gesprächsformate": a Hausbesuch is at the customer's own door after letters addressed to
 * them, so it cannot be anonymous; a Walk and Talk or a Begleitung can.
 */
export const mayBeAnonymous = (approach: VoluntaryApproach): boolean => approach !== 'hausbesuch';
