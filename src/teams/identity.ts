import type { TurnContext } from 'botbuilder';
import type { Directory, StaffId, StaffMember } from '../domain/staff.js';

/**
 * Who is acting. In production: the sender's Entra object id, as Teams signs it.
 * In local mode only, `/als` lets one playground user act as any demo person, so that one browser can walk
 * the whole process (IFK → AB → HB); every such switch is announced with "[Demo]".
 */
export interface Identity {
  actorId(context: TurnContext): StaffId | undefined;
  /** Local mode only; undefined in production. */
  actAs?(context: TurnContext, who: string, directory: Directory): StaffMember | undefined;
}

export const teamsIdentity: Identity = {
  actorId: (context) => context.activity.from?.aadObjectId
};

export function localDemoIdentity(): Identity {
  const actingAs = new Map<string, StaffId>();
  const senderKey = (context: TurnContext) => context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '';
  return {
    actorId: (context) => actingAs.get(senderKey(context)) ?? context.activity.from?.aadObjectId,
    actAs(context, who, directory) {
      const needle = who.trim().toLowerCase();
      const member = directory.staff.find((s) => s.id.toLowerCase() === needle || s.name.toLowerCase().includes(needle));
      if (member) actingAs.set(senderKey(context), member.id);
      return member;
    }
  };
}
