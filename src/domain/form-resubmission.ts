import type { MissedAppointmentCase } from './missed-appointment.js';
import type { OutreachCase } from './outreach-case.js';
import type { StaffId } from './staff.js';

/**
 * After a refused submit, may the same form be shown again with the error (so the user corrects and submits once
 * more), or is the form spent? Only while the record is unchanged since the form was built and still open for the
 * person who holds it; a refusal for who they are (no role, not in the directory) ends the form.
 */
export function mayResubmitVisitForm(current: OutreachCase | undefined, formVersion: number, refusal: string): current is OutreachCase {
  if (!current || refusal === 'rolle-fehlt' || refusal === 'unbekannte-person') return false;
  return current.status === 'vorgemerkt' && current.version === formVersion;
}

export function mayResubmitTalkForm(current: MissedAppointmentCase | undefined, actor: StaffId, formVersion: number): current is MissedAppointmentCase {
  return current !== undefined && current.status === 'uebernommen' && current.claimedBy === actor && current.version === formVersion;
}
