import type { RefusalCode } from '../app/outcome.js';
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

export const REFUSAL: Record<RefusalCode, string> = {
  'unbekannte-person': 'Sie sind im Mitarbeiterverzeichnis von AB-Lotse nicht eingetragen. Bitte wenden Sie sich an Ihre Teamleitung oder die IT.',
  'rolle-fehlt': 'Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.',
  'nicht-zustaendig': 'Dafür fehlt Ihnen die Berechtigung: Sie sind für diesen Kunden nicht zuständig.',
  'nicht-ihre-aufgabe': 'Diese Aufgabe ist nicht Ihnen zugewiesen. Es wurde nichts geändert.',
  'kdnr-format': 'Die Kundennummer hat nicht das erwartete Format.',
  'kunde-unbekannt': 'Zu dieser Kundennummer ist kein Kunde erfasst.',
  'kunde-existiert': 'Zu dieser Kundennummer ist bereits ein Kunde erfasst.',
  'bezirk-unbekannt': 'Diesen Bezirk kennt AB-Lotse nicht.',
  'datum-ungueltig': 'Das Datum ist ungültig. Bitte im Format TT.MM.JJJJ angeben, z. B. 01.12.2026.',
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
  veraltet: 'Diese Karte ist nicht mehr aktuell; inzwischen hat sich etwas geändert. Bitte rufen Sie die Angaben neu auf.',
  'datum-vergangen': 'Das Datum liegt in der Vergangenheit.',
  'bereits-gemeldet': 'Für diesen Kunden ist heute bereits ein Meldeversäumnis offen. Es wurde nichts geändert.',
  'bereits-uebernommen': 'Das hat bereits jemand übernommen. Es wurde nichts geändert.',
  'nicht-uebernehmbar': 'Diese Aufgabe kann man nicht übernehmen.',
  'nicht-uebernommen': 'Bitte übernehmen Sie das Gespräch zuerst.',
  'nicht-ihr-gespraech': 'Dieses Gespräch hat jemand anderes übernommen; nur diese Person erfasst das Ergebnis. Es wurde nichts geändert.',
  'gespraech-bereits-erfasst': 'Das Ergebnis dieses Gesprächs ist bereits erfasst. Es wurde nichts geändert.',
  'kein-offenes-gespraech': 'Für diesen Kunden haben Sie kein übernommenes Gespräch oder keinen übernommenen Rückruf offen.',
  'folgetermin-fehlt': 'Bitte tragen Sie den Folgetermin (1 Stunde) beim HB mit Datum und Uhrzeit ein.',
  'folgetermin-vergangen': 'Der Folgetermin muss in der Zukunft liegen.',
  'kein-arbeitstag': 'Heute ist kein Arbeitstag (Wochenende oder Feiertag): In der Eingangszone ist kein Dienst, eine Verfügbarkeit für heute gibt es daher nicht. Es wurde nichts gespeichert.',
  'folgetermin-kein-arbeitstag': 'Der Folgetermin liegt nicht auf einem Arbeitstag (Wochenende oder Feiertag).',
  'folgetermin-ausserhalb-dienstzeit': 'Der Folgetermin (1 Stunde) muss innerhalb der Dienstzeit liegen.',
  'zahlungseinstellung-besteht': 'Für diesen Kunden ist bereits eine vorläufige Zahlungseinstellung erfasst.',
  'nur-im-kanal': 'Bitte schreiben Sie diesen Befehl im Kanal Ihres Teams, nicht im persönlichen Chat.',
  'gruppe-zaehlt-nicht': 'Eine Gruppeninformation zählt für die Kontaktdichte nur bei marktfernen Kunden (ab 25, nicht intensiv). Es wurde nichts erfasst.',
  'kein-ifk': 'Diese Person ist im Verzeichnis nicht als IFK eingetragen.',
  'intensiv-angefragt': 'Für diesen Kunden liegt der Teamleitung bereits eine Anfrage zur Intensivbetreuung vor.',
  'profil-unbekannt': 'Das Profil ist unbekannt (erlaubt: I, Z oder leer).',
  'nicht-u25': 'Die Aufsuchende Beratung U25 ist nur für Kunden unter 25 vorgesehen. Es wurde nichts gespeichert.',
  'bereits-in-aktivierung': 'Der Kunde ist bereits in der Aufsuchenden Beratung U25. Es wurde nichts geändert.',
  'uebergabegespraech-fehlt': 'Übergabe nicht möglich: Vor der Übergabe findet grundsätzlich ein Gespräch zwischen pAp und aB-pAp statt. Bitte bestätigen Sie das Übergabegespräch. Es wurde nichts gespeichert.',
  'form-fehlt': 'Bitte wählen Sie die Form: Fallübergabe oder Einzelauftrag.',
  'zielgruppe-fehlt': 'Bitte wählen Sie die Zielgruppe.',
  'ab-pap-unbekannt': 'Die gewählte Person ist nicht als aB-pAp eingetragen. Es wurde nichts gespeichert.',
  'kein-ab-pap': 'Im Mitarbeiterverzeichnis ist kein aB-pAp eingetragen. Bitte wenden Sie sich an Ihre Teamleitung.',
  'keine-aktivierung': 'Für diesen Kunden gibt es keine laufende Aufsuchende Beratung U25.',
  'fall-abgeschlossen': 'Die Aufsuchende Beratung U25 für diesen Kunden ist bereits abgeschlossen. Es wurde nichts geändert.',
  'verlaengerung-nicht-spaeter': 'Das neue Ende muss nach dem bisherigen Ende der Aktivierungsphase liegen. Es wurde nichts geändert.',
  'gemeinsames-gespraech-fehlt': 'Rückgabe nicht möglich: Zuerst findet das gemeinsame Gespräch von aB-pAp, pAp und Kunde statt. Bitte vereinbaren Sie es mit /u25-gespraech. Es wurde nichts geändert.',
  'gemeinsames-gespraech-ausstehend': 'Rückgabe nicht möglich: Das gemeinsame Gespräch von aB-pAp, pAp und Kunde hat noch nicht stattgefunden. Es wurde nichts geändert.',
  'termin-vergangen': 'Der Termin muss in der Zukunft liegen. Es wurde nichts gespeichert.',
  'rueckkehr-nicht-angesprochen': 'Bitte bestätigen Sie, dass Sie mit dem Kunden besprochen haben, dass er danach wieder zu seinem pAp wechselt.',
  'erstkontakt-erfasst': 'Der Erstkontakt ist bereits erfasst. Es wurde nichts geändert.',
  'zweite-person-fehlt': 'Besuche finden in der Regel zu zweit statt (Sicherheit geht vor). Bitte nennen Sie die zweite Person oder begründen Sie, warum Sie allein gehen. Es wurde nichts gespeichert.',
  'zweite-person-unbekannt': 'Die zweite Person ist im Mitarbeiterverzeichnis nicht eindeutig zu finden, kann diesen Termin nicht übernehmen oder sind Sie selbst. Es wurde nichts gespeichert.',
  'quittung-fehlt': 'Auslagen werden nur gegen Quittung erstattet. Bitte bestätigen Sie „Quittung liegt vor“. Es wurde nichts gespeichert.',
  'betrag-ungueltig': 'Der Betrag ist ungültig. Bitte geben Sie ihn in Euro an, z. B. 4,50.',
  'budget-ueberschritten': 'Die Auslage übersteigt das verbleibende Budget dieses Monats. Es wurde nichts gespeichert.',
  'keine-teamleitung': 'Diese Person ist im Verzeichnis nicht als Teamleitung eingetragen. Es wurde nichts gesendet.',
  'bereits-weitergeleitet': 'Dieser Kunde wurde heute bereits weitergeleitet. Es wurde nichts geändert.',
  'kein-termin-frei': 'In den nächsten Wochen ist bei der Sofortvermittlung kein Termin mehr frei. Bitte wenden Sie sich an die Teamleitung. Es wurde nichts gespeichert.',
  'niemand-wartet': 'In der Warteschlange wartet gerade niemand.',
  'bereits-in-beratung': 'Sie beraten bereits einen Kunden aus der Warteschlange. Bitte schließen Sie diese Beratung zuerst mit „Beratung beendet“ ab.',
  'nicht-ihre-beratung': 'Diese Beratung führt jemand anderes (oder sie hat noch nicht begonnen). Es wurde nichts geändert.',
  'nummer-unbekannt': 'Diese Nummer steht nicht (mehr) in der Warteschlange. Es wurde nichts geändert.',
  'kein-erstgespraech-offen': 'Für diese Kundennummer ist kein Erstgespräch in der Sofortvermittlung offen.',
  'erstgespraech-bereits-erfasst': 'Das Erstgespräch dieses Kunden ist bereits erfasst. Es wurde nichts geändert.',
  'keine-kuenftige-ifk': 'Bitte wählen Sie die künftig zuständige IFK. Der Kunde wird ihr zugewiesen, nicht der Sofortvermittlung.',
  'checkliste-unvollstaendig': 'Das Erstgespräch ist noch nicht vollständig.',
  'massnahme-beginn-fehlt': 'Bitte tragen Sie den verbindlichen ersten Tag der Maßnahme ein (wie in der Eingliederungsvereinbarung).',
  'massnahme-beginn-vergangen': 'Der erste Tag der Maßnahme darf nicht in der Vergangenheit liegen.',
  'massnahme-kein-arbeitstag': 'Der erste Tag der Maßnahme ist kein Arbeitstag (Wochenende oder Feiertag).',
  'sk-check-nicht-montag': 'Der S+K Check beginnt an einem Montag: Bitte wählen Sie einen Montag als ersten Termin.',
  'massnahme-begruendung-fehlt': 'Bitte begründen Sie kurz, warum keine Maßnahme zugewiesen wird.',
  'massnahme-begruendung-zu-lang': 'Die Begründung ist zu lang. Bitte fassen Sie sich kurz (keine Gesundheitsdaten).',
  'nur-bg-mitglied': 'Ein Nichterscheinen wird nur für BG-Mitglieder mit Termin erfasst.',
  'termin-noch-nicht-begonnen': 'Der Termin hat noch nicht begonnen. Ein Nichterscheinen kann erst danach erfasst werden.',
  'leistungsende-fehlt': 'Bei einem erneuten Antrag brauche ich den letzten Tag des früheren Leistungsbezugs (Neukunde erst nach einer Unterbrechung von mindestens 182 Tagen).',
  'ansatz-nicht-angeboten': 'Diese Form der aufsuchenden Beratung bietet Ihr Jobcenter laut seiner Geschäftsanweisung nicht an. Es wurde nichts gespeichert.',
  'anrufversuche-fehlen': 'Hausbesuch nicht möglich: Es fehlen dokumentierte vergebliche Anrufversuche.',
  'ankuendigung-zu-knapp': 'Hausbesuch nicht möglich: Der Termin liegt zu früh für die schriftliche Ankündigung.',
  'vertretung-fehlt': 'Bitte nennen Sie eine Vertretung für den Termin.',
  'vertretung-unbekannt': 'Die genannte Vertretung ist nicht im Mitarbeiterverzeichnis (oder Sie selbst). Bitte wählen Sie eine Kollegin oder einen Kollegen.',
  'treffpunkt-fehlt': 'Bitte bestätigen Sie, dass der Treffpunkt mit dem Kunden vereinbart ist (der Ort selbst wird nicht gespeichert).',
  'erreichbarkeit-fehlt': 'Bitte bestätigen Sie, dass die gegenseitige Erreichbarkeit für kurzfristige Änderungen abgesprochen ist.',
  'zeitpuffer-fehlt': 'Bitte bestätigen Sie, dass ein Zeitpuffer eingeplant ist.',
  'dritter-fehlt': 'Bitte wählen Sie die Art des Dritten aus der Liste (keine Namen).',
  'einverstaendnis-begleitung-fehlt': 'Die Begleitung ist nur mit ausdrücklichem Einverständnis des Kunden möglich. Bitte bestätigen Sie es.',
  'bereits-geplant': 'Für diesen Kunden ist bereits ein solcher Termin geplant. Es wurde nichts geändert.',
  'kein-geplanter-termin': 'Für diesen Kunden ist kein solcher Termin geplant.',
  'pflichtangaben-fehlen': 'Das Ergebnis kann noch nicht gespeichert werden.',
  'team-ohne-teamleitung': 'Für Ihr Team ist im Mitarbeiterverzeichnis keine Teamleitung eingetragen; sie ist bei jeder aufsuchenden Beratung einzubeziehen. Bitte wenden Sie sich an die IT. Es wurde nichts gespeichert.',
  'ankuendigung-offen': 'Der Hausbesuch ist noch nicht schriftlich angekündigt: Die Aufgabe „Ankündigungsschreiben versenden“ ist offen. Bitte bestätigen Sie dort den Versand; ein Hausbesuch ohne Ankündigung findet nicht statt. Es wurde nichts gespeichert.',
  'ergebnis-zu-frueh': 'Der Termin hat noch nicht begonnen. Das Ergebnis kann erst danach erfasst werden; sagt der Kunde ab, nutzen Sie „absagen“.',
  'nichterscheinen-vor-einladung': 'Ein Nichterscheinen folgt auf eine Einladung: Für diesen Kunden ist vor diesem Zeitpunkt keine Einladung erfasst. Bitte erfassen Sie zuerst die Einladung (mit ihrem Datum). Es wurde nichts gespeichert.',
  'nichts-zurueckzunehmen': 'Zu diesem Kunden gibt es keinen solchen Eintrag von Ihnen, den Sie zurücknehmen können. Es wurde nichts geändert.',
  'nicht-ihr-eintrag': 'Zurücknehmen kann nur, wer den Eintrag erfasst hat. Es wurde nichts geändert.',
  'korrekturfrist-abgelaufen': 'Ein Eintrag kann nur am Tag der Erfassung oder am folgenden Arbeitstag zurückgenommen werden; diese Frist ist abgelaufen. Bitte wenden Sie sich an Ihre Teamleitung. Es wurde nichts geändert.',
  'korrektur-begruendung-fehlt': 'Bitte geben Sie kurz an, warum Sie den Eintrag zurücknehmen. Es wurde nichts geändert.',
  'vormerkung-zurueckgenommen': 'Diese Vormerkung hat die IFK zurückgenommen; ein Besuch ist nicht nötig. Es wurde nichts geändert.',
  'kuerzlich-besucht': 'Die AB hat diesen Kunden vor Kurzem besucht; das Ergebnis steht auf der Karte von /vormerken mit der Kundennummer. Wenn Sie ihn trotzdem erneut vormerken möchten, bestätigen Sie das bitte dort. Es wurde nichts gespeichert.',
  'nur-bei-rueckruf': '„Kunde nicht erreicht“ gibt es nur beim Rückruf; zum Gespräch in der Eingangszone ist der Kunde vor Ort. Es wurde nichts geändert.'
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
