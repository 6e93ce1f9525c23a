import { parseCustomerNumber } from '../domain/customer-number.js';
import { customerNumberPattern } from '../config/policy.js';
import { berlinDate } from '../domain/berlin-time.js';
import type { Customer, CustomerGroup, Profile } from '../domain/customer.js';
import type { StaffId } from '../domain/staff.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

export interface NewCustomerInput {
  readonly kdnr: string;
  readonly group: CustomerGroup;
  readonly district: string;
  readonly longTermUnemployed: boolean;
  readonly profile?: Profile | null;
}

/** An IFK registers one of their customers; the IFK becomes the HB. Only what the rules need is stored. */
export function createCustomer(deps: Deps, actorId: StaffId, input: NewCustomerInput): Promise<{ ok: true; customer: Customer } | Refused> {
  return audited(deps, actorId, 'kunde.anlegen', (decision) => create(deps, decision, actorId, input));
}

async function create(deps: Deps, decision: Decision, actorId: StaffId, input: NewCustomerInput): Promise<{ ok: true; customer: Customer } | Refused> {
  const who = actorFor(deps, actorId, 'kunde.anlegen');
  if (!who.ok) return who;
  const kdnr = parseCustomerNumber(input.kdnr, customerNumberPattern(deps.policy));
  if (!kdnr.ok) return refused('kdnr-format');
  decision.concerns(kdnr.value);
  const district = deps.policy.districts.find((d) => d.id === input.district.toLowerCase() || d.name.toLowerCase() === input.district.toLowerCase());
  if (!district) return refused('bezirk-unbekannt');
  if (await deps.store.getCustomer(kdnr.value)) return refused('kunde-existiert');
  const customer: Customer = {
    kdnr: kdnr.value,
    hbId: who.actor.id,
    group: input.group,
    longTermUnemployed: input.longTermUnemployed,
    district: district.id,
    attempts: [],
    profile: input.profile ?? null,
    intensive: false,
    contacts: [],
    lastContactImported: null,
    registeredOn: berlinDate(deps.clock.now()),
    version: 1
  };
  const saved = await decision.commit({ customers: [customer] });
  return saved.ok ? { ok: true, customer } : refused('kunde-existiert');
}
