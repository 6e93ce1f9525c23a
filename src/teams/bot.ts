import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Deps } from '../app/deps.js';
import { forgetConversation, rememberConversation } from '../app/conversations.js';
import { findStaff, type StaffId, type StaffMember } from '../domain/staff.js';
import type { Logger } from '../log.js';
import { MAX_PAYLOAD_CHARS } from './card-payloads.js';
import type { AdaptiveCardJson } from './cards.js';
import { commandNamed, commandWithUsage, parseCommand, type ParseResult } from './command-parser.js';
import { conversationKind, refFrom } from './conversation-capture.js';
import { helpCard, unknownCommandReplies } from './help.js';
import type { Identity } from './identity.js';
import { channelWelcome, personalWelcome } from './welcome.js';
import { CARD_ACTIONS } from './processes/index.js';
import { noMetrics, type TurnMetrics } from '../metrics/metrics.js';
import { refusalText } from './refusal-text.js';
import { syntaxText, TEXT } from './texts.js';
import { REFUSAL } from './refusal-catalogue.js';
import type { Reply, Turn } from './turn.js';
import { viewContextAt } from './view-context.js';

export interface BotOptions {
  readonly deps: Deps;
  readonly identity: Identity;
  /** Tenants whose activities are processed; 'any' only in local mode. */
  readonly allowedTenants: readonly string[] | 'any';
  /** Outside local mode only Teams itself may talk to the bot. */
  readonly requireTeamsChannel: boolean;
  readonly adapter?: TeamsAdapter;
  readonly botAppId?: string;
  readonly logger: Logger;
  /** Called when a person becomes reachable, so what waits for them is sent at once. */
  readonly onReachable?: (staffId: string) => void;
  readonly turnMetrics?: TurnMetrics;
}

const cardActivity = (json: AdaptiveCardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(json));

/**
 * The turn pipeline: drop what is not from Teams and the allowed tenants, remember where staff can be reached,
 * answer strangers with one sentence and nothing else, and hand commands and card actions to the command table.
 */
export function createBot(o: BotOptions): Application<TurnState> {
  const { deps, identity, logger, turnMetrics = noMetrics } = o;
  const app = new Application<TurnState>({ adapter: o.adapter, botAppId: o.botAppId, startTypingTimer: false, removeRecipientMention: true });
  const say = (context: TurnContext, reply: Reply) => context.sendActivity(typeof reply === 'string' ? reply : cardActivity(reply));
  const sayAll = async (context: TurnContext, replies: Reply | Reply[]) => {
    for (const reply of Array.isArray(replies) ? replies : [replies]) await say(context, reply);
  };

  const localMode = identity.actAs !== undefined;
  const kdnrExample = deps.policy.customerNumberExample;

  /** The answer to words that are no command as typed: the usage line, the date that was meant, or the help. */
  const notACommand = (actor: StaffMember, failed: Exclude<ParseResult, { ok: true }>): Reply | Reply[] => {
    if (failed.error === 'unbekannt') return unknownCommandReplies(failed.word, actor, localMode, kdnrExample);
    if (failed.error === 'syntax') return syntaxText(commandWithUsage(failed.usage).usage);
    const typo = failed.mistyped;
    if (!typo) return REFUSAL['datum-ungueltig'];
    return typo.kind === 'uhrzeit' ? TEXT.mistypedTime(typo.typed) : TEXT.mistypedDate(typo.typed, typo.meant);
  };

  /** The turn of a sender in the directory; undefined for a stranger. */
  const turnOf = (context: TurnContext): Turn | undefined => {
    const actorId: StaffId = identity.actorId(context) ?? '';
    const actor = findStaff(deps.directory, actorId);
    if (!actor) return undefined;
    return {
      deps,
      identity,
      context,
      actorId,
      actor,
      view: viewContextAt(deps.directory, deps.policy, deps.clock.now()),
      no: (r) => refusalText(r, deps.policy),
      reachable: (staffId) => o.onReachable?.(staffId),
      send: async (reply) => void (await say(context, reply)),
      help: () => helpCard(actor, localMode, kdnrExample),
      unknown: (word) => unknownCommandReplies(word, actor, localMode, kdnrExample)
    };
  };

  app.turn('beforeTurn', async (context) => {
    const a = context.activity;
    if (o.requireTeamsChannel && a.channelId !== 'msteams') {
      logger.log('warn', 'activity.dropped', { why: 'channel', channelId: a.channelId });
      return false;
    }
    if (o.allowedTenants !== 'any') {
      const tenant = a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      if (!tenant || !o.allowedTenants.includes(tenant)) {
        logger.log('warn', 'activity.dropped', { why: 'tenant', tenant: tenant ?? null });
        return false;
      }
    }
    const where = conversationKind(context);
    const reachable = where && (await rememberConversation(deps, identity.actorId(context), where, refFrom(context, deps.clock.now())));
    if (reachable) o.onReachable?.(reachable);
    return true;
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = context.activity.action ?? '';
    if (action.startsWith('remove')) await forgetConversation(deps, context.activity.conversation.id);
  });

  // The bot itself was added: greet the person by role, or tell the team what its channel will receive.
  app.conversationUpdate('membersAdded', async (context) => {
    if (!context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id)) return;
    const where = context.activity.conversation.conversationType;
    if (where === 'channel') return void (await say(context, channelWelcome()));
    if (where === 'groupChat') return;
    const turn = turnOf(context);
    await say(context, turn ? personalWelcome(turn.actor) : REFUSAL['unbekannte-person']);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const botId = context.activity.recipient.id;
    if (context.activity.membersRemoved?.some((m) => m.id === botId)) await forgetConversation(deps, context.activity.conversation.id);
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const turn = turnOf(context);
    if (!turn) return void (await say(context, REFUSAL['unbekannte-person']));
    const text = context.activity.text ?? '';
    if (!text.trim()) return void (await say(context, TEXT.noText));
    const parsed = parseCommand(text);
    if (!parsed.ok) return void (await sayAll(context, notACommand(turn.actor, parsed)));
    logger.log('info', 'command', { command: parsed.command.name });
    await sayAll(context, await turnMetrics.time(parsed.command.name, () => commandNamed(parsed.command.name).handle(turn, parsed.command)));
  });

  for (const action of CARD_ACTIONS) {
    app.adaptiveCards.actionExecute(action.verb, async (context, _state, raw) => {
      logger.log('info', 'card.action', { verb: action.verb });
      const turn = turnOf(context);
      if (!turn) return REFUSAL['unbekannte-person'];
      if (JSON.stringify(raw ?? {}).length > MAX_PAYLOAD_CHARS) return TEXT.malformedCard;
      const parsed = action.schema.safeParse(raw);
      if (!parsed.success) return TEXT.malformedCard;
      return (await turnMetrics.time(action.verb, () => action.handle(turn, parsed.data))) as never;
    });
  }
  // Registered last, so it only catches verbs no process declares (a forged or outdated card): Teams gets an answer.
  app.adaptiveCards.actionExecute(/.*/, async () => TEXT.malformedCard);

  app.error(async (context, error) => {
    logger.log('error', 'turn.failed', { error: error.message, stack: error.stack });
    // The apology is best effort: a failure to send it must not turn into an HTTP 500 with internal text.
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(TEXT.internalError).catch(() => undefined);
  });

  return app;
}
