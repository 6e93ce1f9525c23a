import type { RefusalCode } from '../app/outcome.js';
import type { PrerequisiteItem, SecondCallGap } from '../domain/ab-prerequisites.js';
import type { AttemptKind } from '../domain/contact-attempt.js';
import type { CustomerGroup } from '../domain/customer.js';
import type { TaskKind } from '../domain/task.js';

/** Everything a user reads outside the card templates, in one place: German, formal, short. */

export const ATTEMPT_LABEL: Record<AttemptKind, string> = {
  einladung: 'Einladung ohne RFB',
  'einladung-rfb': 'Einladung mit RFB',
  'nicht-erschienen': 'Nicht erschienen',
  anruf: 'Anrufversuch'
};

export const GROUP_LABEL: Record<CustomerGroup, string> = {
  u25: 'unter 25',
  marktnah: 'ab 25, marktnah',
  marktfern: 'ab 25, marktfern'
};

export const PREREQUISITE_LABEL: Record<PrerequisiteItem, string> = {
  'einladung-ohne-rfb': 'Einladung ohne RFB',
  'nicht-erschienen-ohne-rfb': 'Nicht erschienen auf die Einladung ohne RFB',
  'einladung-mit-rfb': 'Einladung mit RFB',
  'nicht-erschienen-mit-rfb': 'Nicht erschienen auf die Einladung mit RFB',
  'erster-anruf': 'Erster dokumentierter Anrufversuch (nach dem Nichterscheinen auf die Einladung mit RFB)',
  'zweiter-anruf': 'Zweiter dokumentierter Anrufversuch an einem anderen Tag und zu einer anderen Uhrzeit'
};

export const NOT_REQUIRED_NOTE = 'entfällt: langzeitarbeitslos unter 25, die erste Einladung enthält bereits die RFB';

export function secondCallGapText(gap: SecondCallGap, minMinutes: number): string {
  const hours = minMinutes % 60 === 0 ? `${minMinutes / 60} Stunde${minMinutes === 60 ? '' : 'n'}` : `${minMinutes} Minuten`;
  switch (gap) {
    case 'anderer-tag':
      return 'Die erfassten Anrufe liegen alle am selben Tag.';
    case 'andere-uhrzeit':
      return `Die erfassten Anrufe liegen zu ähnlichen Uhrzeiten (nötig sind mindestens ${hours} Abstand).`;
    case 'anderer-tag-und-uhrzeit':
      return `Es fehlt ein Anruf, der an einem anderen Tag und zu einer anderen Uhrzeit (mindestens ${hours} Abstand) liegt.`;
  }
}

export const TASK_TITLE: Record<TaskKind, string> = {
  'ab-besuch': 'Aufsuchende Beratung: Besuch',
  'ab-ergebnis': 'Ergebnis der Aufsuchenden Beratung',
  'gespraech-ab-hb': 'Persönliches Gespräch AB–HB (komplexer Sachverhalt)',
  'hinweis-leistung': 'Hinweis der AB für die Leistungsabteilung'
};

export const REFUSAL: Record<RefusalCode, string> = {
  'unbekannte-person': 'Sie sind im Mitarbeiterverzeichnis von AB-Lotse nicht eingetragen. Bitte wenden Sie sich an Ihre Teamleitung oder die IT.',
  'rolle-fehlt': 'Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.',
  'nicht-zustaendig': 'Dafür fehlt Ihnen die Berechtigung: Sie sind für diesen Kunden nicht zuständig.',
  'nicht-ihre-aufgabe': 'Diese Aufgabe ist nicht Ihnen zugewiesen. Es wurde nichts geändert.',
  'kdnr-format': 'Die Kundennummer hat nicht das erwartete Format.',
  'kunde-unbekannt': 'Zu dieser Kundennummer ist kein Kunde erfasst.',
  'kunde-existiert': 'Zu dieser Kundennummer ist bereits ein Kunde erfasst.',
  'bezirk-unbekannt': 'Diesen Bezirk kennt AB-Lotse nicht.',
  'datum-ungueltig': 'Das Datum oder die Uhrzeit ist ungültig. Bitte im Format TT.MM.JJJJ und HH:MM angeben.',
  'datum-in-zukunft': 'Der Zeitpunkt liegt in der Zukunft. Erfassen Sie Kontaktversuche bitte erst, wenn sie stattgefunden haben.',
  'uhrzeit-fehlt': 'Bitte geben Sie beim Anrufversuch auch die Uhrzeit an (HH:MM): Die zwei Anrufe müssen zu verschiedenen Uhrzeiten liegen.',
  'voraussetzungen-fehlen': 'Vormerkung nicht möglich.',
  'bereits-vorgemerkt': 'Der Kunde ist bereits für die Aufsuchende Beratung vorgemerkt.',
  'begruendung-fehlt': 'Bitte begründen Sie kurz, warum die Aufsuchende Beratung hier sinnvoll ist.',
  'begruendung-zu-lang': 'Die Begründung ist zu lang. Bitte fassen Sie sich kurz (keine Gesundheitsdaten).',
  'postfach-fehlt': 'Bitte legen Sie die ausgedruckte Einladung des HB mit RFB in das AB-Postfach und bestätigen Sie das.',
  'kein-offener-fall': 'Für diesen Kunden gibt es keine offene Vormerkung der Aufsuchenden Beratung.',
  'fall-bereits-erledigt': 'Für diese Vormerkung wurde das Ergebnis bereits erfasst. Es wurde nichts geändert.',
  'verbis-vermerk-fehlt': 'Bitte erstellen Sie zuerst den Verbis-Vermerk und bestätigen Sie das.',
  'nur-bei-angetroffen': 'Meet and Walk und Auskünfte sind nur möglich, wenn der Kunde angetroffen wurde.',
  'termin-vor-besuch': 'Der Termin der Einladung darf nicht vor dem heutigen Tag liegen.',
  'aufgabe-unbekannt': 'Diese Aufgabe gibt es nicht (mehr).',
  'aufgabe-erledigt': 'Diese Aufgabe ist bereits erledigt. Es wurde nichts geändert.',
  'aufgabe-schliesst-mit-ergebnis': 'Diese Aufgabe wird mit dem Erfassen des Besuchsergebnisses erledigt.',
  veraltet: 'Diese Karte ist nicht mehr aktuell; inzwischen hat sich etwas geändert. Bitte rufen Sie die Angaben neu auf.'
};

export const TEXT = {
  unknownCommand: 'Diesen Befehl kenne ich nicht.',
  noText: 'Bitte schreiben Sie einen Befehl, z. B. /hilfe.',
  malformedCard: 'Die Angaben der Karte sind unvollständig oder ungültig. Es wurde nichts geändert.',
  attemptRecorded: (label: string, kdnr: string, when: string) => `${label} für Kunde ${kdnr} am ${when} erfasst.`,
  customerCreated: (kdnr: string) => `Kunde ${kdnr} ist angelegt; Sie sind als HB eingetragen.`,
  flagged: (kdnr: string, week: string) => `Kunde ${kdnr} ist für die Aufsuchende Beratung in ${week} vorgemerkt. Die AB des Bezirks ist informiert.`,
  resultRecorded: (kdnr: string) => `Ergebnis für Kunde ${kdnr} erfasst. Der HB ist per Aufgabe informiert.`,
  noTasks: 'Sie haben keine offenen Aufgaben.',
  emptyPlan: (week: string) => `Für ${week} ist niemand für die Aufsuchende Beratung vorgemerkt.`,
  kdnrHint: (example: string) => `Erwartet wird z. B. ${example}.`,
  localActing: (name: string, roles: string) => `[Demo] Sie handeln jetzt als ${name} (${roles}).`,
  localUnknownUser: (names: string) => `[Demo] Unbekannte Person. Verfügbar: ${names}`,
  internalError: 'Das hat leider nicht geklappt. Bitte versuchen Sie es später erneut; die IT ist informiert.'
};

/** The help lines, by command; /hilfe shows only those the sender may use. */
export const USAGE = {
  hilfe: { syntax: '/hilfe', text: 'diese Übersicht' },
  kunde: { syntax: '/kunde <Kdnr>', text: 'Status eines Kunden' },
  kundeNeu: { syntax: '/kunde neu <Kdnr> <u25|marktnah|marktfern> <Bezirk> [lza]', text: 'Kunden anlegen; Sie werden HB (lza = langzeitarbeitslos)' },
  versuch: { syntax: '/versuch <Kdnr> <einladung|einladung-rfb|nicht-erschienen|anruf> [TT.MM.JJJJ [HH:MM]]', text: 'Kontaktversuch erfassen (ohne Datum: jetzt)' },
  vormerken: { syntax: '/vormerken <Kdnr> [postfach <Begründung>]', text: 'für die Aufsuchende Beratung vormerken (ohne Begründung: Karte mit Checkliste)' },
  abPlan: { syntax: '/ab-plan [KW]', text: 'Wochenplan der AB nach Bezirken, z. B. /ab-plan 48' },
  ergebnis: {
    syntax: '/ergebnis <Kdnr> [<angetroffen|nicht-angetroffen> <Termin TT.MM.JJJJ> vermerk [meet-and-walk] [auskunft] [komplex] [hinweis]]',
    text: 'Besuchsergebnis erfassen (ohne Angaben: Karte)'
  },
  aufgaben: { syntax: '/aufgaben', text: 'Ihre offenen Aufgaben' },
  als: { syntax: '/als <Name>', text: '[nur Demo] als andere Person handeln' }
} as const;
export type UsageKey = keyof typeof USAGE;

export const usageLine = (key: UsageKey) => `\`${USAGE[key].syntax}\` – ${USAGE[key].text}`;
export const syntaxHelp = (key: UsageKey) => `So geht es: \`${USAGE[key].syntax}\``;
