import { mayResubmitTalkForm, mayResubmitVisitForm } from '../domain/form-resubmission.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import type { StaffId } from '../domain/staff.js';
import type { Deps } from './deps.js';
import type { Refused } from './outcome.js';

/** After a refused visit result: the case to show the form again with, or undefined when the form is spent. */
export async function visitFormToRetry(deps: Deps, caseId: string, formVersion: number, refusal: Refused): Promise<OutreachCase | undefined> {
  const current = await deps.store.getCase(caseId);
  return mayResubmitVisitForm(current, formVersion, refusal.reason) ? current : undefined;
}

/** After a refused talk result: the case to show the form again with, or undefined when the form is spent. */
export async function talkFormToRetry(deps: Deps, actorId: StaffId, caseId: string, formVersion: number): Promise<MissedAppointmentCase | undefined> {
  const current = await deps.store.getMissedCase(caseId);
  return mayResubmitTalkForm(current, actorId, formVersion) ? current : undefined;
}
