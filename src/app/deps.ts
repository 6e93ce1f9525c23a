import type { AuditLog } from '../audit/audit-log.js';
import type { Policy } from '../config/policy.js';
import type { Directory } from '../domain/staff.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import type { Clock, Store } from '../ports.js';

/** What every use case may use; built once at start (and in tests with a pinned clock). */
export interface Deps {
  readonly store: Store;
  readonly clock: Clock;
  readonly directory: Directory;
  readonly policy: Policy;
  readonly calendar: WorkingCalendar;
  readonly newId: () => string;
  /** Who read or changed which case (SDM Baustein 43). */
  readonly audit: AuditLog;
}
