import type { U25Form, U25TargetGroup } from '../../../domain/u25-case.js';

/** What users read in the U25 outreach process (seed 001), outside its card templates. */

export const FORM_LABEL: Record<U25Form, string> = { falluebergabe: 'Fallübergabe', einzelauftrag: 'Einzelauftrag' };

export const TARGET_GROUP_LABEL: Record<U25TargetGroup, string> = {
  'schwer-erreichbar': 'schwer erreichbar',
  'massive-problemlagen': 'massive Problemlagen',
  individuell: 'individuelle Fallgestaltung'
};

export const RESULT_LABEL = { aktiviert: 'aktiviert, nach dem gemeinsamen Gespräch zurück beim pAp', vorzeitig: 'vorzeitig zurückgegeben (Mitwirkung nicht herstellbar)', erledigt: 'Einzelauftrag erledigt' } as const;

export const U25_TEXT = {
  handedOver: (kdnr: string, abPap: string, form: string, end: string) => `Kunde ${kdnr} ist an ${abPap} übergeben (${form}). Die Aktivierungsphase endet am ${end}. ${abPap} hat eine Aufgabe erhalten.`,
  firstContact: 'Erstkontakt erfasst; der Kunde weiß, dass er danach wieder zu seinem pAp wechselt.',
  extended: (kdnr: string, until: string) => `Die Aktivierungsphase für Kunde ${kdnr} ist bis ${until} verlängert. Die Begründung erscheint in der Auswertung als Verlängerung.`,
  talkArranged: (kdnr: string, when: string, pap: string) => `Gemeinsames Gespräch für Kunde ${kdnr} am ${when} vereinbart. ${pap} und Sie haben die Aufgabe mit dem Termin.`,
  returned: (kdnr: string, pap: string) => `Kunde ${kdnr} ist an ${pap} zurückgegeben. ${pap} erhält eine kurze Ergebnis-Karte.`,
  visitPlanned: (kdnr: string, date: string, second: string | undefined) =>
    second ? `Besuch bei Kunde ${kdnr} am ${date} mit ${second} geplant.` : `Besuch bei Kunde ${kdnr} am ${date} allein geplant; die Begründung ist erfasst.`,
  missedRecorded: (kdnr: string, pap: string) => `Versäumter Termin für Kunde ${kdnr} erfasst. ${pap} hat die Aufgabe „Sanktion: Entscheidung im Einzelfall gemeinsam mit aB-pAp“ – es geschieht nichts automatisch.`,
  expenseRecorded: (amount: string, date: string, left: string) => `Auslage von ${amount} vom ${date} erfasst (Quittung liegt vor). Verbleibend in diesem Monat: ${left}.`,
  evaluationSent: (lead: string) => `Die Auswertung (nur Fallzahlen) ist an ${lead} gesendet.`,
  reminderEarly: 'Die Aktivierungsphase endet in einem Monat',
  reminderEnd: 'Die Aktivierungsphase ist erreicht',
  reminderEarlyText: 'Bitte planen Sie das gemeinsame Gespräch mit pAp und Kunde und die Rückgabe – oder begründen Sie eine Verlängerung (Ausnahme).',
  reminderHint: (kdnr: string) => `Rückgabe nach dem gemeinsamen Gespräch: /u25-gespraech ${kdnr} TT.MM.JJJJ HH:MM, dann /u25-rueckgabe ${kdnr}. Verlängern mit Begründung: /u25-verlaengern ${kdnr} TT.MM.JJJJ Begründung.`,
  reminderEndText: 'Die Aktivierungsphase soll in der Regel 6 Monate nicht überschreiten. Bitte geben Sie den Kunden nach dem gemeinsamen Gespräch zurück oder verlängern Sie mit Begründung.'
};
