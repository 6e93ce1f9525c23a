import type { Customer } from './customer.js';
import type { NewcomerCase } from './newcomer-case.js';
import { findStaff, hasRole, type Directory, type Role, type StaffMember } from './staff.js';
import type { Task } from './task.js';
import type { U25OutreachCase } from './u25-case.js';
import type { VoluntaryOutreachCase } from './voluntary-case.js';

/** Every command and card verb maps to one of these; the server decides, never the card. */
export type Action =
  | 'hilfe'
  | 'kunde.lesen'
  | 'kunde.anlegen'
  | 'versuch.erfassen'
  | 'vormerken'
  | 'ab-plan.lesen'
  | 'ergebnis.erfassen'
  | 'aufgaben.lesen'
  | 'aufgabe.erledigen'
  | 'aufgabe.uebernehmen'
  | 'meldeversaeumnis.melden'
  | 'rueckruf.buchen'
  | 'gespraech.erfassen'
  | 'ab.status'
  | 'abwesenheit'
  | 'zahlungseinstellung.erfassen'
  | 'kanal.registrieren'
  | 'kontakt.erfassen'
  | 'faellig.lesen'
  | 'intensiv.anfragen'
  | 'intensiv.entscheiden'
  | 'digest.lesen'
  | 'zustellung.lesen'
  | 'u25.uebergeben'
  | 'u25.lesen'
  | 'u25.bearbeiten'
  | 'auslage.erfassen'
  | 'auswertung.lesen'
  | 'neukunde.weiterleiten'
  | 'warteschlange.bearbeiten'
  | 'erstgespraech.erfassen'
  | 'freiwillig.planen'
  | 'freiwillig.bearbeiten'
  | 'anonym.zaehlen'
  | 'korrektur';

export type Refusal = 'rolle-fehlt' | 'nicht-zustaendig' | 'nicht-ihre-aufgabe';
export type AuthDecision = { ok: true } | { ok: false; reason: Refusal };

/** Which roles may use an action at all (before the relation to the customer or task is checked). */
export const ROLES_FOR: Record<Action, readonly Role[] | 'alle'> = {
  hilfe: 'alle',
  'kunde.lesen': ['IFK', 'AB', 'TL', 'ABU25'],
  'kunde.anlegen': ['IFK'],
  'versuch.erfassen': ['IFK'],
  vormerken: ['IFK'],
  'ab-plan.lesen': ['AB'],
  'ergebnis.erfassen': ['AB'],
  'aufgaben.lesen': 'alle',
  'aufgabe.erledigen': 'alle',
  'aufgabe.uebernehmen': ['AB', 'IFK', 'TL'],
  // seed 000 §3: the EZ reports; the LSB books an EZ appointment marked "Meldeversäumnis" and may report too.
  'meldeversaeumnis.melden': ['EZ', 'LSB'],
  'rueckruf.buchen': ['EZ', 'LSB'],
  'gespraech.erfassen': ['AB', 'IFK', 'TL'],
  'ab.status': ['AB'],
  abwesenheit: 'alle',
  'zahlungseinstellung.erfassen': ['IFK'],
  'kanal.registrieren': ['TL', 'ADMIN'],
  // seed 001: the aB-pAp records the contacts of the activation phase as well
  'kontakt.erfassen': ['IFK', 'ABU25'],
  'faellig.lesen': ['IFK', 'ABU25'],
  'intensiv.anfragen': ['IFK'],
  // seed 003: intensive customers are agreed with the team lead
  'intensiv.entscheiden': ['TL'],
  'digest.lesen': ['TL'],
  'zustellung.lesen': ['ADMIN'],
  // seed 001: the pAp hands over; the aB-pAp works the case, records expenses and alone sees the evaluation
  'u25.uebergeben': ['IFK'],
  'u25.lesen': ['IFK', 'ABU25'],
  'u25.bearbeiten': ['ABU25'],
  'auslage.erfassen': ['ABU25'],
  // seed 001: "aus sozialdatenschutzrechtlichen Gründen nur für die aB-pAp einsehbar"; the TL gets it sent when needed
  'auswertung.lesen': ['ABU25'],
  // seed 004: the Eingangszone routes new customers; the Sofortvermittler serve the queue and hold the first talk
  'neukunde.weiterleiten': ['EZ'],
  'warteschlange.bearbeiten': ['SOFO'],
  'erstgespraech.erfassen': ['SOFO'],
  // seed 002 §1: voluntary outreach by caseworkers of M&I and the Leistungsgewährung; the issue: the HB or an IFK of the HB's team plans
  'freiwillig.planen': ['IFK'],
  'freiwillig.bearbeiten': ['IFK', 'LSB', 'TL'],
  // seed 002 §6: anonymous consultations are counted by whoever held them
  'anonym.zaehlen': ['IFK', 'LSB', 'AB', 'ABU25'],
  // issue 16: who records attempts, contacts and flags may take back their own slip
  korrektur: ['IFK', 'ABU25']
};

export interface AuthContext {
  readonly customer?: Customer;
  readonly task?: Task;
  /** For a callback: the placement team that takes it. */
  readonly team?: string;
  /** The customer's U25 activation (seed 001). */
  readonly u25Case?: U25OutreachCase;
  /** Staff responsible beside the HB: the aB-pAp of an active U25 activation (seed 001: "ordnen sich zusätzlich dem Kunden zu"). */
  readonly coResponsible?: readonly string[];
  /** For the first talk (seed 004): the new customer's case. */
  readonly newcomer?: NewcomerCase;
  /** seed 002: a voluntary appointment (Hausbesuch, Walk and Talk, Begleitung). */
  readonly voluntaryCase?: VoluntaryOutreachCase;
}

const OK: AuthDecision = { ok: true };
const refuse = (reason: Refusal): AuthDecision => ({ ok: false, reason });

function inHbTeam(directory: Directory, actor: StaffMember, customer: Customer): boolean {
  const hb = findStaff(directory, customer.hbId);
  return hb !== undefined && hb.team === actor.team;
}

export function mayUseAction(actor: StaffMember, action: Action): boolean {
  const roles = ROLES_FOR[action];
  return roles === 'alle' || roles.some((r) => hasRole(actor, r));
}

/**
 * Actions decided on a record: they are allowed only with that record in hand. Without it the answer is no — a
 * missing customer or task never falls through to "allowed" (deny by default).
 */
export const RECORD_BOUND: Partial<Record<Action, 'customer' | 'task' | 'u25-case' | 'newcomer' | 'voluntary-case'>> = {
  'kunde.lesen': 'customer',
  'versuch.erfassen': 'customer',
  vormerken: 'customer',
  'zahlungseinstellung.erfassen': 'customer',
  'kontakt.erfassen': 'customer',
  'intensiv.anfragen': 'customer',
  'aufgabe.erledigen': 'task',
  'aufgabe.uebernehmen': 'task',
  'u25.uebergeben': 'customer',
  'u25.lesen': 'u25-case',
  'u25.bearbeiten': 'u25-case',
  'erstgespraech.erfassen': 'newcomer',
  'freiwillig.planen': 'customer',
  'freiwillig.bearbeiten': 'voluntary-case',
  korrektur: 'customer'
};

export function authorize(directory: Directory, actor: StaffMember, action: Action, ctx: AuthContext = {}): AuthDecision {
  if (!mayUseAction(actor, action)) return refuse('rolle-fehlt');
  const { customer, task } = ctx;
  const bound = RECORD_BOUND[action];
  if (bound === 'customer' && !customer) return refuse('nicht-zustaendig');
  if (bound === 'task' && !task) return refuse('nicht-ihre-aufgabe');
  if (bound === 'u25-case' && !ctx.u25Case) return refuse('nicht-zustaendig');
  if (bound === 'newcomer' && !ctx.newcomer) return refuse('nicht-zustaendig');
  if (bound === 'voluntary-case' && !ctx.voluntaryCase) return refuse('nicht-zustaendig');
  switch (action) {
    case 'kunde.lesen':
      // Only the HB, the HB's team (incl. its TL) and AB staff read a customer's case.
      if (customer!.hbId === actor.id || hasRole(actor, 'AB') || inHbTeam(directory, actor, customer!) || ctx.coResponsible?.includes(actor.id)) return OK;
      return refuse('nicht-zustaendig');
    case 'kontakt.erfassen':
    case 'korrektur':
      if (ctx.coResponsible?.includes(actor.id)) return OK;
      return customer!.hbId === actor.id || (hasRole(actor, 'IFK') && inHbTeam(directory, actor, customer!)) ? OK : refuse('nicht-zustaendig');
    case 'versuch.erfassen':
    case 'freiwillig.planen':
    case 'vormerken':
    case 'zahlungseinstellung.erfassen':
    case 'intensiv.anfragen':
      // The HB, or an IFK of the HB's team standing in (Vertretungsregelung).
      return customer!.hbId === actor.id || inHbTeam(directory, actor, customer!) ? OK : refuse('nicht-zustaendig');
    case 'u25.uebergeben':
      // seed 001: the pAp, i.e. the customer's HB, hands over.
      return customer!.hbId === actor.id ? OK : refuse('nicht-zustaendig');
    case 'u25.lesen':
      // seed 001: visible to the aB-pAp; "bei Bedarf erhält der bisher zuständige pAp zu seinen Fällen Auskünfte".
      return hasRole(actor, 'ABU25') || ctx.u25Case!.hbId === actor.id ? OK : refuse('nicht-zustaendig');
    case 'u25.bearbeiten':
      return ctx.u25Case!.abPapId === actor.id ? OK : refuse('nicht-zustaendig');
    case 'freiwillig.bearbeiten': {
      // Those in the appointment (planner, second colleague, substitute) and the HB record its cancellation or result.
      const v = ctx.voluntaryCase!;
      return [v.plannedBy, v.secondPersonId, v.substituteId, v.hbId].includes(actor.id) ? OK : refuse('nicht-zustaendig');
    }
    case 'aufgabe.erledigen':
      return task!.assigneeIds.includes(actor.id) ? OK : refuse('nicht-ihre-aufgabe');
    case 'aufgabe.uebernehmen':
      // A callback card stands in the team's channel: anyone of that placement team (IFK, TL) may take it.
      if (task!.kind === 'rueckruf') return ctx.team !== undefined && ctx.team === actor.team && (hasRole(actor, 'IFK') || hasRole(actor, 'TL')) ? OK : refuse('nicht-zustaendig');
      return task!.assigneeIds.includes(actor.id) && hasRole(actor, 'AB') ? OK : refuse('nicht-ihre-aufgabe');
    case 'erstgespraech.erfassen':
      // seed 004: only customers the Eingangszone sent to the Sofortvermittlung; any Sofortvermittler may take them.
      return ctx.newcomer!.route === 'sofortvermittlung' ? OK : refuse('nicht-zustaendig');
    default:
      return OK;
  }
}
