import type { ThirdPartyKind, VoluntaryApproach, VoluntaryOutcome } from '../../../domain/voluntary-case.js';
import type { ResultBox } from '../../../domain/voluntary-result.js';

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
  'nicht-angetroffen': 'Kunde nicht angetroffen',
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
  'einverstaendnis-teilnahme': 'ausdrückliches Einverständnis des Kunden zur Teilnahme am Gespräch (bei der Planung nicht erteilt)',
  'kunde-vorab-angerufen': 'Kunde vor dem Termin angerufen und befragt (die Vertretung ist gegangen)',
  'beendet-durch': 'wer das Gespräch beendet hat'
};
