import type { LocalDate } from './berlin-time.js';
import { isAbsent, type Absence } from './presence.js';
import { findStaff, hasRole, staffWithRole, type Directory, type StaffId } from './staff.js';

/** Who gets a task: data in, decision out. The HB's substitute while absent is `routeToHb` (substitution.ts). */

// seed 000 §2: AB plans its route by district; if nobody covers the district, every AB, so that no flag goes unseen.
export function abStaffForDistrict(directory: Directory, district: string): StaffId[] {
  const ab = staffWithRole(directory, 'AB');
  const covering = ab.filter((s) => s.districts.includes(district));
  return (covering.length ? covering : ab).map((s) => s.id);
}

// seed 000 §2/§3: hints and the lifted payment stop go to the Leistungsabteilung; without anyone in the LSB role the
// HB gets it, to pass on per E-Akte: a hint must not vanish.
export function benefitsDepartment(directory: Directory, hbId: StaffId): StaffId[] {
  const lsb = staffWithRole(directory, 'LSB').map((s) => s.id);
  return lsb.length ? lsb : [hbId];
}

// seed 000 §3: a callback is booked in the responsible placement team, the HB's team.
export function callbackTeamOf(directory: Directory, hbId: StaffId): string {
  return findStaff(directory, hbId)?.team ?? '';
}

// seed 000 §3: the team's IFKs present that day take the callback; with none present the team lead, failing that
// the HB, so that it is never dropped.
export function callbackTakers(directory: Directory, team: string, hbId: StaffId, absences: readonly Absence[], date: LocalDate): StaffId[] {
  const present = (role: 'IFK' | 'TL') => directory.staff.filter((s) => s.team === team && hasRole(s, role) && !isAbsent(absences, s.id, date)).map((s) => s.id);
  const ifks = present('IFK');
  if (ifks.length) return ifks;
  const leads = present('TL');
  return leads.length ? leads : [hbId];
}
