import { berlinDate, type LocalDate } from '../domain/berlin-time.js';
import { decideExpense, monthOf, spentInMonth, type Expense } from '../domain/u25-budget.js';
import type { StaffId } from '../domain/staff.js';
import { actorFor } from './access.js';
import { audited, type Decision } from './audited.js';
import type { Deps } from './deps.js';
import { refused, type Refused } from './outcome.js';

export interface ExpenseRecorded {
  readonly ok: true;
  readonly expense: Expense;
  readonly remainingCents: number;
}

/**
 * `/auslage <Betrag> <TT.MM.JJJJ> quittung`: seed 001 — up to the monthly budget, no petty cash, settled afterwards
 * against the receipt. An amount over what is left of that month is refused with the amount left.
 */
async function record(deps: Deps, audit: Decision, actorId: StaffId, request: { amountCents: number; date: LocalDate; receiptPresent: boolean }): Promise<ExpenseRecorded | Refused> {
  const who = actorFor(deps, actorId, 'auslage.erfassen');
  if (!who.ok) return who;
  const now = deps.clock.now();
  const month = await deps.store.expensesOf(actorId, monthOf(request.date));
  const decision = decideExpense(request, month, deps.policy.u25Outreach.budgetCentsPerMonth, berlinDate(now));
  if (!decision.ok) return refused(decision.reason, decision.remainingCents === undefined ? {} : { remainingCents: decision.remainingCents });
  const expense: Expense = { id: deps.newId(), staffId: actorId, amountCents: request.amountCents, date: request.date, receiptPresent: true, recordedAt: now.toISOString(), version: 1 };
  const committed = await audit.commit({ expenses: [expense] });
  return committed.ok ? { ok: true, expense, remainingCents: decision.remainingAfterCents } : refused('veraltet');
}

export function recordExpense(deps: Deps, actorId: StaffId, request: { amountCents: number; date: LocalDate; receiptPresent: boolean }): Promise<ExpenseRecorded | Refused> {
  return audited(deps, actorId, 'auslage.erfassen', (audit) => record(deps, audit, actorId, request));
}

export interface BudgetStatement {
  readonly staffId: StaffId;
  readonly month: string;
  readonly expenses: readonly Expense[];
  readonly totalCents: number;
  readonly budgetCents: number;
}

/** One aB-pAp's expenses of a month, oldest first: amounts and dates only. */
export async function budgetStatement(deps: Deps, staffId: StaffId, month: string): Promise<BudgetStatement> {
  const expenses = (await deps.store.expensesOf(staffId, month)).sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
  return { staffId, month, expenses, totalCents: spentInMonth(expenses, month), budgetCents: deps.policy.u25Outreach.budgetCentsPerMonth };
}
