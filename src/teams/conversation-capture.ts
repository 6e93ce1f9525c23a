import type { TurnContext } from 'botbuilder';
import type { ConversationRef } from '../ports.js';

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

/** The Teams channel an activity comes from (its thread's conversation id when Teams does not say). */
export function channelIdOf(context: TurnContext): string {
  return (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? context.activity.conversation.id;
}

/** Where the activity comes from, as far as remembering a conversation goes; undefined for group chats. */
export function conversationKind(context: TurnContext): { kind: 'personal' } | { kind: 'channel'; channelId: string } | undefined {
  const type = context.activity.conversation.conversationType;
  if (type === 'channel') return { kind: 'channel', channelId: channelIdOf(context) };
  return type === 'personal' || type === undefined ? { kind: 'personal' } : undefined;
}
