import { findStaff, hasRole, staffWithRole, type Directory, type Specialisation, type StaffId } from './staff.js';

/** Who takes a new customer, by seed 004: data in, decision out. */

// seed 004 AMM: "an den geografisch zuständigen Arbeitsmarktmanager"; with nobody for the district every AMM, so the
// task is never lost.
export function ammForDistrict(directory: Directory, district: string): StaffId[] {
  const amm = staffWithRole(directory, 'AMM');
  const covering = amm.filter((s) => s.districts.includes(district));
  return (covering.length ? covering : amm).map((s) => s.id);
}

// seed 004 Schnittstellen Reha/U25: the specialised IFKs the Eingangszone books in ATV.
export function specialistsFor(directory: Directory, specialisation: Specialisation): StaffId[] {
  return staffWithRole(directory, 'IFK')
    .filter((s) => s.specialisation === specialisation)
    .map((s) => s.id);
}

// seed 004 Ablauforganisation: "der künftig zuständigen IFK und nicht der Sofortvermittlung zugewiesen".
export function mayBeFutureIfk(directory: Directory, id: StaffId): boolean {
  const s = findStaff(directory, id);
  return s !== undefined && hasRole(s, 'IFK') && !hasRole(s, 'SOFO');
}

/** The IFKs a Sofortvermittler may choose as the future IFK. */
export function futureIfkChoices(directory: Directory): StaffId[] {
  return directory.staff.filter((s) => mayBeFutureIfk(directory, s.id)).map((s) => s.id);
}

/** The Sofortvermittler in directory order: the queue card's recipients and the officers whose slots are offered. */
export function sofortvermittler(directory: Directory): StaffId[] {
  return staffWithRole(directory, 'SOFO').map((s) => s.id);
}

/** The team of the Sofortvermittler, whose channel gets the queue card and whose digest counts the process. */
export function sofoTeamOf(directory: Directory): string | undefined {
  return staffWithRole(directory, 'SOFO')[0]?.team;
}
