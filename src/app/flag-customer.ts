import { createHash } from 'node:crypto';
import { callRule, flagDeadlineRule } from '../config/policy.js';
import { targetWeekForFlag, type FlagTarget } from '../domain/ab-deadline.js';
import { checkAbPrerequisites, type PrerequisiteCheck } from '../domain/ab-prerequisites.js';
import { weekKey } from '../domain/berlin-time.js';
import type { Customer } from '../domain/customer.js';
import { recentVisit } from '../domain/recent-visit.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import { decideFlag } from '../domain/flag-decision.js';
import type { StaffId } from '../domain/staff.js';
import { abStaffForDistrict } from '../domain/task-routing.js';
import type { Task } from '../domain/task.js';
import { customerFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';

export interface FlagPreview {
  readonly ok: true;
  readonly customer: Customer;
  readonly check: PrerequisiteCheck;
  readonly target: FlagTarget;
  readonly openCase?: OutreachCase;
  /** An AB visit of the last days (policy): the card shows its result and a new flag needs a confirmation. */
  readonly recentVisit?: OutreachCase;
  /** The customer's AB cases already stored for the target week (withdrawn ones), numbering the next flag. */
  readonly casesForTarget: number;
}

export interface FlagInput {
  readonly kdnr: string;
  readonly reason: string;
  readonly invitationInMailbox: boolean;
  readonly confirmedDespiteRecentVisit?: boolean;
}

/** What the flag card shows before the IFK submits: checklist, target week, an existing flag. Opening it is a read. */
export function previewFlag(deps: Deps, actorId: StaffId, kdnr: string): Promise<FlagPreview | Refused> {
  return audited(deps, actorId, 'vormerken.formular', (audit) => preview(deps, audit, actorId, kdnr));
}

async function preview(deps: Deps, audit: Decision, actorId: StaffId, kdnr: string): Promise<FlagPreview | Refused> {
  const access = await customerFor(deps, audit, actorId, kdnr, 'vormerken');
  if (!access.ok) return access;
  const cases = await deps.store.casesOfCustomer(access.customer.kdnr);
  const target = targetWeekForFlag(deps.clock.now(), flagDeadlineRule(deps.policy), deps.calendar);
  return {
    ok: true,
    customer: access.customer,
    check: checkAbPrerequisites(access.customer, callRule(deps.policy)),
    target,
    openCase: cases.find((c) => c.status === 'vorgemerkt'),
    recentVisit: recentVisit(cases, deps.clock.now(), deps.policy.abFlagging.recentVisitDays),
    casesForTarget: cases.filter((c) => c.targetWeek === weekKey(target.week)).length
  };
}

/**
 * Two flags for one customer and week, submitted at the same moment (two clicks, two colleagues), must not both land:
 * each reads "no open flag" before either writes. The case id is therefore derived from the customer, the target week
 * and the number of that week's cases so far, so the second commit creates a case that exists already and the store
 * refuses it (version 1 on an existing record). A withdrawn flag raises the number, so the customer can be flagged again.
 * Hashed, so the id does not show the Kundennummer where ids are logged.
 */
function flagId(kdnr: string, week: string, casesSoFar: number): string {
  const h = createHash('sha256').update(`ab-besuch|${kdnr}|${week}|${casesSoFar}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** seed 000 §2: the IFK flags the customer for AB; the AB staff of the district get a task. */
export function flagCustomer(deps: Deps, actorId: StaffId, input: FlagInput): Promise<Flagged | Refused> {
  return audited(deps, actorId, 'vormerken', (audit) => flag(deps, audit, actorId, input));
}

/** The new case, and the flag card as it reads now (showing the new flag). */
export interface Flagged {
  readonly ok: true;
  readonly outreach: OutreachCase;
  readonly task: Task;
  readonly form: FlagPreview;
}

async function flag(deps: Deps, audit: Decision, actorId: StaffId, input: FlagInput): Promise<Flagged | Refused> {
  const form = await preview(deps, audit, actorId, input.kdnr);
  if (!form.ok) return form;
  const { customer, check, target, openCase } = form;
  const decision = decideFlag(check, openCase, input, deps.policy.abFlagging.reasonMaxLength, form.recentVisit);
  if (!decision.ok) return decision;
  const { reason } = decision;

  const now = deps.clock.now();
  const outreach: OutreachCase = {
    id: flagId(customer.kdnr, weekKey(target.week), form.casesForTarget),
    approach: 'ab-besuch',
    kdnr: customer.kdnr,
    district: customer.district,
    hbId: customer.hbId,
    flaggedBy: actorId,
    flaggedAt: now.toISOString(),
    targetWeek: weekKey(target.week),
    reason,
    invitationInMailbox: true,
    status: 'vorgemerkt',
    version: 1
  };
  const task: Task = {
    id: deps.newId(),
    kind: 'ab-besuch',
    kdnr: customer.kdnr,
    caseId: outreach.id,
    assigneeIds: abStaffForDistrict(deps.directory, customer.district),
    createdAt: now.toISOString(),
    status: 'offen',
    version: 1
  };
  const committed = await audit.commit({
    cases: [outreach],
    tasks: [task],
    notifications: notifyAssignees(task, 'ab-task', 'neu', deps.newId, now)
  });
  if (committed.ok) return { ok: true, outreach, task, form: { ...form, openCase: outreach } };
  // Lost to a flag made at the same moment: say which week the customer is flagged for now.
  const winner = (await deps.store.casesOfCustomer(customer.kdnr)).find((c) => c.status === 'vorgemerkt');
  return winner ? refused('bereits-vorgemerkt', { weekKey: winner.targetWeek }) : refused('veraltet');
}
