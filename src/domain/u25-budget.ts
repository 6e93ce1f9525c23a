import { shiftDate, type LocalDate } from './berlin-time.js';
import { workingDayOnOrBefore, type WorkingCalendar } from './working-days.js';
import type { StaffId } from './staff.js';

/**
 * seed 001 "Sonstiges": up to 20 € per month per aB-pAp to talk with customers at a neutral place (a coffee); no
 * petty cash, settled afterwards against a receipt. Amounts are integer cents.
 */
export interface Expense {
  readonly id: string;
  readonly staffId: StaffId;
  readonly amountCents: number;
  /** The day of the expense (on the receipt); it counts for that calendar month. */
  readonly date: LocalDate;
  readonly receiptPresent: true;
  readonly recordedAt: string;
  readonly version: number;
}

/** `YYYY-MM` of a Berlin date. */
export const monthOf = (date: LocalDate) => date.slice(0, 7);

export function spentInMonth(expenses: readonly Expense[], month: string): number {
  return expenses.filter((e) => monthOf(e.date) === month).reduce((sum, e) => sum + e.amountCents, 0);
}

export type ExpenseRefusal = 'quittung-fehlt' | 'betrag-ungueltig' | 'datum-in-zukunft' | 'budget-ueberschritten';

// seed 001: budget of up to 20 € per aB-pAp and month (policy u25Outreach.budgetCentsPerMonth); "Abrechnung über Einreichung einer Quittung"
export function decideExpense(
  request: { amountCents: number; date: LocalDate; receiptPresent: boolean },
  expensesOfMonth: readonly Expense[],
  budgetCentsPerMonth: number,
  today: LocalDate
): { ok: true; remainingAfterCents: number } | { ok: false; reason: ExpenseRefusal; remainingCents?: number } {
  if (!request.receiptPresent) return { ok: false, reason: 'quittung-fehlt' };
  if (!Number.isInteger(request.amountCents) || request.amountCents <= 0) return { ok: false, reason: 'betrag-ungueltig' };
  if (request.date > today) return { ok: false, reason: 'datum-in-zukunft' };
  const remaining = budgetCentsPerMonth - spentInMonth(expensesOfMonth, monthOf(request.date));
  if (request.amountCents > remaining) return { ok: false, reason: 'budget-ueberschritten', remainingCents: Math.max(0, remaining) };
  return { ok: true, remainingAfterCents: remaining - request.amountCents };
}

/** The statement goes out on the month's last working day, so the aB-pAp can submit it with the receipts. */
export function isStatementDay(today: LocalDate, calendar: WorkingCalendar): boolean {
  const lastOfMonth = shiftDate(`${addOneMonth(monthOf(today))}-01`, -1);
  return workingDayOnOrBefore(calendar, lastOfMonth) === today;
}

function addOneMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
