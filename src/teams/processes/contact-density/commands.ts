import { z } from 'zod';
import { myDueContacts } from '../../../app/due-contacts.js';
import { requestIntensive } from '../../../app/intensive.js';
import { recordContact, type ContactRecorded } from '../../../app/record-contact.js';
import type { LocalDate } from '../../../domain/berlin-time.js';
import { CONTACT_KINDS, type ContactKind } from '../../../domain/contact.js';
import { asciiFold, BAD_DATE, bare, germanDate, kdnrArg, oneKdnr, parsed, SYNTAX } from '../../command-args.js';
import { dateDe, weekdayDateDe } from '../../format.js';
import { CONTACT_LABEL, TEXT } from '../../texts.js';
import { defineCommand } from '../../turn.js';
import { dueContactsCard } from './views.js';

const kontaktArgs = z.tuple([kdnrArg, z.string().transform(asciiFold).pipe(z.enum(CONTACT_KINDS))]).rest(z.string()).refine((t) => t.length <= 3);

export const contactRecordedText = ({ customer, nextDue }: ContactRecorded, kind: ContactKind) => {
  const last = customer.contacts[customer.contacts.length - 1]!;
  return TEXT.contactRecorded(CONTACT_LABEL[kind], customer.kdnr, dateDe(last.date), weekdayDateDe(nextDue));
};

/** Contact density (seed 003): record contacts, see what falls due, ask the TL for intensive care. */
export const CONTACT_DENSITY_COMMANDS = [
  defineCommand<{ name: 'kontakt'; kdnr: string; kind: ContactKind; date?: LocalDate }>({
    name: 'kontakt',
    usageKey: 'kontakt',
    words: ['kontakt'],
    usage: { syntax: '/kontakt KDNR persoenlich|telefonisch|gruppe [TT.MM.JJJJ]', text: 'Kundenkontakt erfassen (Gruppeninformation zählt nur bei marktfernen Kunden)' },
    action: 'kontakt.erfassen',
    parse: ({ list }) => {
      const p = kontaktArgs.safeParse(list);
      if (!p.success) return SYNTAX;
      const [kdnr, kind, dateText] = p.data;
      const date = dateText === undefined ? undefined : germanDate.safeParse(dateText);
      if (date && !date.success) return BAD_DATE;
      return parsed({ name: 'kontakt', kdnr, kind, date: date?.data });
    },
    handle: async (turn, command) => {
      const r = await recordContact(turn.deps, turn.actorId, command);
      return r.ok ? contactRecordedText(r, command.kind) : turn.no(r);
    }
  }),
  defineCommand({
    name: 'faellig',
    usageKey: 'faellig',
    words: ['faellig'],
    usage: { syntax: '/faellig', text: 'Ihre fälligen und überfälligen Kontakte (Kontaktdichte)' },
    action: 'faellig.lesen',
    parse: bare('faellig'),
    handle: async (turn) => {
      const r = await myDueContacts(turn.deps, turn.actorId);
      return r.ok ? dueContactsCard(turn.view, r) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'intensiv'; kdnr: string }>({
    name: 'intensiv',
    usageKey: 'intensiv',
    words: ['intensiv'],
    usage: { syntax: '/intensiv KDNR', text: 'Kunden in die Intensivbetreuung aufnehmen oder sie beenden (die Teamleitung bestätigt)' },
    action: 'intensiv.anfragen',
    parse: oneKdnr('intensiv'),
    handle: async (turn, { kdnr }) => {
      const r = await requestIntensive(turn.deps, turn.actorId, kdnr);
      return r.ok ? TEXT.intensiveRequested(r.customer.kdnr, r.add, r.after.count, r.after.quota) : turn.no(r);
    }
  })
];
