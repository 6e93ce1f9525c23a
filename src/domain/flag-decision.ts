import type { ChecklistEntry, PrerequisiteCheck } from './ab-prerequisites.js';
import type { OutreachCase } from './outreach-case.js';

export interface FlagRequest {
  readonly reason: string;
  readonly invitationInMailbox: boolean;
  /** The IFK saw the result of the recent visit and flags all the same. */
  readonly confirmedDespiteRecentVisit?: boolean;
}

export type FlagRefusal =
  | { readonly ok: false; readonly reason: 'bereits-vorgemerkt'; readonly weekKey: string }
  | { readonly ok: false; readonly reason: 'voraussetzungen-fehlen'; readonly checklist: readonly ChecklistEntry[] }
  | { readonly ok: false; readonly reason: 'begruendung-fehlt' | 'begruendung-zu-lang' | 'postfach-fehlt' | 'kuerzlich-besucht' };

/** May the IFK flag this customer now? The refusals in the order the IFK meets them on the card. */
export function decideFlag(
  check: PrerequisiteCheck,
  openCase: OutreachCase | undefined,
  request: FlagRequest,
  reasonMaxLength: number,
  recentVisit?: OutreachCase
): { ok: true; reason: string } | FlagRefusal {
  if (openCase) return { ok: false, reason: 'bereits-vorgemerkt', weekKey: openCase.targetWeek };
  // seed 000 §2: invitation without RFB → no-show, with RFB → no-show, then two calls on different days and times.
  if (!check.ok) return { ok: false, reason: 'voraussetzungen-fehlen', checklist: check.checklist };
  const reason = request.reason.trim();
  // seed 000 §2: the IFK decides on the merits (Sinnhaftigkeit) and says why.
  if (!reason) return { ok: false, reason: 'begruendung-fehlt' };
  if (reason.length > reasonMaxLength) return { ok: false, reason: 'begruendung-zu-lang' };
  // seed 000 §2: the HB's printed invitation with RFB goes into the AB mailbox alongside the flag.
  if (!request.invitationInMailbox) return { ok: false, reason: 'postfach-fehlt' };
  // issue 16: a visit only days ago: its result is on the card, and the new flag needs the IFK's confirmation.
  if (recentVisit && !request.confirmedDespiteRecentVisit) return { ok: false, reason: 'kuerzlich-besucht' };
  return { ok: true, reason };
}
