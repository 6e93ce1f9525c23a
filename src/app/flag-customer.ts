import { callRule, flagDeadlineRule } from '../config/policy.js';
import { targetWeekForFlag, type FlagTarget } from '../domain/ab-deadline.js';
import { checkAbPrerequisites, type PrerequisiteCheck } from '../domain/ab-prerequisites.js';
import { weekKey } from '../domain/berlin-time.js';
import type { Customer } from '../domain/customer.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import { staffWithRole, type Directory, type StaffId } from '../domain/staff.js';
import type { Task } from '../domain/task.js';
import { customerFor } from './access.js';
import type { Deps } from './deps.js';
import { notifyAssignees } from './notify.js';
import { refused, type Refused } from './outcome.js';

export interface FlagPreview {
  readonly ok: true;
  readonly customer: Customer;
  readonly check: PrerequisiteCheck;
  readonly target: FlagTarget;
  readonly openCase?: OutreachCase;
}

export interface FlagInput {
  readonly kdnr: string;
  readonly reason: string;
  readonly invitationInMailbox: boolean;
}

/** AB staff who plan the customer's district; if nobody covers it, every AB, so that no flag goes unseen. */
export function abStaffFor(directory: Directory, district: string): StaffId[] {
  const ab = staffWithRole(directory, 'AB');
  const covering = ab.filter((s) => s.districts.includes(district));
  return (covering.length ? covering : ab).map((s) => s.id);
}

/** What the flag card shows before the IFK submits: checklist, target week, an existing flag. */
export async function previewFlag(deps: Deps, actorId: StaffId, kdnr: string): Promise<FlagPreview | Refused> {
  const access = await customerFor(deps, actorId, kdnr, 'vormerken');
  if (!access.ok) return access;
  const cases = await deps.store.casesOfCustomer(access.customer.kdnr);
  return {
    ok: true,
    customer: access.customer,
    check: checkAbPrerequisites(access.customer, callRule(deps.policy)),
    target: targetWeekForFlag(deps.clock.now(), flagDeadlineRule(deps.policy), deps.calendar),
    openCase: cases.find((c) => c.status === 'vorgemerkt')
  };
}

/** seed 000 §2: the IFK flags the customer for AB; the AB staff of the district get a task. */
export async function flagCustomer(deps: Deps, actorId: StaffId, input: FlagInput): Promise<{ ok: true; outreach: OutreachCase; task: Task } | Refused> {
  const preview = await previewFlag(deps, actorId, input.kdnr);
  if (!preview.ok) return preview;
  const { customer, check, target, openCase } = preview;
  if (openCase) return refused('bereits-vorgemerkt', { weekKey: openCase.targetWeek });
  if (!check.ok) return refused('voraussetzungen-fehlen', { checklist: check.checklist });
  const reason = input.reason.trim();
  // seed 000 §2: the IFK decides on the merits (Sinnhaftigkeit) and says why.
  if (!reason) return refused('begruendung-fehlt');
  if (reason.length > deps.policy.abFlagging.reasonMaxLength) return refused('begruendung-zu-lang');
  // seed 000 §2: the HB's printed invitation with RFB goes into the AB mailbox alongside the flag.
  if (!input.invitationInMailbox) return refused('postfach-fehlt');

  const now = deps.clock.now();
  const outreach: OutreachCase = {
    id: deps.newId(),
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
    assigneeIds: abStaffFor(deps.directory, customer.district),
    createdAt: now.toISOString(),
    status: 'offen',
    version: 1
  };
  const committed = await deps.store.commitCases({
    cases: [outreach],
    tasks: [task],
    notifications: notifyAssignees(task, 'ab-task', 'neu', deps.newId, now)
  });
  return committed.ok ? { ok: true, outreach, task } : refused('veraltet');
}
