import type { CustomerNumber } from './customer-number.js';
import type { StaffId } from './staff.js';

/** The work items the bot hands out; each is shown as a card to its assignees. */
export const TASK_KINDS = ['ab-besuch', 'ab-ergebnis', 'gespraech-ab-hb', 'hinweis-leistung'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface Task {
  readonly id: string;
  readonly kind: TaskKind;
  readonly kdnr: CustomerNumber;
  readonly caseId: string;
  /** Anyone of them may complete it; for a pool (all AB of a district, the Leistungsabteilung) the first one does. */
  readonly assigneeIds: readonly StaffId[];
  readonly createdAt: string;
  readonly status: 'offen' | 'erledigt';
  readonly completedBy?: StaffId;
  readonly completedAt?: string;
  readonly version: number;
}

/** Tasks that close by a process step, not by a click ("Zur Kenntnis genommen"). */
export function closesByProcessStep(kind: TaskKind): boolean {
  return kind === 'ab-besuch';
}
