import type { CloudAdapter } from 'botbuilder';
import { CardFactory, MessageFactory, type ConversationReference } from 'botbuilder';
import { classifyStatus, type SendOutcome, type Transport } from '../delivery/transport.js';
import type { ConversationRef } from '../ports.js';

function toReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    serviceUrl: ref.serviceUrl,
    channelId: ref.channelId,
    conversation: { id: ref.conversationId, conversationType: ref.conversationType ?? 'personal', tenantId: ref.tenantId, isGroup: ref.conversationType === 'channel', name: '' },
    bot: ref.botId ? { id: ref.botId, name: 'AB-Lotse' } : undefined
  };
}

interface HttpishError {
  statusCode?: number;
  response?: { headers?: { get?(name: string): string | undefined } };
  message?: string;
}

function retryAfterMs(err: HttpishError): number | undefined {
  const header = err.response?.headers?.get?.('retry-after');
  if (!header) return undefined;
  // Teams sends delta-seconds; an HTTP-date form falls back to our own backoff.
  const seconds = Number(header);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined;
}

function failure(e: unknown): SendOutcome {
  const err = e as HttpishError;
  return classifyStatus(err.statusCode, `${err.statusCode ?? 'network'}: ${(err.message ?? '').slice(0, 200)}`, retryAfterMs(err));
}

/** Sends (or replaces) a card proactively through the Bot Connector, as the bot (adapter.continueConversationAsync). */
export function teamsTransport(adapter: CloudAdapter, botAppId: string): Transport {
  return {
    async send(ref, card): Promise<SendOutcome> {
      try {
        let activityId: string | undefined;
        await adapter.continueConversationAsync(botAppId, toReference(ref), async (context) => {
          activityId = (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
        });
        return { kind: 'sent', activityId };
      } catch (e) {
        return failure(e);
      }
    },
    async update(ref, activityId, card): Promise<SendOutcome> {
      try {
        await adapter.continueConversationAsync(botAppId, toReference(ref), async (context) => {
          await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: activityId });
        });
        return { kind: 'sent', activityId };
      } catch (e) {
        return failure(e);
      }
    }
  };
}
