/** Staff are identified by their Entra (Azure AD) object id. */
export type StaffId = string;

/** ABU25: the aB-pAp of seed 001 (outreach for under-25s). SOFO, AMM: seed 004. */
export const ROLES = ['IFK', 'AB', 'EZ', 'TL', 'LSB', 'ADMIN', 'ABU25', 'SOFO', 'AMM'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffMember {
  readonly id: StaffId;
  readonly name: string;
  /** The sign-in name (e-mail form), so that imports may name staff by it. */
  readonly upn?: string;
  readonly roles: readonly Role[];
  readonly team: string;
  readonly partTime: boolean;
  /** For AB staff: the districts (ids) whose route they plan; for AMM staff (seed 004): the districts they are responsible for. */
  readonly districts: readonly string[];
  /** For aB-pAp (seed 001 "Arbeitseinteilung"): their own field times; none: the policy's `u25Outreach.fieldTimes`. */
  readonly fieldTimes?: readonly FieldTime[];
  /** seed 004 Schnittstellen: IFKs specialised in Reha or U25 customers take those new customers directly. */
  readonly specialisation?: Specialisation;
}

/** A recurring time out in the field: ISO weekday and clock times. */
export interface FieldTime {
  readonly weekday: number;
  readonly from: string;
  readonly to: string;
}

export const SPECIALISATIONS = ['reha', 'u25'] as const;
export type Specialisation = (typeof SPECIALISATIONS)[number];

export interface Team {
  readonly id: string;
  readonly name: string;
  /** Vertretungsregelung: who steps in, in this order. */
  readonly substitutes: readonly StaffId[];
}

export interface Directory {
  readonly staff: readonly StaffMember[];
  readonly teams: readonly Team[];
}

export function findStaff(directory: Directory, id: StaffId): StaffMember | undefined {
  return directory.staff.find((s) => s.id === id);
}

export function hasRole(member: StaffMember, role: Role): boolean {
  return member.roles.includes(role);
}

export function staffWithRole(directory: Directory, role: Role): StaffMember[] {
  return directory.staff.filter((s) => hasRole(s, role));
}
