import { berlinDate, type LocalDate, type LocalTime } from './berlin-time.js';
import type { CustomerNumber } from './customer-number.js';
import type { FirstTalkItem, Measure } from './first-talk.js';
import type { Route, RouteReason } from './newcomer-routing.js';
import type { StaffId } from './staff.js';

/** How a customer routed to the Sofortvermittlung gets there (seed 004): a walk-in number today, or an appointment. */
export type NewcomerAccess =
  | { readonly kind: 'warteschlange'; readonly date: LocalDate; readonly number: number }
  | { readonly kind: 'termin'; readonly slotId: string; readonly officerId: StaffId; readonly date: LocalDate; readonly from: LocalTime; readonly to: LocalTime };

/** seed 004 Anlage 2 and "Nach erfolgtem Erstgespräch": what the Sofortvermittler recorded. */
export interface FirstTalk {
  readonly recordedBy: StaffId;
  readonly recordedAt: string;
  readonly items: readonly FirstTalkItem[];
  readonly measure: Measure;
  /** seed 004: AMM potential that showed only in the talk. */
  readonly ammPotential: boolean;
}

/**
 * One new customer at the Eingangszone (seed 004): the route and its reason, how they reach the Sofortvermittlung, and
 * the first talk. The customer is assigned to the future IFK (`ifkId`), never to the Sofortvermittler.
 */
export interface NewcomerCase {
  readonly id: string;
  readonly kdnr: CustomerNumber;
  readonly district: string;
  readonly routedBy: StaffId;
  readonly routedAt: string;
  readonly route: Route;
  readonly reason: RouteReason;
  /** seed 004 Mit Termin: a household member over 25 not present at the application gets an appointment. */
  readonly householdMember: boolean;
  readonly access?: NewcomerAccess;
  readonly ifkId?: StaffId;
  readonly firstTalk?: FirstTalk;
  /** seed 004: a household member who did not come to the appointment. */
  readonly noShow?: { readonly recordedBy: StaffId; readonly recordedAt: string };
  readonly version: number;
}

/** The first talk is still open: routed to the Sofortvermittlung, neither talked to nor recorded as a no-show. */
export const awaitsFirstTalk = (c: NewcomerCase) => c.route === 'sofortvermittlung' && !c.firstTalk && !c.noShow;

/**
 * The Berlin day a customer was routed. The Eingangszone routes a customer once a day: a second routing the same day
 * (another desk, a double click) is refused, and the store guards it so that two desks at once cannot both succeed.
 */
export const routedOn = (c: Pick<NewcomerCase, 'routedAt'>): LocalDate => berlinDate(new Date(c.routedAt));

export const routedTodayAlready = (cases: readonly NewcomerCase[], today: LocalDate) => cases.some((c) => routedOn(c) === today);
