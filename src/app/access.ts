import { parseCustomerNumber } from '../domain/customer-number.js';
import { customerNumberPattern } from '../config/policy.js';
import { authorize, mayUseAction, type Action } from '../domain/authorization.js';
import { isU25Case } from '../domain/outreach-case.js';
import type { CustomerRecords } from '../ports.js';
import { findStaff, type StaffMember, type StaffId } from '../domain/staff.js';
import type { Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

/** The sender must be in the directory and hold a role for the action. */
export function actorFor(deps: Deps, actorId: StaffId, action: Action): { ok: true; actor: StaffMember } | Refused {
  const actor = findStaff(deps.directory, actorId);
  if (!actor) return refused('unbekannte-person');
  if (!mayUseAction(actor, action)) return refused('rolle-fehlt');
  return { ok: true, actor };
}

/**
 * Parse the Kundennummer, load the customer and check the sender's relation to them — in that order. The customer comes
 * with their cases and tasks (one read), which the status card shows and the relation check needs.
 */
export async function customerFor(
  deps: Deps,
  decision: Decision,
  actorId: StaffId,
  rawKdnr: string,
  action: Action
): Promise<({ ok: true; actor: StaffMember } & CustomerRecords) | Refused> {
  const who = actorFor(deps, actorId, action);
  const kdnr = parseCustomerNumber(rawKdnr, customerNumberPattern(deps.policy));
  if (!kdnr.ok) return who.ok ? refused('kdnr-format') : who;
  const records = who.ok ? await deps.store.customerRecords(kdnr.value) : undefined;
  const customer = records?.customer;
  // seed 001: during an activation the aB-pAp is assigned to the customer as well (co-responsible).
  const coResponsible = (records?.cases ?? []).filter(isU25Case).filter((c) => c.status === 'aktiv').map((c) => c.abPapId);
  const allowed: Refused | { ok: true } = !who.ok ? who : !customer ? refused('kunde-unbekannt') : authorize(deps.directory, who.actor, action, { customer, coResponsible });
  // The decision's audit line names the customer, granted or not: a refused attempt is what a data-protection officer looks for.
  decision.concerns(kdnr.value);
  if (!allowed.ok) return refused(allowed.reason);
  return { ok: true, actor: (who as { actor: StaffMember }).actor, ...records! };
}
