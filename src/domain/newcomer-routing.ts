import { differenceInCalendarDays } from 'date-fns';
import type { LocalDate } from './berlin-time.js';

/**
 * seed 004 Zugangssteuerung: where the Eingangszone sends a customer who applies for benefits. Only what the decision
 * needs is asked; nothing of it is stored beyond the route and its reason.
 */
export interface RoutingAnswers {
  /** First application for SGB II benefits at this Jobcenter. */
  readonly firstApplicationHere: boolean;
  /** When not the first application: the last day benefits were paid. */
  readonly benefitsEndedOn?: LocalDate;
  readonly age: number;
  /** Completed vocational training or a degree. */
  readonly completedTraining: boolean;
  readonly yearsOfExperience: number;
  readonly speaksGerman: boolean;
  /** A placement officer (AV) is already assigned. */
  readonly placementOfficerAssigned: boolean;
  /** Obviously a customer of the Reha/SB team. */
  readonly reha: boolean;
  readonly profile: 'I' | 'Z' | null;
  /** The last day of an ALG I entitlement, if any. */
  readonly alg1EndsOn?: LocalDate;
  /** ALG II applied for only for the duration of a Sperrzeit of the Agentur für Arbeit. */
  readonly onlyForSperrzeit: boolean;
  /** Mainly self-employed or employed subject to social insurance: AMM only on the placement team's referral. */
  readonly selfEmployedOrEmployed: boolean;
}

export interface RoutingRule {
  readonly newCustomerGapDays: number;
  readonly alg1RemainingWeeks: number;
  readonly u25BelowAge: number;
  readonly amm: { readonly minAge: number; readonly maxAge: number; readonly minYearsExperience: number };
}

export type Route = 'sofortvermittlung' | 'regulaere-ifk' | 'sgb3' | 'reha' | 'u25' | 'amm';
export type RouteReason =
  | 'neukunde'
  | 'kein-neukunde'
  | 'sgb3-alg1'
  | 'sgb3-sperrzeit'
  | 'profil-i'
  | 'profil-z'
  | 'reha'
  | 'u25-ohne-ausbildung'
  | 'amm-potential';

export interface RoutingDecision {
  readonly route: Route;
  readonly reason: RouteReason;
}

const days = (from: LocalDate, to: LocalDate) => differenceInCalendarDays(new Date(`${to}T12:00:00Z`), new Date(`${from}T12:00:00Z`));

// seed 004 Neukundendefinition: first application here, or again after an interruption of at least 182 days.
export function isNewCustomer(a: Pick<RoutingAnswers, 'firstApplicationHere' | 'benefitsEndedOn'>, today: LocalDate, rule: Pick<RoutingRule, 'newCustomerGapDays'>): boolean {
  if (a.firstApplicationHere) return true;
  return a.benefitsEndedOn !== undefined && days(a.benefitsEndedOn, today) >= rule.newCustomerGapDays;
}

// seed 004 AMM (Kurzübersicht): all of no placement officer, age 25–55, training/degree or ≥ 3 years' experience, German.
export function hasAmmPotential(a: RoutingAnswers, rule: Pick<RoutingRule, 'amm'>): boolean {
  return (
    !a.placementOfficerAssigned &&
    a.age >= rule.amm.minAge &&
    a.age <= rule.amm.maxAge &&
    (a.completedTraining || a.yearsOfExperience >= rule.amm.minYearsExperience) &&
    a.speaksGerman &&
    // seed 004 Kurzübersicht AMM Ausschlusskriterien: Reha/SB and the employed only on referral
    !a.reha &&
    !a.selfEmployedOrEmployed
  );
}

/**
 * seed 004 Zugangssteuerung, in this order: not a new customer → the regular IFK; SGB III responsibility first (the
 * Jobcenter is not yet responsible at all); profile I and Z next (Anlage 3: never activated early in the new-customer
 * process); then Reha and U25 without training to their specialised IFKs (Schnittstellen); then AMM potential to the
 * district's AMM; everyone else to the Sofortvermittlung.
 */
export function routeNewcomer(a: RoutingAnswers, today: LocalDate, rule: RoutingRule): RoutingDecision {
  if (!isNewCustomer(a, today, rule)) return { route: 'regulaere-ifk', reason: 'kein-neukunde' };
  // seed 004 Kurzübersicht: ALG I for more than four more weeks → responsibility stays with SGB III until it ends
  if (a.alg1EndsOn !== undefined && days(today, a.alg1EndsOn) > rule.alg1RemainingWeeks * 7) return { route: 'sgb3', reason: 'sgb3-alg1' };
  // seed 004 Kurzübersicht: ALG II only for the duration of a Sperrzeit
  if (a.onlyForSperrzeit) return { route: 'sgb3', reason: 'sgb3-sperrzeit' };
  if (a.profile === 'I') return { route: 'regulaere-ifk', reason: 'profil-i' };
  if (a.profile === 'Z') return { route: 'regulaere-ifk', reason: 'profil-z' };
  if (a.reha) return { route: 'reha', reason: 'reha' };
  // seed 004 Zugangssteuerung: "Kunden Profillage U25 und keine Ausbildung"
  if (a.age < rule.u25BelowAge && !a.completedTraining) return { route: 'u25', reason: 'u25-ohne-ausbildung' };
  if (hasAmmPotential(a, rule)) return { route: 'amm', reason: 'amm-potential' };
  return { route: 'sofortvermittlung', reason: 'neukunde' };
}
