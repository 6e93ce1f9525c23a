import type { PrerequisiteItem, SecondCallGap } from '../domain/ab-prerequisites.js';
import type { AttemptKind } from '../domain/contact-attempt.js';
import type { ContactKind } from '../domain/contact.js';
import type { Interval, IntervalSource } from '../domain/contact-density.js';
import type { Customer, CustomerGroup } from '../domain/customer.js';
import type { FirstTalkItem } from '../domain/first-talk.js';
import type { TaskKind } from '../domain/task.js';

/** Everything a user reads outside the card templates, in one place: German, formal, short. */

export const ATTEMPT_LABEL: Record<AttemptKind, string> = {
  einladung: 'Einladung ohne RFB',
  'einladung-rfb': 'Einladung mit RFB',
  'nicht-erschienen': 'Nicht erschienen',
  anruf: 'Anrufversuch'
};

export const CONTACT_LABEL: Record<ContactKind, string> = { persoenlich: 'persönlich', telefonisch: 'telefonisch', gruppe: 'Gruppeninformation' };

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

/** seed 003: "alle 4 Monate (ab 25, marktfern)": the interval and the rule it comes from. */
export function contactRuleDe(interval: Interval, source: IntervalSource, customer: Pick<Customer, 'group' | 'profile'>): string {
  const every = interval.weeks ? `alle ${interval.weeks} Wochen` : interval.months === 1 ? 'monatlich' : `alle ${interval.months ?? 0} Monate`;
  return `${every} (${contactSourceDe(source, customer)})`;
}

/** Why a customer's interval applies: intensive care, the profile, or the customer group. */
export function contactSourceDe(source: IntervalSource, customer: Pick<Customer, 'group' | 'profile'>): string {
  return source === 'intensiv' ? 'Intensivkunde' : source === 'profil' ? `Profillage ${customer.profile}` : GROUP_LABEL[customer.group];
}

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
  'hinweis-leistung': 'Hinweis der AB für die Leistungsabteilung',
  'meldeversaeumnis-ab': 'Meldeversäumnis – Kunde wartet in der Eingangszone',
  rueckruf: 'Taggleicher Rückruf (Meldeversäumnis)',
  'folgetermin-hb': 'Folgetermin (1 Stunde) mit dem Kunden',
  'termin-beim-hb-buchen': 'Persönlichen Termin beim HB buchen',
  'aufhebung-zahlungseinstellung': 'Vermerk zur Aufhebung der vorläufigen Zahlungseinstellung per E-Akte an die Leistungsabteilung',
  'zahlungseinstellung-hb': 'Aufhebung der vorläufigen Zahlungseinstellung veranlasst',
  'erschienen-pruefen': 'Ist der Kunde zum Termin erschienen?',
  'intensiv-aufnehmen': 'Intensivbetreuung aufnehmen – bitte bestätigen',
  'intensiv-beenden': 'Intensivbetreuung beenden – bitte bestätigen',
  'u25-uebernahme': 'Aufsuchende Beratung U25: neuer Fall',
  'u25-gespraech': 'Gemeinsames Gespräch aB-pAp, pAp und Kunde',
  'u25-rueckgabe': 'Rückgabe aus der Aufsuchenden Beratung U25',
  'u25-sanktion': 'Sanktion: Entscheidung im Einzelfall gemeinsam mit aB-pAp',
  'neukunde-amm': 'Neukunde mit Potential für das Arbeitsmarktmanagement',
  'neukunde-folgeeinladung': 'Neukunde: Folgeeinladung nach der Sofortmaßnahme (Absolventenmanagement)',
  'neukunde-keine-massnahme': 'Neukunde – keine Maßnahmenzuweisung',
  'bg-folgeeinladung': 'BG-Mitglied nicht erschienen: Folgeeinladung innerhalb der Mindeststandards',
  'freiwillig-ankuendigung': 'Hausbesuch: Ankündigungsschreiben versenden',
  'freiwillig-erinnerung': 'Hausbesuch: Erinnerungsschreiben versenden',
  'freiwillig-termin': 'Aufsuchende Beratung (freiwillig): Termin',
  'freiwillig-info': 'Aufsuchende Beratung (freiwillig): zur Information',
  'freiwillig-abgesagt': 'Aufsuchende Beratung (freiwillig): Termin abgesagt',
  'freiwillig-ergebnis': 'Aufsuchende Beratung (freiwillig): Ergebnis'
};


/** seed 004 Anlage 2: the minimum contents of the first talk, as the refusal names them. */
export const FIRST_TALK_LABEL: Record<FirstTalkItem, string> = {
  'rechte-pflichten': 'Rechte und Pflichten',
  eingliederungsvereinbarung: 'Eingliederungsvereinbarung mit verbindlichem Zuweisungstag',
  beratungsvermerk: 'Beratungsvermerk mit Integrationsprognose',
  'jobboerse-login': 'Jobbörse-Login ausgehändigt',
  antragsunterlagen: 'Antragsunterlagen ausgehändigt'
};

export const TEXT = {
  unknownCommand: 'Diesen Befehl kenne ich nicht. Hier sind alle Befehle, die Ihnen zur Verfügung stehen:',
  didYouMean: (syntax: string) => `Diesen Befehl kenne ich nicht. Meinten Sie \`${syntax}\`? Alle Befehle, die Ihnen zur Verfügung stehen:`,
  mistypedDate: (typed: string, meant: string | undefined) =>
    /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(typed)
      ? `Den ${typed} gibt es nicht im Kalender. Bitte prüfen Sie das Datum.`
      : `„${typed}“ ist kein Datum im Format TT.MM.JJJJ.` + (meant ? ` Meinten Sie ${meant}?` : ' Bitte schreiben Sie das Datum z. B. so: 01.12.2026.'),
  mistypedTime: (typed: string) => `„${typed}“ ist keine gültige Uhrzeit. Bitte im Format HH:MM angeben, z. B. 09:30.`,
  noText: 'Bitte schreiben Sie einen Befehl, z. B. /hilfe.',
  malformedCard: 'Die Angaben der Karte sind unvollständig oder ungültig. Es wurde nichts geändert.',
  attemptRecorded: (label: string, kdnr: string, when: string) => `${label} für Kunde ${kdnr} am ${when} erfasst.`,
  callbackUnreachedRetry: (tries: number) =>
    `Nicht erreicht vermerkt (${tries}. Versuch). Der Rückruf steht wieder für Ihr Team offen: Wer es erneut versucht, übernimmt ihn auf der Karte.`,
  callbackUnreachedToHb: (names: string) => `Nicht erreicht vermerkt. ${names} erhält die Aufgabe, den Kunden zu einem persönlichen Termin einzuladen.`,
  customerCreated: (kdnr: string) => `Kunde ${kdnr} ist angelegt; Sie sind als HB eingetragen.`,
  flagged: (kdnr: string, week: string) => `Kunde ${kdnr} ist für die Aufsuchende Beratung in ${week} vorgemerkt. Die AB des Bezirks ist informiert.`,
  resultRecorded: (kdnr: string) => `Ergebnis für Kunde ${kdnr} erfasst. Der HB ist per Aufgabe informiert.`,
  noTasks: 'Sie haben keine offenen Aufgaben.',
  welcomePersonal: (name: string, roles: string, lines: readonly string[]) =>
    `Willkommen bei AB-Lotse, ${name}. Sie sind als ${roles} eingetragen; am häufigsten nutzen Sie:\n\n${lines.join('\n')}\n\n` +
    'Aufgaben und Erinnerungen schickt AB-Lotse Ihnen hier in den Chat. Alle Befehle zeigt /hilfe.',
  welcomeChannel:
    'Hallo, hier ist AB-Lotse. Sobald die Teamleitung diesen Kanal mit „@AB-Lotse kanal hier“ für ihr Team festlegt, erscheinen hier ' +
    'die taggleichen Rückrufe des Teams (wer übernimmt, klickt „Übernehmen“) und montags der Wochenrückblick – nur Zahlen, keine Kundennummern. ' +
    'Im Kanal sprechen Sie mich mit @AB-Lotse an; Ihre eigenen Aufgaben kommen im persönlichen Chat.',
  forTeam: (team: string) => `Für ${team} (Teamkanal)`,
  alreadyFlagged: (week: string) => `Der Kunde ist bereits für die Aufsuchende Beratung in ${week} vorgemerkt. Es wurde nichts geändert.`,
  formBelow: (kdnr: string) => `Das Formular für Kunde ${kdnr} steht unten im Chat.`,
  emptyPlan: (week: string, aheadUntil?: string) =>
    aheadUntil
      ? `Für ${week} und die Folgewochen bis ${aheadUntil} ist niemand für die Aufsuchende Beratung vorgemerkt.`
      : `Für ${week} ist niemand für die Aufsuchende Beratung vorgemerkt.`,
  kdnrHint: (example: string) => `Erwartet wird z. B. ${example}.`,
  localActing: (name: string, roles: string) => `[Demo] Sie handeln jetzt als ${name} (${roles}).`,
  localUnknownUser: (names: string) => `[Demo] Unbekannte Person. Verfügbar: ${names}`,
  internalError: 'Das hat leider nicht geklappt. Bitte versuchen Sie es später erneut; die IT ist informiert.',
  abInformed: (kdnr: string, names: string) => `Meldeversäumnis für Kunde ${kdnr} gemeldet. Informiert (verfügbar): ${names}. Sie erhalten eine Nachricht, sobald jemand übernimmt.`,
  callbackBooked: (slot: string, team: string, where: string, nextWorkingDay: boolean) =>
    nextWorkingDay
      ? `Rückruf gebucht: ${slot} (außerhalb der Dienstzeit gebucht), ${team}. ${where}`
      : `Taggleicher Rückruf gebucht: ${slot}, ${team}. ${where}`,
  callbackNextWorkingDayTitle: 'Rückruf am nächsten Arbeitstag (Meldeversäumnis)',
  /** A callback booked after its escalation time was escalated at once: nobody "failed to take it until 15:00". */
  callbackEscalated: (at: string, bookedAfter: boolean) =>
    bookedAfter
      ? `Eskaliert: Der Rückruf wurde nach ${at} gebucht und ging deshalb sofort auch an Teamleitung und Vertretung. Bitte übernehmen Sie oder veranlassen Sie es.`
      : `Eskaliert: Bis ${at} hat niemand übernommen. Bitte übernehmen Sie oder veranlassen Sie es.`,
  alreadyClaimedBy: (name: string) => `Das hat bereits ${name} übernommen. Es wurde nichts geändert.`,
  talkRecorded: (abTalk: boolean, paymentStop: boolean) =>
    (abTalk ? 'Ergebnis gespeichert. Der Folgetermin ist als Aufgabe beim HB eingetragen, bei Abwesenheit bei der Vertretung.' : 'Ergebnis gespeichert. Ihre Aufgabe: einen persönlichen Termin beim HB buchen (siehe /aufgaben).') +
    (paymentStop ? ' Wegen der vorläufigen Zahlungseinstellung sind die Leistungsabteilung (Aufhebung per E-Akte) und der HB informiert.' : ''),
  abState: (state: 'verfuegbar' | 'unterwegs') =>
    state === 'verfuegbar' ? 'Sie sind heute als verfügbar eingetragen: Meldeversäumnisse in der Eingangszone erreichen Sie.' : 'Sie sind heute als unterwegs eingetragen: Meldeversäumnisse gehen an andere verfügbare AB.',
  absent: (until: string) => `Sie sind bis einschließlich ${until} als abwesend eingetragen. Neue Aufgaben für Sie erhält in dieser Zeit Ihre Vertretung, tägliche Erinnerungen ruhen. Zurück melden Sie sich mit /anwesend.`,
  present: 'Willkommen zurück. Sie sind wieder als anwesend eingetragen.',
  presentWithTasks: (n: number) => `Willkommen zurück. Sie sind wieder als anwesend eingetragen. Ihre Vertretung hat in Ihrer Abwesenheit ${n} Aufgabe${n === 1 ? '' : 'n'} für Sie erhalten:`,
  paymentStopRecorded: (kdnr: string) => `Vorläufige Zahlungseinstellung für Kunde ${kdnr} erfasst. Nach dem Gespräch zu einem Meldeversäumnis wird die Aufhebung veranlasst.`,
  channelRegistered: (team: string) => `Dieser Kanal ist jetzt der Kanal von ${team}: Rückrufe des Teams und der Wochenrückblick erscheinen hier.`,
  contactRecorded: (label: string, kdnr: string, date: string, next: string) => `Kontakt (${label}) für Kunde ${kdnr} am ${date} erfasst. Nächster Kontakt fällig: ${next}.`,
  intensiveRequested: (kdnr: string, add: boolean, count: number, quota: number) =>
    `Die Teamleitung ist gebeten, ${add ? 'die Intensivbetreuung' : 'das Ende der Intensivbetreuung'} für Kunde ${kdnr} zu bestätigen. Danach betreuen Sie ${count} von ${quota} Intensivkunden` +
    (count < quota ? ' – bitte benennen Sie einen Nachrücker.' : count > quota ? ' – das ist über dem Soll.' : '.'),
  deliveryReport: (c: Record<string, number>, errors: string[]) =>
    `Zustellung: ${c.sent} zugestellt, ${c.pending} ausstehend, ${c.sending} in Arbeit, ${c.dead} aufgegeben, ${c.unsicher} unsicher (nicht bekannt, ob Teams sie erhalten hat; die Aufgaben stehen in /aufgaben), ${c.entfallen} Aktualisierungen entfallen.` +
    (errors.length ? `\n\nLetzte Fehler:\n\n${errors.map((e) => `- ${e}`).join('\n')}` : '\n\nKeine Fehler.')
};

/** A command's usage line in `/hilfe`, and the answer to a command typed wrongly. */
export const usageLine = (usage: { syntax: string; text: string }) => `\`${usage.syntax}\` – ${usage.text}`;
export const syntaxText = (usage: { syntax: string }) => `So geht es: \`${usage.syntax}\``;
