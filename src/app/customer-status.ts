import { callRule, contactDensityRule } from '../config/policy.js';
import type { LocalDate } from '../domain/berlin-time.js';
import { dueDate, intervalFor, lastContactOf, type Interval, type IntervalSource } from '../domain/contact-density.js';
import { authorize } from '../domain/authorization.js';
import { checkAbPrerequisites, type PrerequisiteCheck } from '../domain/ab-prerequisites.js';
import type { Customer } from '../domain/customer.js';
import { isAbVisitCase, isVoluntaryCase, type OutreachCase } from '../domain/outreach-case.js';
import type { StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import type { VoluntaryOutreachCase } from '../domain/voluntary-case.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import type { Refused } from './outcome.js';

export interface CustomerStatus {
  readonly ok: true;
  readonly customer: Customer;
  readonly check: PrerequisiteCheck;
  /** The latest AB case, if any. */
  readonly latestCase?: OutreachCase;
  readonly openTasks: readonly Task[];
  /** May the reader record attempts and flag (the HB and the HB's team IFKs)? The card offers those actions only then. */
  readonly mayRecord: boolean;
  /** seed 003: the customer's minimum contact interval and why, the last contact, and when the next one is due. */
  readonly contactDensity: { readonly interval: Interval; readonly source: IntervalSource; readonly lastContact: LocalDate | null; readonly due: LocalDate };
  /** seed 002: voluntary appointments planned and not yet held (Hausbesuch, Walk and Talk, Begleitung). */
  readonly plannedVoluntary: readonly VoluntaryOutreachCase[];
}

/** The status card of `/kunde`: read access is limited (HB, HB's team, AB, TL). */
export function customerStatus(deps: Deps, actorId: StaffId, kdnr: string): Promise<CustomerStatus | Refused> {
  return audited(deps, actorId, 'kunde.lesen', (decision) => read(deps, decision, actorId, kdnr));
}

async function read(deps: Deps, decision: Decision, actorId: StaffId, kdnr: string): Promise<CustomerStatus | Refused> {
  const access = await customerFor(deps, decision, actorId, kdnr, 'kunde.lesen');
  if (!access.ok) return access;
  const cases = access.cases.filter(isAbVisitCase).sort((a, b) => b.flaggedAt.localeCompare(a.flaggedAt));
  const tasks = access.tasks;
  return {
    ok: true,
    customer: access.customer,
    check: checkAbPrerequisites(access.customer, callRule(deps.policy)),
    latestCase: cases[0],
    openTasks: tasks.filter((t) => t.status === 'offen'),
    mayRecord: authorize(deps.directory, access.actor, 'versuch.erfassen', { customer: access.customer }).ok,
    contactDensity: contactDensityOf(deps, access.customer),
    plannedVoluntary: access.cases.filter(isVoluntaryCase).filter((c) => c.status === 'geplant')
  };
}

function contactDensityOf(deps: Deps, customer: Customer): CustomerStatus['contactDensity'] {
  const rule = contactDensityRule(deps.policy);
  return { ...intervalFor(customer, rule), lastContact: lastContactOf(customer), due: dueDate(customer, rule, deps.calendar) };
}
