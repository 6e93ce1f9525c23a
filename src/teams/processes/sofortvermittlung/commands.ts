import { firstTalkFor } from '../../../app/first-talk.js';
import { newcomerFormFor } from '../../../app/route-newcomer.js';
import { todaysQueue } from '../../../app/walk-in-queue.js';
import { bare, oneKdnr } from '../../command-args.js';
import { defineCommand } from '../../turn.js';
import { firstTalkFormCard, newcomerFormCard, walkInQueueCard } from './views.js';

/** Sofortvermittlung of new customers (seed 004): routing at the Eingangszone, the walk-in queue, the first talk. */
export const SOFORTVERMITTLUNG_COMMANDS = [
  defineCommand<{ name: 'neukunde'; kdnr: string }>({
    name: 'neukunde',
    usageKey: 'neukunde',
    words: ['neukunde'],
    usage: { syntax: '/neukunde KDNR', text: 'Neukunde in der Eingangszone: Zugangssteuerung – Sofortvermittlung (Wartenummer oder Termin), Reha/U25, AMM oder zuständige IFK' },
    action: 'neukunde.weiterleiten',
    parse: oneKdnr('neukunde'),
    handle: async (turn, { kdnr }) => {
      const r = newcomerFormFor(turn.deps, turn.actorId, kdnr);
      return r.ok ? newcomerFormCard(turn.view, r.kdnr) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'warteschlange' }>({
    name: 'warteschlange',
    usageKey: 'warteschlange',
    words: ['warteschlange'],
    usage: { syntax: '/warteschlange', text: 'die heutige Warteschlange der Sofortvermittlung (Nächster Kunde, Beratung beendet)' },
    action: 'warteschlange.bearbeiten',
    parse: bare('warteschlange'),
    handle: async (turn) => {
      const r = await todaysQueue(turn.deps, turn.actorId);
      return r.ok ? walkInQueueCard(turn.view, r.queue, turn.actorId) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'erstgespraech'; kdnr: string }>({
    name: 'erstgespraech',
    usageKey: 'erstgespraech',
    words: ['erstgespraech'],
    usage: { syntax: '/erstgespraech KDNR', text: 'Erstgespräch der Sofortvermittlung erfassen: Mindestinhalte, Sofortmaßnahme, künftige IFK' },
    action: 'erstgespraech.erfassen',
    parse: oneKdnr('erstgespraech'),
    handle: async (turn, { kdnr }) => {
      const r = await firstTalkFor(turn.deps, turn.actorId, kdnr);
      return r.ok ? firstTalkFormCard(turn.view, turn.deps.calendar, r) : turn.no(r);
    }
  })
];
