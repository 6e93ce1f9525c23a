import { atBerlin } from './berlin-time.js';
import type { StaffId } from './staff.js';
import { talkTookPlace, type VoluntaryOutcome, type VoluntaryOutreachCase, type VoluntaryResult } from './voluntary-case.js';

/** The boxes the result card needs ticked, by code; the adapter names each in German. */
export const RESULT_BOXES = [
  'einverstaendniserklaerung',
  'gefahren-oeffentlicher-raum',
  'erkennungszeichen',
  'ausweis',
  'einverstaendnis-weitere-personen',
  'neuer-termin',
  'schweigepflichtentbindung',
  'einverstaendnis-teilnahme',
  'kunde-vorab-angerufen',
  'beendet-durch'
] as const;
export type ResultBox = (typeof RESULT_BOXES)[number];

export type VoluntaryResultInput = Omit<VoluntaryResult, 'recordedBy' | 'recordedAt'>;

export type ResultDecision = { ok: true; result: VoluntaryResult; countsAsContact: boolean } | { ok: false; missing: readonly ResultBox[] };

/**
 * Check the result card of a voluntary appointment. Every missing box is named at once, so the user ticks them in one go.
 * Nothing here asks "erschienen?" or leads to a payment stop: the offer is voluntary (seed 002 §1).
 */
export function decideVoluntaryResult(c: Pick<VoluntaryOutreachCase, 'approach' | 'accompaniment' | 'spontaneous'>, input: VoluntaryResultInput, by: StaffId, now: Date): ResultDecision {
  const missing: ResultBox[] = [];
  const met = talkTookPlace(input.outcome);
  // A spontaneous walk set off from the office together (seed 002 §2.1): the two have met; no sign or ID to arrange.
  if (c.spontaneous) input = { ...input, acquainted: true };
  if (met) {
    // seed 002 §4.2: written consent beforehand; "endet der Hausbesuch vor der Eingangstür, ist die unterschriebene Einverständniserklärung nicht erforderlich".
    if (c.approach === 'hausbesuch' && !input.endedAtDoor && !input.writtenConsent) missing.push('einverstaendniserklaerung');
    // seed 002 §5: in public space the customer is told of the risks to their social data.
    if (c.approach === 'walk-and-talk' && !input.publicSpaceRisksTold) missing.push('gefahren-oeffentlicher-raum');
    // seed 002 §5: not yet acquainted → a recognition sign agreed, both bring ID.
    if (!input.acquainted && !input.recognitionSignAgreed) missing.push('erkennungszeichen');
    if (!input.acquainted && !input.idBrought) missing.push('ausweis');
    // seed 002 §5: any other person present needs the customer's documented consent.
    if (input.othersPresent && !input.othersConsent) missing.push('einverstaendnis-weitere-personen');
    // seed 002 §5: an unsuitable place (noise, unsafe) → a new appointment at another place.
    if (input.placeUnsuitable && !input.newAppointmentAgreed) missing.push('neuer-termin');
    if (c.approach === 'begleitung') {
      // seed 002 §3.2: taking part in the talk is an exception, only with the customer's explicit consent (given at planning).
      if (input.tookPartInTalk && !c.accompaniment?.joinTalkConsent && !input.joinTalkConsentOnSite) missing.push('einverstaendnis-teilnahme');
    }
    if (input.outcome === 'vorzeitig-beendet' && !input.endedBy) missing.push('beendet-durch');
  }
  // seed 002 §5: a Schweigepflichtentbindung before any talk with a third party in the customer's absence — also when
  // the customer did not come or cancelled and staff spoke with the third party all the same.
  if (input.talkInAbsence && !input.confidentialityRelease) missing.push('schweigepflichtentbindung');
  // seed 002 §3.2: when a substitute goes, the customer is called beforehand and asked.
  if (c.approach === 'begleitung' && input.substituteWent && !input.customerCalledBeforehand) missing.push('kunde-vorab-angerufen');
  if (missing.length) return { ok: false, missing };
  return { ok: true, result: { ...cleaned(input), recordedBy: by, recordedAt: now.toISOString() }, countsAsContact: met };
}

/**
 * seed 002 §4.2: the customer is told in writing 3–4 weeks before a Hausbesuch. While the task "Ankündigungsschreiben
 * versenden" is open the visit was not announced, so it cannot be recorded as having been made (a cancellation can).
 */
export function homeVisitUnannounced(c: Pick<VoluntaryOutreachCase, 'approach'>, outcome: VoluntaryOutcome, noticeTaskOpen: boolean): boolean {
  return c.approach === 'hausbesuch' && outcome !== 'abgesagt' && noticeTaskOpen;
}

/** A result other than a cancellation can be recorded once the appointment has begun. */
export function resultTooEarly(c: Pick<VoluntaryOutreachCase, 'date' | 'time'>, outcome: VoluntaryOutcome, now: Date): boolean {
  return outcome !== 'abgesagt' && atBerlin(c.date, c.time).getTime() > now.getTime();
}

/** Boxes that say something only when a talk took place are stored as unticked otherwise. */
function cleaned(input: VoluntaryResultInput): VoluntaryResultInput {
  const met = talkTookPlace(input.outcome);
  const outcome: VoluntaryOutcome = input.outcome;
  return {
    ...input,
    outcome,
    ...(outcome === 'vorzeitig-beendet' ? {} : { endedBy: undefined }),
    hbAppointmentWanted: met && input.hbAppointmentWanted,
    followUpAgreed: met && input.followUpAgreed
  };
}
