import type { AttemptKind, ContactAttempt } from '../../src/domain/contact-attempt.js';
import type { Customer } from '../../src/domain/customer.js';
import type { Task, TaskKind } from '../../src/domain/task.js';
import type { WorkingCalendar } from '../../src/domain/working-days.js';
import type { CardName } from '../../src/ports.js';
import type { AdaptiveCardJson } from '../../src/teams/cards.js';
import type { ViewContext } from '../../src/teams/view-context.js';

/** Demo staff of demo/directory.json (ids only: the views look the names up in the directory). */
export const ANNA = '00000000-0000-0000-0000-0000000000020';
export const JONAS = '00000000-0000-0000-0000-0000000000021';
export const PETRA = '00000000-0000-0000-0000-0000000000022';
export const MURAT = '00000000-0000-0000-0000-0000000000023';
export const LENA = '00000000-0000-0000-0000-0000000000024';
export const SABINE = '00000000-0000-0000-0000-0000000000025';
export const LEISTUNG = '00000000-0000-0000-0000-0000000000026';
export const MIRIAM = '00000000-0000-0000-0000-0000000000028';
export const CLARA = '00000000-0000-0000-0000-000000000401';
export const AMM_OFFICER = '00000000-0000-0000-0000-000000000404';

/** The longest reason the policy allows, with umlauts: what a card must carry without breaking. */
export const LONG_REASON = ('Kunde reagiert seit Monaten weder auf Einladungen noch auf Anrufe; Wohnsituation unklar, Post kommt zurück. ' +
  'Ärger mit dem Vermieter möglich, Überschuldung bekannt. Persönlicher Kontakt vor Ort verspricht mehr als weitere Schreiben. Größte Sorgfalt.').slice(0, 300);

/** What each process's gallery gets: a view context for a given day, the calendar, and the list to add to. */
export interface Gallery {
  readonly ctx: (today: string) => ViewContext;
  readonly calendar: WorkingCalendar;
  readonly add: (name: CardName, variant: string, card: AdaptiveCardJson) => void;
}

export function attempt(kind: AttemptKind, iso: string): ContactAttempt {
  return { kind, at: iso, timeGiven: true, recordedBy: ANNA, recordedAt: iso };
}

/** The attempts the seed asks for before a flag (invitations, no-shows, two calls on different days), all recorded. */
export const ALL_MET: readonly ContactAttempt[] = [
  attempt('einladung', '2026-10-01T08:00:00.000Z'), attempt('nicht-erschienen', '2026-10-08T08:00:00.000Z'),
  attempt('einladung-rfb', '2026-10-12T08:00:00.000Z'), attempt('nicht-erschienen', '2026-10-19T08:00:00.000Z'),
  attempt('anruf', '2026-10-21T07:15:00.000Z'), attempt('anruf', '2026-10-23T12:30:00.000Z')
];

export function customer(kdnr: string, extra: Partial<Customer> = {}): Customer {
  return { kdnr, hbId: ANNA, group: 'marktfern', longTermUnemployed: false, district: 'nord', attempts: ALL_MET, profile: null, intensive: false, contacts: [], lastContactImported: '2026-06-01', registeredOn: '2026-01-05', version: 1, ...extra };
}

/** An open task of one kind; ids are readable because nothing but the card reads them. */
export function task(kind: TaskKind, kdnr: string, caseId: string, assigneeIds: readonly string[], createdAt: string, extra: Partial<Task> = {}): Task {
  return { id: `task-${kind}-${kdnr}`, kind, kdnr, caseId, assigneeIds, createdAt, status: 'offen', version: 1, ...extra };
}

/** The same task done by someone. */
export function done(t: Task, by: string, at: string, extra: Partial<Task> = {}): Task {
  return { ...t, status: 'erledigt', version: t.version + 1, completedBy: by, completedAt: at, ...extra };
}
