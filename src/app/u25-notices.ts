import { activationPhaseRule } from '../config/policy.js';
import { berlinDate } from '../domain/berlin-time.js';
import { staffWithRole } from '../domain/staff.js';
import { reminderDue } from '../domain/u25-activation-phase.js';
import { isStatementDay, monthOf } from '../domain/u25-budget.js';
import type { Notification } from '../ports.js';
import type { Deps } from './deps.js';

/** Only notifications whose key is new are queued (the store's idempotency keys): a rerun of a day sends nothing twice. */
async function commitFresh(deps: Deps, notifications: Notification[]): Promise<number> {
  if (!notifications.length) return 0;
  const committed = await deps.store.commit({ notifications });
  return committed.ok ? committed.queued : 0;
}

/**
 * Daily: the aB-pAp is reminded one month before the activation phase ends and when it ends (seed 001: at most
 * 6 months). The key names the end it refers to, so an extension (a new end) reminds again only before the new end.
 */
export async function remindU25PhaseEnds(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = berlinDate(now);
  const rule = activationPhaseRule(deps.policy);
  const notifications: Notification[] = [];
  for (const c of await deps.store.allU25Cases()) {
    const due = reminderDue(c, today, rule);
    if (!due) continue;
    notifications.push({
      id: deps.newId(),
      key: `u25-reminder:${c.id}:${due.stage}:${due.end}`,
      recipient: { kind: 'staff', staffId: c.abPapId },
      card: 'u25-reminder',
      subject: { kind: 'u25-reminder', caseId: c.id, stage: due.stage, end: due.end },
      createdAt: now.toISOString()
    });
  }
  return commitFresh(deps, notifications);
}

/** On the month's last working day: each aB-pAp with expenses gets the month's statement to submit with the receipts (seed 001). */
export async function sendBudgetStatements(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = berlinDate(now);
  if (!isStatementDay(today, deps.calendar)) return 0;
  const month = monthOf(today);
  const notifications: Notification[] = [];
  for (const person of staffWithRole(deps.directory, 'ABU25')) {
    if ((await deps.store.expensesOf(person.id, month)).length === 0) continue;
    notifications.push({
      id: deps.newId(),
      key: `u25-budget:${person.id}:${month}`,
      recipient: { kind: 'staff', staffId: person.id },
      card: 'u25-budget-statement',
      subject: { kind: 'u25-budget-statement', staffId: person.id, month },
      createdAt: now.toISOString()
    });
  }
  return commitFresh(deps, notifications);
}
