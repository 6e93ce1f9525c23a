import type { Refused } from '../app/outcome.js';
import type { ChecklistEntry } from '../domain/ab-prerequisites.js';
import { homeVisitRule, type Policy } from '../config/policy.js';
import { euroDe, weekDe } from './format.js';
import { FIRST_TALK_LABEL, PREREQUISITE_LABEL, secondCallGapText, TEXT } from './texts.js';
import { REFUSAL } from './refusal-catalogue.js';
import { RESULT_BOX_LABEL } from './processes/voluntary-outreach/texts.js';

/** "Es fehlt: …" — names every missing prerequisite, with why a recorded second call does not count yet. */
export function missingPrerequisitesText(checklist: readonly ChecklistEntry[], policy: Policy): string {
  const missing = checklist
    .filter((e) => e.status === 'fehlt')
    .map((e) => PREREQUISITE_LABEL[e.item] + (e.gap ? ` (${secondCallGapText(e.gap, policy.abFlagging.minMinutesBetweenCallTimes)})` : ''));
  return `Vormerkung nicht möglich. Es fehlt: ${missing.join('; ')}. Es wurde nichts gespeichert.`;
}

/** One German sentence (or two) for every refusal of a use case. */
export function refusalText(r: Refused, policy: Policy): string {
  switch (r.reason) {
    case 'kdnr-format':
      return `${REFUSAL['kdnr-format']} ${TEXT.kdnrHint(policy.customerNumberExample)}`;
    case 'voraussetzungen-fehlen':
      return missingPrerequisitesText(r.checklist ?? [], policy);
    case 'bereits-vorgemerkt':
      return r.weekKey ? TEXT.alreadyFlagged(weekDe(r.weekKey)) : REFUSAL['bereits-vorgemerkt'];
    case 'checkliste-unvollstaendig':
      return `${REFUSAL['checkliste-unvollstaendig']} Es fehlt: ${(r.missingItems ?? []).map((i) => FIRST_TALK_LABEL[i]).join('; ')}. Es wurde nichts gespeichert.`;
    case 'pflichtangaben-fehlen':
      return `${REFUSAL['pflichtangaben-fehlen']} Es fehlt: ${(r.missingBoxes ?? []).map((b) => RESULT_BOX_LABEL[b]).join('; ')}. Es wurde nichts gespeichert.`;
    // seed 002 §4.2, with this Jobcenter's numbers.
    case 'anrufversuche-fehlen':
      return `${REFUSAL['anrufversuche-fehlen']} Nötig sind ${homeVisitRule(policy).minFailedCalls}; bitte erfassen Sie sie zuerst mit /versuch. Es wurde nichts gespeichert.`;
    case 'ankuendigung-zu-knapp': {
      const notice = homeVisitRule(policy).noticeWeeks;
      return `Hausbesuch nicht möglich: Der Termin liegt weniger als ${notice.to} Wochen entfernt. Das Ankündigungsschreiben muss ${notice.to} bis ${notice.from} Wochen vorher beim Kunden sein – bitte wählen Sie einen späteren Termin. Es wurde nichts gespeichert.`;
    }
    case 'bezirk-unbekannt':
      return `${REFUSAL['bezirk-unbekannt']} Bekannt sind: ${policy.districts.map((d) => d.name).join(', ')}.`;
    case 'budget-ueberschritten':
      return `${REFUSAL['budget-ueberschritten']} Verbleibend in diesem Monat: ${euroDe(r.remainingCents ?? 0)}.`;
    default:
      return REFUSAL[r.reason];
  }
}
