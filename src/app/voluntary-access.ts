import { customerNumberPattern } from '../config/policy.js';
import { authorize } from '../domain/authorization.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import type { StaffId, StaffMember } from '../domain/staff.js';
import type { VoluntaryApproach, VoluntaryOutreachCase } from '../domain/voluntary-case.js';
import { actorFor } from './access.js';
import type { Decision } from './audited.js';
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
