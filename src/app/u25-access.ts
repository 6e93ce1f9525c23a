import { customerNumberPattern } from '../config/policy.js';
import { authorize, type Action } from '../domain/authorization.js';
import { parseCustomerNumber } from '../domain/customer-number.js';
import type { StaffId, StaffMember } from '../domain/staff.js';
import type { U25OutreachCase } from '../domain/u25-case.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/** A typed Kundennummer names the customer's running activation; a card names the case and the version it showed. */
export type U25Ref = { readonly kdnr: string } | { readonly caseId: string; readonly version: number };

/** The newest U25 case of a customer (a customer may come back for a second activation later). */
export const latestU25Case = (cases: readonly U25OutreachCase[]) => [...cases].sort((a, b) => b.handedOverAt.localeCompare(a.handedOverAt))[0];

/**
 * Load the U25 case a command or card refers to and check the sender against it (seed 001: the aB-pAp works the case;
 * the pAp may read it). The decision's audit line names the customer, granted or not.
 */
export async function u25CaseFor(deps: Deps, audit: Decision, actorId: StaffId, ref: U25Ref, action: Action): Promise<{ ok: true; actor: StaffMember; outreach: U25OutreachCase } | Refused> {
  const who = actorFor(deps, actorId, action);
  let outreach: U25OutreachCase | undefined;
  let kdnr: string | undefined;
  let result: Refused | { ok: true } = who;
  if ('caseId' in ref) {
    outreach = who.ok ? await deps.store.getU25Case(ref.caseId) : undefined;
    kdnr = outreach?.kdnr;
    if (who.ok && !outreach) result = refused('keine-aktivierung');
  } else {
    const parsed = parseCustomerNumber(ref.kdnr, customerNumberPattern(deps.policy));
    if (!parsed.ok) return who.ok ? refused('kdnr-format') : who;
    kdnr = parsed.value;
    outreach = who.ok ? latestU25Case(await deps.store.u25CasesOfCustomer(parsed.value)) : undefined;
    if (who.ok && !outreach) result = refused('keine-aktivierung');
  }
  if (who.ok && outreach) {
    const decision = authorize(deps.directory, who.actor, action, { u25Case: outreach });
    result = decision.ok ? ('caseId' in ref && ref.version !== outreach.version ? refused('veraltet') : decision) : refused(decision.reason);
  }
  audit.concerns(kdnr);
  if (!result.ok) return result as Refused;
  return { ok: true, actor: (who as { actor: StaffMember }).actor, outreach: outreach! };
}

/** `/u25 <Kdnr>`: who is responsible now (an audited read). */
export function readU25Case(deps: Deps, actorId: StaffId, ref: U25Ref): Promise<{ ok: true; actor: StaffMember; outreach: U25OutreachCase } | Refused> {
  return audited(deps, actorId, 'u25.lesen', (audit) => u25CaseFor(deps, audit, actorId, ref, 'u25.lesen'));
}
