import { isAbsent, type Absence } from './presence.js';
import { hasRole, type Directory, type StaffId } from './staff.js';

export interface Routing {
  /** Who gets the task now. */
  readonly recipients: readonly StaffId[];
  /** Everyone the task belongs to: the recipients, and the HB, who sees it on return. */
  readonly assignees: readonly StaffId[];
  readonly via: 'hb' | 'vertretung' | 'teamleitung';
}

/**
 * seed 000 §3 and the team's Vertretungsregelung: a task for an absent HB goes to the first present person on
 * the team's substitute list; if nobody there is present, to the team lead. The HB keeps it and sees it on return.
 */
export function routeToHb(directory: Directory, hbId: StaffId, absences: readonly Absence[], today: string): Routing {
  if (!isAbsent(absences, hbId, today)) return { recipients: [hbId], assignees: [hbId], via: 'hb' };
  const hb = directory.staff.find((s) => s.id === hbId);
  const team = directory.teams.find((t) => t.id === hb?.team);
  const substitute = team?.substitutes.find((id) => id !== hbId && !isAbsent(absences, id, today));
  if (substitute) return { recipients: [substitute], assignees: [substitute, hbId], via: 'vertretung' };
  const leads = directory.staff.filter((s) => s.team === hb?.team && hasRole(s, 'TL') && !isAbsent(absences, s.id, today)).map((s) => s.id);
  // With neither a substitute nor a team lead present the HB still gets it: a task is never dropped.
  if (leads.length === 0) return { recipients: [hbId], assignees: [hbId], via: 'hb' };
  return { recipients: leads, assignees: [...leads, hbId], via: 'teamleitung' };
}
