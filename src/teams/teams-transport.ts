import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
// Type only: the connector client botbuilder creates for each proactive turn.
import type { ConnectorClient } from 'botframework-connector';
import { classifyFailure, type ConnectorFailure, type SendOutcome, type Transport } from '../delivery/transport.js';
import type { ConversationRef } from '../ports.js';

function toReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    serviceUrl: ref.serviceUrl,
    channelId: ref.channelId,
    conversation: { id: ref.conversationId, conversationType: ref.conversationType ?? 'personal', tenantId: ref.tenantId, isGroup: ref.conversationType === 'channel', name: '' },
    bot: ref.botId ? { id: ref.botId, name: 'AB-Lotse' } : undefined
  };
}

interface ConnectorError {
  name?: string;
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
}

/** Retry-After as delta-seconds or as an HTTP date. */
function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function failureOf(e: unknown): ConnectorFailure {
  const err = (e ?? {}) as ConnectorError;
  if (err.name === 'AbortError') return { code: 'TIMEOUT' };
  return { status: err.statusCode, code: err.code, retryAfterMs: retryAfterMs(err.response?.headers?.get?.('retry-after'), Date.now()) };
}

/**
 * Sends (or replaces) a card proactively through the Bot Connector. The call goes straight to the connector client of
 * the proactive turn, not through `context.sendActivity`: that runs the middleware pipeline, whose errors end in the
 * turn error handler and never reach the caller, so a refused card would look sent. botbuilder's HTTP pipeline retries
 * 429, 5xx and dropped connections up to three times itself (honouring Retry-After) before an error arrives here.
 */
export function teamsTransport(adapter: CloudAdapter, botAppId: string, timeoutMs = 15_000): Transport {
  async function call(ref: ConversationRef, operation: 'send' | 'update', card: Record<string, unknown>, request: (client: ConnectorClient, activity: Partial<Activity>) => Promise<SendOutcome>) {
    let outcome: SendOutcome | undefined;
    try {
      await adapter.continueConversationAsync(botAppId, toReference(ref), async (context) => {
        try {
          const client = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
          const activity = TurnContext.applyConversationReference(MessageFactory.attachment(CardFactory.adaptiveCard(card)), TurnContext.getConversationReference(context.activity));
          // A proactive message starts a new message in the conversation; it answers nothing.
          delete activity.replyToId;
          outcome = await request(client, activity);
        } catch (e) {
          outcome = classifyFailure(failureOf(e), operation);
        }
      });
    } catch (e) {
      // Creating the connector client (token, service URL) failed before the callback ran.
      outcome = classifyFailure(failureOf(e), operation);
    }
    return outcome ?? { kind: 'retry', error: 'kein Ergebnis vom Bot Connector' };
  }

  return {
    send: (ref, card) =>
      call(ref, 'send', card, async (client, activity) => {
        const response = await client.conversations.sendToConversation(ref.conversationId, activity, { timeout: timeoutMs });
        return response.id ? { kind: 'sent', activityId: response.id } : { kind: 'unknown', error: 'angenommen, aber ohne Nachrichten-ID' };
      }),
    update: (ref, activityId, card) =>
      call(ref, 'update', card, async (client, activity) => {
        await client.conversations.updateActivity(ref.conversationId, activityId, { ...activity, id: activityId }, { timeout: timeoutMs });
        return { kind: 'sent', activityId };
      })
  };
}
