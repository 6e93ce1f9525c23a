import { customerNumberPattern } from '../config/policy.js';
import { authorize } from '../domain/authorization.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import type { StaffId, StaffMember } from '../domain/staff.js';
import type { VoluntaryApproach, VoluntaryOutreachCase } from '../domain/voluntary-case.js';
import type { Customer } from '../domain/customer.js';
import { actorFor, customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/** A typed command names the customer's planned appointment of an approach; a card names the case and the version it showed. */
export type VoluntaryRef = { readonly kdnr: string; readonly approach: VoluntaryApproach } | { readonly caseId: string; readonly version: number };

/** The customer's planned (not yet cancelled or recorded) appointment of this approach. */
export const plannedCase = (cases: readonly VoluntaryOutreachCase[], approach: VoluntaryApproach) => cases.find((c) => c.approach === approach && c.status === 'geplant');

/**
 * Load the voluntary appointment a command or card refers to and check the sender against it (those in the appointment
 * and the HB). The decision's audit line names the customer, granted or not.
 */
export async function voluntaryCaseFor(deps: Deps, audit: Decision, actorId: StaffId, ref: VoluntaryRef): Promise<{ ok: true; actor: StaffMember; outreach: VoluntaryOutreachCase } | Refused> {
  const who = actorFor(deps, actorId, 'freiwillig.bearbeiten');
  let outreach: VoluntaryOutreachCase | undefined;
  if ('caseId' in ref) {
    outreach = who.ok ? await deps.store.getVoluntaryCase(ref.caseId) : undefined;
    audit.concerns(outreach?.kdnr);
  } else {
    const parsed = parseCustomerNumber(ref.kdnr, customerNumberPattern(deps.policy));
    if (!parsed.ok) return who.ok ? refused('kdnr-format') : who;
    audit.concerns(parsed.value);
    outreach = who.ok ? plannedCase(await deps.store.voluntaryCasesOfCustomer(parsed.value), ref.approach) : undefined;
  }
  if (!who.ok) return who;
  if (!outreach) return refused('kein-geplanter-termin');
  const decision = authorize(deps.directory, who.actor, 'freiwillig.bearbeiten', { voluntaryCase: outreach });
  if (!decision.ok) return refused(decision.reason);
  if ('caseId' in ref && ref.version !== outreach.version) return refused('veraltet');
  return { ok: true, actor: who.actor, outreach };
}

/** The result card of a planned appointment (an audited read): only those in the appointment and the HB. */
export function readVoluntaryCase(deps: Deps, actorId: StaffId, ref: VoluntaryRef): Promise<{ ok: true; actor: StaffMember; outreach: VoluntaryOutreachCase } | Refused> {
  return audited(deps, actorId, 'freiwillig.lesen', (audit) => voluntaryCaseFor(deps, audit, actorId, ref));
}

/** The planning card (an audited read): the HB or an IFK of the HB's team, for an approach the Jobcenter offers. */
export function previewVoluntary(deps: Deps, actorId: StaffId, kdnr: string, approach: VoluntaryApproach): Promise<{ ok: true; customer: Customer; planned?: VoluntaryOutreachCase } | Refused> {
  return audited(deps, actorId, 'freiwillig.formular', async (audit) => {
    const access = await customerFor(deps, audit, actorId, kdnr, 'freiwillig.planen');
    if (!access.ok) return access;
    if (!deps.policy.voluntaryOutreach.approaches.includes(approach)) return refused('ansatz-nicht-angeboten');
    const planned = plannedCase(await deps.store.voluntaryCasesOfCustomer(access.customer.kdnr), approach);
    return { ok: true, customer: access.customer, ...(planned ? { planned } : {}) };
  });
}
