import type { ThirdPartyKind, VoluntaryApproach, VoluntaryOutcome } from '../../../domain/voluntary-case.js';
import type { ResultBox } from '../../../domain/voluntary-result.js';
import type { HomeVisitRule } from '../../../domain/voluntary-plan.js';

/** What users read in the voluntary outreach process (seed 002), outside its card templates. No sanction wording anywhere. */

export const APPROACH_LABEL: Record<VoluntaryApproach, string> = { hausbesuch: 'Hausbesuch', 'walk-and-talk': 'Walk and Talk', begleitung: 'Begleitung zu Dritten' };

export const THIRD_PARTY_LABEL: Record<ThirdPartyKind, string> = {
  behoerde: 'andere Behörde',
  schule: 'Schule',
  bildungstraeger: 'Bildungsträger',
  sozialdienst: 'Sozialdienst',
  anwalt: 'Anwältin/Anwalt',
  facharzt: 'Fachärztin/Facharzt',
  sonstige: 'Sonstige'
};

export const OUTCOME_LABEL: Record<VoluntaryOutcome, string> = {
  stattgefunden: 'Gespräch hat stattgefunden',
  'nicht-angetroffen': 'Kundin oder Kunde nicht angetroffen',
  abgesagt: 'abgesagt',
  'vorzeitig-beendet': 'vorzeitig beendet (normales Ergebnis eines freiwilligen Angebots)'
};

/** The result card's boxes as the refusal names them. */
export const RESULT_BOX_LABEL: Record<ResultBox, string> = {
  einverstaendniserklaerung: 'unterschriebene Einverständniserklärung (nicht nötig, wenn der Hausbesuch an der Tür endete)',
  'gefahren-oeffentlicher-raum': 'Hinweis an den Kunden auf die Gefahren für den Sozialdatenschutz im öffentlichen Raum',
  erkennungszeichen: 'Erkennungszeichen vereinbart (Sie kannten sich noch nicht persönlich)',
  ausweis: 'beidseitig Ausweis mitgebracht (Sie kannten sich noch nicht persönlich)',
  'einverstaendnis-weitere-personen': 'dokumentiertes Einverständnis des Kunden zur Anwesenheit weiterer Personen',
  'neuer-termin': 'neuer Termin an einem anderen Ort vereinbart (der Ort war ungeeignet)',
  schweigepflichtentbindung: 'Schweigepflichtentbindung (für das Gespräch mit dem Dritten in Abwesenheit des Kunden)',
  'einverstaendnis-teilnahme': 'ausdrückliches Einverständnis des Kunden zur Teilnahme am Gespräch (bei der Planung nicht erteilt: bitte vor Ort erfragen und hier bestätigen)',
  'kunde-vorab-angerufen': 'Kunde vor dem Termin angerufen und befragt (die Vertretung ist gegangen)',
  'beendet-durch': 'wer das Gespräch beendet hat'
};

export const VOLUNTARY_TEXT = {
  planIntro: {
    hausbesuch: (rule: HomeVisitRule) =>
      `Freiwilliges Angebot. Nach mehreren vergeblichen Anrufversuchen; das Ankündigungsschreiben geht ${rule.noticeWeeks.to}–${rule.noticeWeeks.from} Wochen vorher, die Erinnerung ${rule.reminderWeeks.to}–${rule.reminderWeeks.from} Wochen vorher an den Kunden (beide erhalten Sie als Aufgabe; die Schreiben nennen, wie der Termin abgesagt werden kann). In der Regel zu zweit. Die Teamleitung und die Vertretung werden informiert.`,
    'walk-and-talk': () =>
      'Freiwilliges Angebot an einem vom Kunden gewählten oder mitbestimmten Treffpunkt (der Ort wird nicht gespeichert). Die Teamleitung und die Vertretung werden informiert.',
    begleitung: () =>
      'Freiwilliges Angebot auf Wunsch des Kunden: in der Regel bis zur Tür; die Teilnahme am Gespräch nur ausnahmsweise mit ausdrücklichem Einverständnis. Die Teamleitung und die Vertretung werden informiert.'
  } satisfies Record<VoluntaryApproach, (rule: HomeVisitRule) => string>,
  alreadyPlanned: (when: string) => `Für diesen Kunden ist bereits ein Termin geplant (${when}). Absagen oder Ergebnis erfassen, dann neu planen.`,
  planned: (label: string, kdnr: string, when: string, letters: boolean) =>
    `✔ ${label} für Kunde ${kdnr} am ${when} geplant. Teamleitung und Vertretung sind informiert.` + (letters ? ' Ihre Aufgaben: Ankündigungs- und Erinnerungsschreiben, jeweils in ihrem Zeitfenster.' : ''),
  cancelled: (label: string, kdnr: string, told: string) => `${label} für Kunde ${kdnr} ist abgesagt. Offene Aufgaben sind geschlossen${told ? `; informiert: ${told}` : ''}. Dem Kunden entsteht kein Nachteil.`,
  resultSaved: (contact: boolean, hbTold: boolean) =>
    `✔ Ergebnis gespeichert.${contact ? ' Das Gespräch zählt als persönlicher Kontakt (Kontaktdichte).' : ''}${hbTold ? ' Der HB erhält das Ergebnis als Aufgabe.' : ''}`,
  outcomeMissing: 'Bitte wählen Sie, wie es gelaufen ist. Es wurde nichts gespeichert.',
  spontaneousStarted: (kdnr: string, time: string) =>
    `Spontaner Walk and Talk mit Kunde ${kdnr} ab ${time} Uhr eingetragen; Ihre Teamleitung ist informiert. Achten Sie unterwegs auf den Sozialdatenschutz. Erfassen Sie das Ergebnis hier, wenn Sie zurück sind (oder mit /walk-and-talk ergebnis ${kdnr}).`,
  anonymCounted: (label: string, counts: string) => `Anonyme Beratung (${label}) gezählt – ohne Kundennummer und ohne Inhalt. Diese Woche in Ihrem Team: ${counts}.`,
  taskHint: (kind: string, c: { approach: VoluntaryApproach; kdnr: string }, rule: HomeVisitRule): string => {
    switch (kind) {
      case 'freiwillig-ankuendigung':
        return `Bitte senden Sie das Ankündigungsschreiben (${rule.noticeWeeks.to}–${rule.noticeWeeks.from} Wochen vor dem Hausbesuch) mit dem Hinweis, wie der Termin abgesagt werden kann. Bei einer Absage: /hausbesuch absagen ${c.kdnr}.`;
      case 'freiwillig-erinnerung':
        return `Bitte senden Sie die schriftliche Erinnerung (${rule.reminderWeeks.to}–${rule.reminderWeeks.from} Wochen vor dem Hausbesuch), wieder mit dem Hinweis, wie der Termin abgesagt werden kann.`;
      case 'freiwillig-termin':
        return `Nach dem Termin: /${c.approach} ergebnis ${c.kdnr}. Der Termin beruht auf Freiwilligkeit und kann jederzeit beendet werden.`;
      case 'freiwillig-info':
        return `Sie sind als Teamleitung beziehungsweise als Vertretung einbezogen.${c.approach === 'begleitung' ? ' Geht die Vertretung, ruft sie vorher bei der Kundin oder dem Kunden an und fragt, ob das recht ist.' : ''}`;
      case 'freiwillig-abgesagt':
        return 'Der Termin ist abgesagt. Die Absage ist ohne Folgen für die Kundin oder den Kunden.';
      default:
        return 'Zur Information über das Ergebnis (Information aller Beteiligten).';
    }
  }
};
