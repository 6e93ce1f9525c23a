import type { Policy } from '../config/policy.js';
import { berlinDate, type LocalDate } from '../domain/berlin-time.js';
import { findStaff, type Directory, type StaffId } from '../domain/staff.js';

/** What a view may know besides its read model: who is who, the local policy, and today (Europe/Berlin). */
export interface ViewContext {
  readonly directory: Directory;
  readonly policy: Policy;
  readonly today: LocalDate;
}

export const staffName = (ctx: ViewContext, id: StaffId) => findStaff(ctx.directory, id)?.name ?? 'unbekannt';
export const teamName = (ctx: ViewContext, id: string) => ctx.directory.teams.find((t) => t.id === id)?.name ?? id;

/** A form's state after a submit: the error to fix, or what was done. */
export interface FormState {
  readonly error?: string;
  readonly done?: string;
}

/** A line above a card's content: good news or an error. */
export interface Notice {
  readonly text: string;
  readonly isError: boolean;
}
export const NO_NOTICE: Notice = { text: '', isError: false };

/** The context of a view rendered now. */
export const viewContextAt = (directory: Directory, policy: Policy, now: Date): ViewContext => ({ directory, policy, today: berlinDate(now) });
