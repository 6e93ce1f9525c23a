import type { ChecklistEntry } from '../domain/ab-prerequisites.js';
import type { FirstTalkItem } from '../domain/first-talk.js';
import type { ResultBox } from '../domain/voluntary-result.js';

/** Why a use case refused; the Teams adapter turns each code into one German sentence. */
export type RefusalCode =
  | 'unbekannte-person'
  | 'rolle-fehlt'
  | 'nicht-zustaendig'
  | 'nicht-ihre-aufgabe'
  | 'kdnr-format'
  | 'kunde-unbekannt'
  | 'kunde-existiert'
  | 'bezirk-unbekannt'
  | 'datum-ungueltig'
  | 'datum-in-zukunft'
  | 'uhrzeit-fehlt'
  | 'voraussetzungen-fehlen'
  | 'bereits-vorgemerkt'
  | 'begruendung-fehlt'
  | 'begruendung-zu-lang'
  | 'postfach-fehlt'
  | 'kein-offener-fall'
  | 'fall-bereits-erledigt'
  | 'verbis-vermerk-fehlt'
  | 'nur-bei-angetroffen'
  | 'termin-vor-besuch'
  | 'aufgabe-unbekannt'
  | 'aufgabe-erledigt'
  | 'aufgabe-schliesst-mit-ergebnis'
  | 'veraltet'
  | 'datum-vergangen'
  | 'bereits-gemeldet'
  | 'bereits-uebernommen'
  | 'nicht-uebernehmbar'
  | 'nicht-uebernommen'
  | 'nicht-ihr-gespraech'
  | 'gespraech-bereits-erfasst'
  | 'kein-offenes-gespraech'
  | 'folgetermin-fehlt'
  | 'folgetermin-vergangen'
  | 'folgetermin-kein-arbeitstag'
  | 'kein-arbeitstag'
  | 'folgetermin-ausserhalb-dienstzeit'
  | 'zahlungseinstellung-besteht'
  | 'nur-im-kanal'
  | 'gruppe-zaehlt-nicht'
  | 'kein-ifk'
  | 'intensiv-angefragt'
  | 'profil-unbekannt'
  | 'nicht-u25'
  | 'bereits-in-aktivierung'
  | 'uebergabegespraech-fehlt'
  | 'form-fehlt'
  | 'zielgruppe-fehlt'
  | 'ab-pap-unbekannt'
  | 'kein-ab-pap'
  | 'keine-aktivierung'
  | 'fall-abgeschlossen'
  | 'verlaengerung-nicht-spaeter'
  | 'gemeinsames-gespraech-fehlt'
  | 'gemeinsames-gespraech-ausstehend'
  | 'termin-vergangen'
  | 'rueckkehr-nicht-angesprochen'
  | 'erstkontakt-erfasst'
  | 'zweite-person-fehlt'
  | 'zweite-person-unbekannt'
  | 'quittung-fehlt'
  | 'betrag-ungueltig'
  | 'budget-ueberschritten'
  | 'keine-teamleitung'
  | 'bereits-weitergeleitet'
  | 'kein-termin-frei'
  | 'niemand-wartet'
  | 'bereits-in-beratung'
  | 'nicht-ihre-beratung'
  | 'nummer-unbekannt'
  | 'kein-erstgespraech-offen'
  | 'erstgespraech-bereits-erfasst'
  | 'keine-kuenftige-ifk'
  | 'checkliste-unvollstaendig'
  | 'massnahme-beginn-fehlt'
  | 'massnahme-beginn-vergangen'
  | 'massnahme-kein-arbeitstag'
  | 'sk-check-nicht-montag'
  | 'massnahme-begruendung-fehlt'
  | 'massnahme-begruendung-zu-lang'
  | 'nur-bg-mitglied'
  | 'termin-noch-nicht-begonnen'
  | 'leistungsende-fehlt'
  | 'ansatz-nicht-angeboten'
  | 'anrufversuche-fehlen'
  | 'ankuendigung-zu-knapp'
  | 'vertretung-fehlt'
  | 'vertretung-unbekannt'
  | 'treffpunkt-fehlt'
  | 'erreichbarkeit-fehlt'
  | 'zeitpuffer-fehlt'
  | 'dritter-fehlt'
  | 'einverstaendnis-begleitung-fehlt'
  | 'bereits-geplant'
  | 'kein-geplanter-termin'
  | 'pflichtangaben-fehlen'
  | 'ergebnis-zu-frueh'
  | 'team-ohne-teamleitung'
  | 'ankuendigung-offen'
  | 'nichterscheinen-vor-einladung'
  | 'nichts-zurueckzunehmen'
  | 'nicht-ihr-eintrag'
  | 'korrekturfrist-abgelaufen'
  | 'korrektur-begruendung-fehlt'
  | 'vormerkung-zurueckgenommen'
  | 'kuerzlich-besucht'
  | 'nur-bei-rueckruf';

export interface Refused {
  readonly ok: false;
  readonly reason: RefusalCode;
  /** For 'voraussetzungen-fehlen': the checklist that names what is missing. */
  readonly checklist?: readonly ChecklistEntry[];
  /** For 'bereits-vorgemerkt': the week it is flagged for. */
  readonly weekKey?: string;
  /** For 'bereits-uebernommen': who was first. */
  readonly claimedBy?: string;
  /** For 'budget-ueberschritten': what is left of this month's budget, in cents. */
  readonly remainingCents?: number;
  /** For 'checkliste-unvollstaendig' (seed 004 Anlage 2): what the first talk has not covered yet. */
  readonly missingItems?: readonly FirstTalkItem[];
  /** For 'pflichtangaben-fehlen' (seed 002): the result card's boxes still open. */
  readonly missingBoxes?: readonly ResultBox[];
}

export const refused = (reason: RefusalCode, extra: Omit<Refused, 'ok' | 'reason'> = {}): Refused => ({ ok: false, reason, ...extra });
