import type { StaffId } from '../domain/staff.js';
import type { ConversationRef } from '../ports.js';
import { actorFor } from './access.js';
import { audited } from './audited.js';
import type { Deps } from './deps.js';
import type { Refused } from './outcome.js';

/** `/kanal hier` in a team channel: callbacks (and later digests) of the sender's team go into this channel. */
export function registerTeamChannel(deps: Deps, actorId: StaffId, channelId: string, ref: ConversationRef): Promise<{ ok: true; team: string } | Refused> {
  return audited(deps, actorId, 'kanal.registrieren', async (audit): Promise<{ ok: true; team: string } | Refused> => {
    const who = actorFor(deps, actorId, 'kanal.registrieren');
    if (!who.ok) return who;
    await audit.apply(() => deps.store.saveTeamChannel(who.actor.team, channelId, ref));
    return { ok: true, team: who.actor.team };
  });
}
