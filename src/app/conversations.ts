import { findStaff, type StaffId } from '../domain/staff.js';
import type { ConversationRef } from '../ports.js';
import type { Deps } from './deps.js';

const same = (a: ConversationRef | undefined, b: ConversationRef) =>
  a !== undefined && a.serviceUrl === b.serviceUrl && a.conversationId === b.conversationId && a.botId === b.botId;

/**
 * Remember where to reach a person (personal chat) or a channel, only for a sender in the directory: nothing is
 * stored for strangers. Written only when something changed, so that ordinary chatting does not rewrite the file.
 * Returns the person newly reachable, if any.
 */
export async function rememberConversation(
  deps: Deps,
  actorId: StaffId | undefined,
  where: { readonly kind: 'personal' } | { readonly kind: 'channel'; readonly channelId: string },
  ref: ConversationRef
): Promise<StaffId | undefined> {
  if (!actorId || !findStaff(deps.directory, actorId)) return undefined;
  if (where.kind === 'channel') {
    if (!same(await deps.store.getChannelRef(where.channelId), ref)) await deps.store.saveChannelRef(where.channelId, ref);
    return undefined;
  }
  if (same(await deps.store.getStaffRef(actorId), ref)) return undefined;
  await deps.store.saveStaffRef(actorId, ref);
  return actorId;
}

/** On uninstall: forget every reference into this conversation. */
export async function forgetConversation(deps: Deps, conversationId: string): Promise<void> {
  await deps.store.forgetConversation(conversationId);
}
