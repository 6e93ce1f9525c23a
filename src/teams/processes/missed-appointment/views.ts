import { followUpRule } from '../../../config/policy.js';
import type { AbStatus } from '../../../domain/ab-availability.js';
import type { MissedAppointmentCase } from '../../../domain/missed-appointment.js';
import type { StaffId } from '../../../domain/staff.js';
import { latestFollowUpStart } from '../../../domain/talk-result.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateTimeDe, weekdayDateDe } from '../../format.js';
import { staffName, teamName, type FormState, type ViewContext } from '../../view-context.js';

/** Cards of the Meldeversäumnis and the same-day callback (seed 000 §3). */

export const AB_STATUS_LABEL: Record<AbStatus, string> = {
  verfuegbar: 'verfügbar',
  unterwegs: 'unterwegs',
  abwesend: 'abwesend',
  'ausser-dienst': 'außerhalb der Dienstzeit'
};

export function slotDe(ctx: ViewContext, slot: NonNullable<MissedAppointmentCase['slot']>): string {
  const day = slot.date === ctx.today ? 'heute' : slot.nextWorkingDay ? `nächster Arbeitstag, ${weekdayDateDe(slot.date)}` : weekdayDateDe(slot.date);
  return `${day}, ${slot.from}–${slot.to} Uhr`;
}

export function talkFormCard(ctx: ViewContext, missed: MissedAppointmentCase, state: FormState = {}): AdaptiveCardJson {
  return renderCard('talk-form', {
    title: missed.kind === 'rueckruf' ? 'Rückruf zum Meldeversäumnis' : 'Gespräch zum Meldeversäumnis',
    kdnr: missed.kdnr,
    hb: staffName(ctx, missed.hbId),
    team: teamName(ctx, missed.team),
    error: state.error ?? '',
    done: state.done ?? '',
    showForm: missed.status === 'uebernommen' && !state.done,
    needsFollowUp: missed.kind === 'ab-gespraech',
    // seed 000 §3 callback: a customer who does not answer is tried again or invited by the HB (callback-unreached.ts).
    showUnreached: missed.kind === 'rueckruf' && missed.status === 'uebernommen' && !state.done,
    unreachedText: unreachedText(ctx, missed),
    today: ctx.today,
    officeStart: ctx.policy.officeStart,
    // A hint for the time picker; the rule itself checks the chosen day's end of service.
    lastStart: latestFollowUpStart(followUpRule(ctx.policy), ctx.today),
    caseId: missed.id,
    version: missed.version
  });
}

/** How often the callback did not reach the customer so far, for the team that tries again. */
export function unreachedText(ctx: ViewContext, missed: MissedAppointmentCase): string {
  const tries = missed.unreached ?? [];
  const last = tries.at(-1);
  return last ? `Kunde bisher ${tries.length}× nicht erreicht, zuletzt ${dateTimeDe(last.at)} (${staffName(ctx, last.by)}).` : '';
}

export interface CallbackOffer {
  readonly kdnr: string;
  /** The placement team a callback would be booked in. */
  readonly team: string;
  readonly statuses: ReadonlyArray<{ readonly staffId: StaffId; readonly status: AbStatus }>;
}

export function callbackOfferCard(ctx: ViewContext, offer: CallbackOffer, state: FormState = {}): AdaptiveCardJson {
  return renderCard('callback-offer', {
    kdnr: offer.kdnr,
    team: teamName(ctx, offer.team),
    statuses: offer.statuses.map((s) => ({ name: staffName(ctx, s.staffId), status: AB_STATUS_LABEL[s.status] })),
    done: state.done ?? '',
    error: state.error ?? ''
  });
}
