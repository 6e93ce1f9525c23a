import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { completeTask } from '../app/complete-task.js';
import { createCustomer } from '../app/create-customer.js';
import { customerStatus } from '../app/customer-status.js';
import type { Deps } from '../app/deps.js';
import { flagCustomer, previewFlag } from '../app/flag-customer.js';
import { myTasks } from '../app/my-tasks.js';
import type { Refused } from '../app/outcome.js';
import { openCaseFor, recordVisitResult } from '../app/record-visit-result.js';
import { recordAttempt } from '../app/record-attempt.js';
import { weekPlan } from '../app/week-plan.js';
import { actorFor } from '../app/access.js';
import { bookCallback, type CallbackBooked } from '../app/book-callback.js';
import { claimTask } from '../app/claim-task.js';
import { abStatuses, setAbDayState, setAbsent, setPresent } from '../app/presence.js';
import { recordPaymentStop } from '../app/record-payment-stop.js';
import { claimedCaseFor, recordTalk } from '../app/record-talk.js';
import { registerTeamChannel } from '../app/register-team-channel.js';
import { reportMissedAppointment } from '../app/report-missed-appointment.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import type { Task } from '../domain/task.js';
import { answerAttendance } from '../app/attendance.js';
import { deliveryReport } from '../app/delivery-report.js';
import { myDueContacts } from '../app/due-contacts.js';
import { decideIntensive, requestIntensive } from '../app/intensive.js';
import { recordContact } from '../app/record-contact.js';
import { digestPreview } from '../app/weekly-digest.js';
import { contactDensityRule } from '../config/policy.js';
import type { ContactKind } from '../domain/contact.js';
import { dueDate } from '../domain/contact-density.js';
import type { Customer } from '../domain/customer.js';
import { mayUseAction, type Action } from '../domain/authorization.js';
import { berlinDate, calendarWeekOf, isValidWeek } from '../domain/berlin-time.js';
import { findStaff } from '../domain/staff.js';
import type { Logger } from '../log.js';
import { attendancePayload, contactSubmitPayload, intensiveDecisionPayload, taskIdPayload } from './card-payloads.js';
import { attemptSubmitPayload, caseRefPayload, completeTaskPayload, flagSubmitPayload, kdnrPayload, MAX_PAYLOAD_CHARS, talkSubmitPayload, taskRefPayload, visitSubmitPayload } from './card-payloads.js';
import { digestCard, dueContactsCard } from './card-views.js';
import { AB_STATUS_LABEL, abPlanCard, callbackOfferCard, customerStatusCard, flagFormCard, slotDe, talkFormCard, taskCard, taskListCard, visitFormCard } from './card-views.js';
import type { AdaptiveCardJson } from './cards.js';
import { parseCommand, type Command } from './command-parser.js';
import { captureConversation, refFrom } from './conversation-capture.js';
import { attemptWhenDe, dateDe, dateTimeDe, weekDe, weekdayDateDe } from './format.js';
import type { Identity } from './identity.js';
import { noMetrics, type TurnMetrics } from '../metrics/metrics.js';
import { refusalText } from './refusal-text.js';
import { CONTACT_LABEL } from './texts.js';
import { ATTEMPT_LABEL, REFUSAL, syntaxHelp, TEXT, usageLine, type UsageKey } from './texts.js';

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
  /** Called after a change queued notifications, so the sender drains at once. */
  readonly onQueued: () => void;
  /** Called when a person becomes reachable, so what waits for them is sent at once. */
  readonly onReachable?: (staffId: string) => void;
  readonly turnMetrics?: TurnMetrics;
}

const HELP: ReadonlyArray<[UsageKey, Action]> = [
  ['hilfe', 'hilfe'],
  ['kunde', 'kunde.lesen'],
  ['kundeNeu', 'kunde.anlegen'],
  ['versuch', 'versuch.erfassen'],
  ['vormerken', 'vormerken'],
  ['abPlan', 'ab-plan.lesen'],
  ['ergebnis', 'ergebnis.erfassen'],
  ['meldeversaeumnis', 'meldeversaeumnis.melden'],
  ['rueckruf', 'rueckruf.buchen'],
  ['gespraech', 'gespraech.erfassen'],
  ['ab', 'ab.status'],
  ['zahlungseinstellung', 'zahlungseinstellung.erfassen'],
  ['kontakt', 'kontakt.erfassen'],
  ['faellig', 'faellig.lesen'],
  ['intensiv', 'intensiv.anfragen'],
  ['digest', 'digest.lesen'],
  ['zustellung', 'zustellung.lesen'],
  ['aufgaben', 'aufgaben.lesen'],
  ['abwesend', 'abwesenheit'],
  ['anwesend', 'abwesenheit'],
  ['kanal', 'kanal.registrieren']
];

const cardActivity = (json: AdaptiveCardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(json));
type Reply = string | AdaptiveCardJson;
type CardResult = Promise<Reply>;

export function createBot(o: BotOptions): Application<TurnState> {
  const { deps, identity, logger, turnMetrics = noMetrics } = o;
  const app = new Application<TurnState>({ adapter: o.adapter, botAppId: o.botAppId, startTypingTimer: false, removeRecipientMention: true });
  const say = (context: TurnContext, reply: string | AdaptiveCardJson) => context.sendActivity(typeof reply === 'string' ? reply : cardActivity(reply));
  const no = (r: Refused) => refusalText(r, deps.policy);

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
    const reachable = await captureConversation(deps.store, context, identity.actorId(context), deps.clock.now());
    if (reachable) o.onReachable?.(reachable);
    return true;
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = context.activity.action ?? '';
    if (action.startsWith('remove')) await deps.store.forgetConversation(context.activity.conversation.id);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const botId = context.activity.recipient.id;
    if (context.activity.membersRemoved?.some((m) => m.id === botId)) await deps.store.forgetConversation(context.activity.conversation.id);
  });

  // ---- commands ------------------------------------------------------------------------------------------
  const help = (context: TurnContext, lead = ''): string => {
    const actor = findStaff(deps.directory, identity.actorId(context) ?? '');
    if (!actor) return REFUSAL['unbekannte-person'];
    const lines = HELP.filter(([, action]) => mayUseAction(actor, action)).map(([key]) => `- ${usageLine(key)}`);
    if (identity.actAs) lines.push(`- ${usageLine('als')}`);
    return `${lead ? lead + '\n\n' : ''}Sie sind angemeldet als ${actor.name} (${actor.roles.join(', ')}). Diese Befehle stehen Ihnen zur Verfügung:\n\n${lines.join('\n')}`;
  };

  const run = async (context: TurnContext, command: Command): Promise<Reply | Reply[]> => {
    const actorId = identity.actorId(context) ?? '';
    switch (command.name) {
      case 'hilfe':
        return help(context);
      case 'als': {
        if (!identity.actAs) return help(context, TEXT.unknownCommand);
        const member = identity.actAs(context, command.who, deps.directory);
        if (!member) return TEXT.localUnknownUser(deps.directory.staff.map((s) => s.name).join(', '));
        const reachable = await captureConversation(deps.store, context, member.id, deps.clock.now());
        if (reachable) o.onReachable?.(reachable);
        return TEXT.localActing(member.name, member.roles.join(', '));
      }
      case 'kunde': {
        const r = await customerStatus(deps, actorId, command.kdnr);
        return r.ok ? customerStatusCard(deps, r) : no(r);
      }
      case 'kunde-neu': {
        const r = await createCustomer(deps, actorId, command);
        return r.ok ? TEXT.customerCreated(r.customer.kdnr) : no(r);
      }
      case 'versuch': {
        const r = await recordAttempt(deps, actorId, command);
        if (!r.ok) return no(r);
        return TEXT.attemptRecorded(ATTEMPT_LABEL[r.attempt.kind], r.customer.kdnr, attemptWhenDe(r.attempt));
      }
      case 'vormerken': {
        if (!command.submit) {
          const preview = await previewFlag(deps, actorId, command.kdnr);
          return preview.ok ? flagFormCard(deps, preview) : no(preview);
        }
        const r = await flagCustomer(deps, actorId, { kdnr: command.kdnr, ...command.submit });
        if (!r.ok) return no(r);
        o.onQueued();
        return TEXT.flagged(r.outreach.kdnr, weekDe(r.outreach.targetWeek));
      }
      case 'ab-plan': {
        let week;
        if (command.week) {
          week = { week: command.week.week, year: command.week.year ?? calendarWeekOf(berlinDate(deps.clock.now())).year };
          if (!isValidWeek(week)) return syntaxHelp('abPlan');
        }
        const r = await weekPlan(deps, actorId, week);
        if (!r.ok) return no(r);
        return r.districts.length ? abPlanCard(deps, r) : TEXT.emptyPlan(weekDe(r.week));
      }
      case 'ergebnis': {
        if (!command.input) {
          const r = await openCaseFor(deps, actorId, { kdnr: command.kdnr });
          return r.ok ? visitFormCard(deps, r.outreach) : no(r);
        }
        const r = await recordVisitResult(deps, actorId, { kdnr: command.kdnr }, command.input);
        if (!r.ok) return no(r);
        o.onQueued();
        return TEXT.resultRecorded(r.outreach.kdnr);
      }
      case 'aufgaben': {
        const r = await myTasks(deps, actorId);
        if (!r.ok) return no(r);
        return r.tasks.length ? taskListCard(deps, r.tasks) : TEXT.noTasks;
      }
      case 'meldeversaeumnis': {
        const r = await reportMissedAppointment(deps, actorId, command.kdnr);
        if (!r.ok) return no(r);
        if (r.outcome === 'keine-ab') return callbackOfferCard(deps, r.customer, r.statuses);
        o.onQueued();
        return TEXT.abInformed(r.customer.kdnr, r.informed.map((id) => staffName(id)).join(', '));
      }
      case 'rueckruf': {
        const r = await bookCallback(deps, actorId, command.kdnr);
        if (!r.ok) return no(r);
        o.onQueued();
        return callbackBookedText(r);
      }
      case 'gespraech': {
        if (!command.input) {
          const r = await claimedCaseFor(deps, actorId, { kdnr: command.kdnr });
          return r.ok ? talkFormCard(deps, r.missed) : no(r);
        }
        const r = await recordTalk(deps, actorId, { kdnr: command.kdnr }, command.input);
        if (!r.ok) return no(r);
        o.onQueued();
        return talkRecordedText(r.missed.kind, r.tasks);
      }
      case 'ab': {
        if (command.state === 'status') {
          const statuses = await abStatuses(deps);
          const who = actorFor(deps, actorId, 'ab.status');
          if (!who.ok) return no(who);
          return `AB jetzt:\n\n${statuses.map((s) => `- ${staffName(s.staffId)}: ${AB_STATUS_LABEL[s.status]}`).join('\n')}`;
        }
        const r = await setAbDayState(deps, actorId, command.state);
        return r.ok ? TEXT.abState(command.state) : no(r);
      }
      case 'abwesend': {
        const r = await setAbsent(deps, actorId, command.until);
        return r.ok ? TEXT.absent(weekdayDateDe(r.until)) : no(r);
      }
      case 'anwesend': {
        const r = await setPresent(deps, actorId);
        if (!r.ok) return no(r);
        return r.routedWhileAway.length ? [TEXT.presentWithTasks(r.routedWhileAway.length), await taskListCard(deps, r.routedWhileAway)] : TEXT.present;
      }
      case 'zahlungseinstellung': {
        const r = await recordPaymentStop(deps, actorId, command.kdnr);
        return r.ok ? TEXT.paymentStopRecorded(r.stop.kdnr) : no(r);
      }
      case 'kontakt': {
        const r = await recordContact(deps, actorId, command);
        return r.ok ? contactRecordedText(r.customer, command.kind) : no(r);
      }
      case 'faellig': {
        const r = await myDueContacts(deps, actorId);
        return r.ok ? dueContactsCard(deps, r) : no(r);
      }
      case 'intensiv': {
        const r = await requestIntensive(deps, actorId, command.kdnr);
        if (!r.ok) return no(r);
        o.onQueued();
        return TEXT.intensiveRequested(r.customer.kdnr, r.add, r.after.count, r.after.quota);
      }
      case 'digest': {
        const r = await digestPreview(deps, actorId);
        return r.ok ? digestCard(deps, r) : no(r);
      }
      case 'zustellung': {
        const r = await deliveryReport(deps, actorId);
        return r.ok ? TEXT.deliveryReport(r.counts, r.lastErrors.map((e) => `${dateTimeDe(e.at)}: ${e.error} (${e.status})`)) : no(r);
      }
      case 'kanal-hier': {
        if (context.activity.conversation.conversationType !== 'channel') return REFUSAL['nur-im-kanal'];
        const channelId = (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? context.activity.conversation.id;
        const r = await registerTeamChannel(deps, actorId, channelId, refFrom(context, deps.clock.now()));
        return r.ok ? TEXT.channelRegistered(deps.directory.teams.find((t) => t.id === r.team)?.name ?? r.team) : no(r);
      }
    }
  };

  const staffName = (id: string) => findStaff(deps.directory, id)?.name ?? 'unbekannt';
  const contactRecordedText = (customer: Customer, kind: ContactKind) => {
    const last = customer.contacts[customer.contacts.length - 1]!;
    return TEXT.contactRecorded(CONTACT_LABEL[kind], customer.kdnr, dateDe(last.date), weekdayDateDe(dueDate(customer, contactDensityRule(deps.policy))));
  };
  const callbackBookedText = (r: CallbackBooked) => {
    const team = deps.directory.teams.find((t) => t.id === r.team)?.name ?? r.team;
    const where = r.viaChannel ? 'Die Karte steht im Teamkanal.' : `Informiert: ${r.recipients.map(staffName).join(', ')}.`;
    return TEXT.callbackBooked(slotDe(deps, r.slot), team, where);
  };
  const talkRecordedText = (kind: MissedAppointmentCase['kind'], tasks: readonly Task[]) =>
    TEXT.talkRecorded(kind === 'ab-gespraech', tasks.some((t) => t.kind === 'aufhebung-zahlungseinstellung'));

  app.activity(ActivityTypes.Message, async (context) => {
    const text = context.activity.text ?? '';
    if (!text.trim()) return void (await say(context, TEXT.noText));
    const parsed = parseCommand(text);
    if (!parsed.ok) {
      const reply = parsed.error === 'syntax' ? syntaxHelp(parsed.usage) : parsed.error === 'datum' ? REFUSAL['datum-ungueltig'] : help(context, TEXT.unknownCommand);
      return void (await say(context, reply));
    }
    logger.log('info', 'command', { command: parsed.command.name });
    const replies = await turnMetrics.time(parsed.command.name, () => run(context, parsed.command));
    for (const reply of Array.isArray(replies) ? replies : [replies]) await say(context, reply);
  });

  // ---- card actions (Action.Execute) -----------------------------------------------------------------------
  const action = <S extends z.ZodType>(verb: string, schema: S, handler: (context: TurnContext, actorId: string, data: z.infer<S>) => CardResult) =>
    app.adaptiveCards.actionExecute(verb, async (context, _state, raw) => {
      logger.log('info', 'card.action', { verb });
      if (JSON.stringify(raw ?? {}).length > MAX_PAYLOAD_CHARS) return TEXT.malformedCard;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return TEXT.malformedCard;
      return (await turnMetrics.time(verb, () => handler(context, identity.actorId(context) ?? '', parsed.data))) as never;
    });

  action('versuch.absenden', attemptSubmitPayload, async (_context, actorId, data) => {
    const r = await recordAttempt(deps, actorId, data);
    const status = await customerStatus(deps, actorId, data.kdnr);
    if (!status.ok) return no(r.ok ? status : r);
    if (!r.ok) return customerStatusCard(deps, status, { text: no(r), isError: true });
    return customerStatusCard(deps, status, { text: TEXT.attemptRecorded(ATTEMPT_LABEL[r.attempt.kind], r.customer.kdnr, attemptWhenDe(r.attempt)), isError: false });
  });

  action('vormerken.formular', kdnrPayload, async (_context, actorId, data) => {
    const preview = await previewFlag(deps, actorId, data.kdnr);
    return preview.ok ? flagFormCard(deps, preview) : no(preview);
  });

  action('vormerken.absenden', flagSubmitPayload, async (_context, actorId, data) => {
    const r = await flagCustomer(deps, actorId, { kdnr: data.kdnr, reason: data.reason, invitationInMailbox: data.postfach });
    const preview = await previewFlag(deps, actorId, data.kdnr);
    if (!preview.ok) return no(r.ok ? preview : r);
    if (!r.ok) return flagFormCard(deps, preview, { error: no(r) });
    o.onQueued();
    return flagFormCard(deps, preview, { error: '', done: TEXT.flagged(r.outreach.kdnr, weekDe(r.outreach.targetWeek)) });
  });

  action('aufgabe.uebernehmen', taskRefPayload, async (_context, actorId, data) => {
    const r = await claimTask(deps, actorId, data.taskId, data.version);
    if (!r.ok) return r.reason === 'bereits-uebernommen' && r.claimedBy ? TEXT.alreadyClaimedBy(staffName(r.claimedBy)) : no(r);
    o.onQueued();
    return (await taskCard(deps, r.task, actorId)).json;
  });

  action('rueckruf.buchen', kdnrPayload, async (_context, actorId, data) => {
    const r = await bookCallback(deps, actorId, data.kdnr);
    if (!r.ok) return no(r);
    o.onQueued();
    const customer = await deps.store.getCustomer(r.kdnr);
    return customer ? callbackOfferCard(deps, customer, await abStatuses(deps), { done: callbackBookedText(r) }) : callbackBookedText(r);
  });

  action('gespraech.formular', caseRefPayload, async (_context, actorId, data) => {
    const r = await claimedCaseFor(deps, actorId, data);
    return r.ok ? talkFormCard(deps, r.missed) : no(r);
  });

  action('gespraech.absenden', talkSubmitPayload, async (_context, actorId, data) => {
    const { caseId, version, followUpDate, followUpTime, ...rest } = data;
    const followUp = followUpDate && followUpTime ? { date: followUpDate, time: followUpTime } : undefined;
    const r = await recordTalk(deps, actorId, { caseId, version }, { ...rest, followUp });
    if (r.ok) {
      o.onQueued();
      return talkFormCard(deps, r.missed, { done: talkRecordedText(r.missed.kind, r.tasks) });
    }
    const current = await deps.store.getMissedCase(caseId);
    const mayRetry = current && current.status === 'uebernommen' && current.claimedBy === actorId && current.version === version;
    return mayRetry ? talkFormCard(deps, current, { error: no(r) }) : no(r);
  });

  action('kontakt.absenden', contactSubmitPayload, async (_context, actorId, data) => {
    const r = await recordContact(deps, actorId, data);
    const list = await myDueContacts(deps, actorId);
    if (!list.ok) return no(r.ok ? list : r);
    return dueContactsCard(deps, list, r.ok ? { text: contactRecordedText(r.customer, data.kind), isError: false } : { text: no(r), isError: true });
  });

  action('intensiv.entscheiden', intensiveDecisionPayload, async (_context, actorId, data) => {
    const r = await decideIntensive(deps, actorId, data.taskId, data.version, data.approve);
    return r.ok ? (await taskCard(deps, r.task, actorId)).json : no(r);
  });

  action('erschienen.antwort', attendancePayload, async (_context, actorId, data) => {
    const r = await answerAttendance(deps, actorId, data.taskId, data.version, data.answer);
    return r.ok ? (await taskCard(deps, r.task, actorId)).json : no(r);
  });

  action('zahlungseinstellung.erfassen', kdnrPayload, async (_context, actorId, data) => {
    const r = await recordPaymentStop(deps, actorId, data.kdnr);
    return r.ok ? TEXT.paymentStopRecorded(r.stop.kdnr) : no(r);
  });

  action('aufgabe.anzeigen', taskIdPayload, async (_context, actorId, data) => {
    const r = await myTasks(deps, actorId);
    if (!r.ok) return no(r);
    const task = r.tasks.find((t) => t.id === data.taskId);
    return task ? (await taskCard(deps, task, actorId)).json : REFUSAL['aufgabe-unbekannt'];
  });

  action('ergebnis.formular', caseRefPayload, async (_context, actorId, data) => {
    const r = await openCaseFor(deps, actorId, data);
    return r.ok ? visitFormCard(deps, r.outreach) : no(r);
  });

  action('ergebnis.absenden', visitSubmitPayload, async (_context, actorId, data) => {
    const { caseId, version, ...input } = data;
    const r = await recordVisitResult(deps, actorId, { caseId, version }, input);
    if (r.ok) {
      o.onQueued();
      return visitFormCard(deps, r.outreach, { done: TEXT.resultRecorded(r.outreach.kdnr) });
    }
    const current = await deps.store.getCase(caseId);
    const mayRetry = current && current.status === 'vorgemerkt' && current.version === version && r.reason !== 'rolle-fehlt' && r.reason !== 'unbekannte-person';
    return mayRetry ? visitFormCard(deps, current, { error: no(r) }) : no(r);
  });

  action('aufgabe.erledigen', completeTaskPayload, async (_context, actorId, data) => {
    const r = await completeTask(deps, actorId, data.taskId, data.version);
    if (!r.ok) return no(r);
    if (data.from === 'liste') {
      const open = await myTasks(deps, actorId);
      return taskListCard(deps, open.ok ? open.tasks : [], 'Erledigt. Die übrigen offenen Aufgaben:');
    }
    return (await taskCard(deps, r.task)).json;
  });

  app.error(async (context, error) => {
    logger.log('error', 'turn.failed', { error: error.message, stack: error.stack });
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(TEXT.internalError);
  });

  return app;
}
