import { withdrawAttempt } from '../../../app/withdraw-attempt.js';
import { withdrawContact } from '../../../app/withdraw-contact.js';
import { withdrawFlag } from '../../../app/withdraw-flag.js';
import { asciiFold, parsed, SYNTAX } from '../../command-args.js';
import { attemptWhenDe, dateDe, weekDe, weekdayDateDe } from '../../format.js';
import { ATTEMPT_LABEL } from '../../texts.js';
import { defineCommand } from '../../turn.js';

/** What can be taken back (issue 16): the latest contact attempt, contact or AB flag the person recorded for a customer. */
const ENTRY_KINDS = ['versuch', 'kontakt', 'vormerkung'] as const;
type EntryKind = (typeof ENTRY_KINDS)[number];

export const CORRECTION_TEXT = {
  attemptWithdrawn: (label: string, kdnr: string, when: string) =>
    `${label} für Kunde ${kdnr} vom ${when} ist zurückgenommen. Der Eintrag bleibt mit Ihrer Begründung vermerkt, zählt aber nicht mehr für die AB-Voraussetzungen.`,
  contactWithdrawn: (kdnr: string, date: string, nextDue: string) =>
    `Der Kontakt für Kunde ${kdnr} vom ${date} ist zurückgenommen und zählt nicht mehr für die Kontaktdichte. Nächster Kontakt fällig: ${nextDue}.`,
  flagWithdrawn: (kdnr: string, week: string) =>
    `Die Vormerkung für Kunde ${kdnr} in ${week} ist zurückgenommen. Die Aufgabe der AB ist geschlossen, der Wochenplan führt den Kunden nicht mehr.`
};

/** Correcting one's own slip, the same or the next working day, with a reason. */
export const CORRECTION_COMMANDS = [
  defineCommand<{ name: 'korrektur'; entry: EntryKind; kdnr: string; reason: string }>({
    name: 'korrektur',
    usageKey: 'korrektur',
    words: ['korrektur'],
    usage: {
      syntax: '/korrektur versuch|kontakt|vormerkung KDNR BEGRÜNDUNG…',
      text: 'Ihren zuletzt erfassten Kontaktversuch, Kontakt oder Ihre Vormerkung zurücknehmen (am selben oder nächsten Arbeitstag)'
    },
    action: 'korrektur',
    parse: ({ list }) => {
      const [kind, kdnr, ...reason] = list;
      const entry = ENTRY_KINDS.find((k) => k === asciiFold(kind ?? ''));
      if (!entry || !kdnr) return SYNTAX;
      return parsed({ name: 'korrektur', entry, kdnr, reason: reason.join(' ') });
    },
    handle: async (turn, { entry, kdnr, reason }) => {
      if (entry === 'versuch') {
        const r = await withdrawAttempt(turn.deps, turn.actorId, { kdnr, reason });
        return r.ok ? CORRECTION_TEXT.attemptWithdrawn(ATTEMPT_LABEL[r.attempt.kind], r.customer.kdnr, attemptWhenDe(r.attempt)) : turn.no(r);
      }
      if (entry === 'kontakt') {
        const r = await withdrawContact(turn.deps, turn.actorId, { kdnr, reason });
        return r.ok ? CORRECTION_TEXT.contactWithdrawn(r.customer.kdnr, dateDe(r.contact.date), weekdayDateDe(r.nextDue)) : turn.no(r);
      }
      const r = await withdrawFlag(turn.deps, turn.actorId, { kdnr, reason });
      return r.ok ? CORRECTION_TEXT.flagWithdrawn(r.outreach.kdnr, weekDe(r.outreach.targetWeek)) : turn.no(r);
    }
  })
];
