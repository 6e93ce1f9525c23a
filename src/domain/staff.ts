/** Staff are identified by their Entra (Azure AD) object id. */
export type StaffId = string;

export const ROLES = ['IFK', 'AB', 'EZ', 'TL', 'LSB', 'ADMIN', 'SOFO', 'AMM'] as const;
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
  /** seed 004 Schnittstellen: IFKs specialised in Reha or U25 customers take those new customers directly. */
  readonly specialisation?: Specialisation;
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
