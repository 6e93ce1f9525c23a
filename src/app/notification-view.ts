import { flagDeadlineRule } from '../config/policy.js';
import { targetWeekForFlag, type FlagTarget } from '../domain/ab-deadline.js';
import { atBerlin, parseWeekKey } from '../domain/berlin-time.js';
import type { Notification } from '../ports.js';
import { emptyQueue, type WalkInQueue } from '../domain/walk-in-queue.js';
import type { Deps } from './deps.js';
import { dueListFor, type DueList } from './due-contacts.js';
import { taskView, type TaskView } from './task-view.js';
import { weeklyDigest, type Digest } from './weekly-digest.js';
import type { U25OutreachCase } from '../domain/u25-case.js';
import type { QuarterCounts } from '../domain/u25-evaluation.js';
import { budgetStatement, type BudgetStatement } from './u25-expense.js';
import { u25Counts } from './u25-evaluation.js';

/** What a notification's card shows, read from the records as they are when it is sent. */
export type NotificationView =
  /** `viewer`: the person it is sent to; `channelOfTeam`: the team whose channel it is sent to (a shared conversation). */
  | { readonly kind: 'task'; readonly view: TaskView; readonly viewer?: string; readonly channelOfTeam?: string }
  | { readonly kind: 'due-contacts'; readonly list: DueList }
  | { readonly kind: 'flag-reminder'; readonly target: FlagTarget }
  | { readonly kind: 'digest'; readonly digest: Digest }
  | { readonly kind: 'u25-reminder'; readonly outreach: U25OutreachCase; readonly stage: 'vorwarnung' | 'ende'; readonly end: string }
  | { readonly kind: 'u25-budget-statement'; readonly statement: BudgetStatement }
  | { readonly kind: 'u25-evaluation'; readonly quarters: QuarterCounts[]; readonly sentBy: string }
  | { readonly kind: 'walk-in-queue'; readonly queue: WalkInQueue };

/** The team that registered this channel (a handful of teams: one look-up each). */
async function teamOfChannel(deps: Deps, channelId: string): Promise<string | undefined> {
  for (const team of deps.directory.teams) if ((await deps.store.getTeamChannel(team.id))?.channelId === channelId) return team.id;
  return undefined;
}

export async function notificationView(deps: Deps, n: Notification): Promise<NotificationView> {
  switch (n.subject.kind) {
    case 'task': {
      const task = await deps.store.getTask(n.subject.taskId);
      if (!task) throw new Error(`task ${n.subject.taskId} missing`);
      const view = await taskView(deps, task);
      return n.recipient.kind === 'staff' ? { kind: 'task', view, viewer: n.recipient.staffId } : { kind: 'task', view, channelOfTeam: await teamOfChannel(deps, n.recipient.channelId) };
    }
    case 'due-contacts':
      return { kind: 'due-contacts', list: await dueListFor(deps, n.subject.staffId) };
    case 'flag-reminder':
      // seed 000 §2: the reminder names the deadline of the day it is sent for.
      return { kind: 'flag-reminder', target: targetWeekForFlag(atBerlin(n.subject.date, '00:00'), flagDeadlineRule(deps.policy), deps.calendar) };
    case 'digest':
      return { kind: 'digest', digest: await weeklyDigest(deps, n.subject.teamId, parseWeekKey(n.subject.week)) };
    case 'u25-reminder': {
      const outreach = await deps.store.getU25Case(n.subject.caseId);
      if (!outreach) throw new Error(`u25 case ${n.subject.caseId} missing`);
      return { kind: 'u25-reminder', outreach, stage: n.subject.stage, end: n.subject.end };
    }
    case 'u25-budget-statement':
      return { kind: 'u25-budget-statement', statement: await budgetStatement(deps, n.subject.staffId, n.subject.month) };
    case 'u25-evaluation':
      return { kind: 'u25-evaluation', quarters: await u25Counts(deps), sentBy: n.subject.sentBy };
    case 'walk-in-queue':
      return { kind: 'walk-in-queue', queue: (await deps.store.getWalkInQueue(n.subject.date)) ?? emptyQueue(n.subject.date) };
  }
}
