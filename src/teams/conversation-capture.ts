import type { TurnContext } from 'botbuilder';
import type { StaffId } from '../domain/staff.js';
import type { ConversationRef, Store } from '../ports.js';

/** Only what a proactive send needs: no names, no message content. */
export function refFrom(context: TurnContext, now: Date): ConversationRef {
  const a = context.activity;
  return {
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    conversationId: a.conversation.id,
    conversationType: a.conversation.conversationType,
    tenantId: a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
    botId: a.recipient?.id,
    updatedAt: now.toISOString()
  };
}

const same = (a: ConversationRef | undefined, b: ConversationRef) =>
  a !== undefined && a.serviceUrl === b.serviceUrl && a.conversationId === b.conversationId && a.botId === b.botId;

/**
 * Remember where to reach this person (personal chat) or this channel. Written only when something changed,
 * so that ordinary chatting does not rewrite the file. Returns the person newly reachable, if any.
 */
export async function captureConversation(store: Store, context: TurnContext, actorId: StaffId | undefined, now: Date): Promise<StaffId | undefined> {
  const ref = refFrom(context, now);
  const type = context.activity.conversation.conversationType;
  if (type === 'channel') {
    const channelId = (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? ref.conversationId;
    if (!same(await store.getChannelRef(channelId), ref)) await store.saveChannelRef(channelId, ref);
  } else if (actorId && (type === 'personal' || type === undefined)) {
    if (!same(await store.getStaffRef(actorId), ref)) {
      await store.saveStaffRef(actorId, ref);
      return actorId;
    }
  }
  return undefined;
}
