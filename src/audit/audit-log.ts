import type { StaffId } from '../domain/staff.js';

/**
 * The audit log after the Standard-Datenschutzmodell's module on logging (SDM Baustein 43): who, when, which action,
 * which Kundennummer, which component, with what outcome — never content.
 */
export interface AuditEntry {
  readonly ts: string;
  readonly actor: StaffId | 'system';
  readonly action: string;
  readonly kdnr?: string;
  readonly component: 'teams' | 'cli' | 'job';
  /** konflikt: the record changed between showing and deciding (a double click, a colleague faster); nothing was changed. */
  readonly outcome: 'ok' | 'abgelehnt' | 'konflikt';
  /** For `abgelehnt` and `konflikt`: the refusal code (e.g. `rolle-fehlt`), never content. */
  readonly reason?: string;
  /** A count instead of identities, where an action touches many customers (e.g. a week plan read). */
  readonly count?: number;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'ts' | 'component'>): Promise<void>;
  /** The same log, for calls from another component (the jobs, the command line). */
  as(component: AuditEntry['component']): AuditLog;
  /** Every entry, oldest first. */
  read(): Promise<AuditEntry[]>;
  /** The log's own retention: deletes whole months older than `months`. */
  prune(months: number): Promise<string[]>;
}

/** For benchmarks of rules that do not concern auditing. */
export const noAudit: AuditLog = { record: async () => undefined, as: () => noAudit, read: async () => [], prune: async () => [] };
