import type { StaffMember } from './staff.js';

/** seed 003: every IFK cares intensively for 3 customers, part-time staff for 2, agreed with the team lead. */
export interface IntensiveQuotaRule {
  readonly fullTime: number;
  readonly partTime: number;
}

export function intensiveQuota(ifk: Pick<StaffMember, 'partTime'>, rule: IntensiveQuotaRule): number {
  return ifk.partTime ? rule.partTime : rule.fullTime;
}

export type QuotaState = 'unter' | 'erfuellt' | 'ueber';

export function quotaState(count: number, quota: number): QuotaState {
  return count < quota ? 'unter' : count === quota ? 'erfuellt' : 'ueber';
}
