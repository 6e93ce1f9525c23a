import { rememberConversation } from '../../../app/conversations.js';
import { deliveryReport } from '../../../app/delivery-report.js';
import { registerTeamChannel } from '../../../app/register-team-channel.js';
import { digestPreview } from '../../../app/weekly-digest.js';
import { bare, parsed, SYNTAX } from '../../command-args.js';
import { channelIdOf, refFrom } from '../../conversation-capture.js';
import { dateTimeDe } from '../../format.js';
import { TEXT } from '../../texts.js';
import { REFUSAL } from '../../refusal-catalogue.js';
import { defineCommand } from '../../turn.js';
import { teamName } from '../../view-context.js';
import { digestCard } from './views.js';

/** Help, the team channel and its digest, the delivery report, and the demo's `/als`. */
export const HELP_COMMAND = defineCommand({
  name: 'hilfe',
  usageKey: 'hilfe',
  words: ['hilfe', 'help'],
  usage: { syntax: '/hilfe', text: 'diese Übersicht' },
  action: 'hilfe',
  parse: () => parsed({ name: 'hilfe' }),
  handle: async (turn) => turn.help()
});

export const ADMINISTRATION_COMMANDS = [
  defineCommand<{ name: 'digest' }, { name: 'kanal-hier' }>({
    name: 'digest',
    usageKey: 'digest',
    words: ['digest'],
    usage: { syntax: '/digest [hier]', text: 'Vorschau des Wochenrückblicks Ihres Teams; „hier“ im Teamkanal legt den Kanal fest' },
    action: 'digest.lesen',
    // "/digest hier" registers the channel like "/kanal hier"; "/digest" alone shows the TL the preview.
    parse: ({ rest }) => (!rest ? parsed({ name: 'digest' }) : rest.toLowerCase() === 'hier' ? parsed({ name: 'kanal-hier' }) : SYNTAX),
    handle: async (turn) => {
      const r = await digestPreview(turn.deps, turn.actorId);
      return r.ok ? digestCard(turn.view, r) : turn.no(r);
    }
  }),
  defineCommand({
    name: 'zustellung',
    usageKey: 'zustellung',
    words: ['zustellung'],
    usage: { syntax: '/zustellung', text: 'Stand der Zustellung von Karten und Aufgaben (Anzahl, letzte Fehler)' },
    action: 'zustellung.lesen',
    parse: bare('zustellung'),
    handle: async (turn) => {
      const r = await deliveryReport(turn.deps, turn.actorId);
      return r.ok ? TEXT.deliveryReport(r.counts, r.lastErrors.map((e) => `${dateTimeDe(e.at)}: ${e.error} (${e.status})`)) : turn.no(r);
    }
  }),
  defineCommand({
    name: 'kanal-hier',
    usageKey: 'kanal',
    words: ['kanal'],
    usage: { syntax: '/kanal hier', text: 'im Teamkanal: diesen Kanal für Rückrufe und den Wochenrückblick Ihres Teams festlegen (auch /digest hier)' },
    action: 'kanal.registrieren',
    parse: ({ rest }) => (rest.toLowerCase() === 'hier' ? parsed({ name: 'kanal-hier' }) : SYNTAX),
    handle: async (turn) => {
      const { context, deps } = turn;
      if (context.activity.conversation.conversationType !== 'channel') return REFUSAL['nur-im-kanal'];
      const r = await registerTeamChannel(deps, turn.actorId, channelIdOf(context), refFrom(context, deps.clock.now()));
      return r.ok ? TEXT.channelRegistered(teamName(turn.view, r.team)) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'als'; who: string }>({
    name: 'als',
    usageKey: 'als',
    words: ['als'],
    usage: { syntax: '/als NAME', text: '[nur Demo] als andere Person handeln' },
    action: 'demo',
    parse: ({ rest }) => (rest ? parsed({ name: 'als', who: rest }) : SYNTAX),
    handle: async (turn, { who }) => {
      const { identity, deps, context } = turn;
      if (!identity.actAs) return turn.unknown('als');
      const member = identity.actAs(context, who, deps.directory);
      if (!member) return TEXT.localUnknownUser(deps.directory.staff.map((s) => s.name).join(', '));
      const reachable = await rememberConversation(deps, member.id, { kind: 'personal' }, refFrom(context, deps.clock.now()));
      if (reachable) turn.reachable(reachable);
      return TEXT.localActing(member.name, member.roles.join(', '));
    }
  })
];
