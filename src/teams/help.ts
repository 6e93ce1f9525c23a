import { distance } from 'fastest-levenshtein';
import { mayUseAction } from '../domain/authorization.js';
import type { StaffMember } from '../domain/staff.js';
import { renderCard, type AdaptiveCardJson } from './cards.js';
import { COMMAND_GROUPS } from './processes/index.js';
import type { CommandEntry } from './turn.js';
import { TEXT } from './texts.js';

/** A command is offered to someone who may use it; the demo's commands only in local mode. */
const offered = (actor: StaffMember, localMode: boolean) => (c: CommandEntry) => (c.action === 'demo' ? localMode : mayUseAction(actor, c.action));

/** `/hilfe`: the commands this person may use, grouped by process; a process with none of them is left out. */
export function helpCard(actor: StaffMember, localMode: boolean, kdnrExample: string): AdaptiveCardJson {
  const groups = COMMAND_GROUPS.map((g) => ({ title: g.title, commands: g.commands.filter(offered(actor, localMode)).map((c) => c.usage) })).filter((g) => g.commands.length > 0);
  return renderCard('help', { who: `${actor.name} (${actor.roles.join(', ')})`, kdnrExample, groups });
}

/**
 * The closest command this person may use to a word that is none: a typo (at most a third of the word's letters
 * off) or the start of a command ("vorm" → /vormerken). None when nothing is close, so a guess never misleads.
 */
export function closestCommand(word: string, actor: StaffMember, localMode: boolean): CommandEntry | undefined {
  const typed = word.toLowerCase();
  if (typed.length < 2) return undefined;
  let best: { entry: CommandEntry; cost: number } | undefined;
  for (const entry of COMMAND_GROUPS.flatMap((g) => g.commands).filter(offered(actor, localMode))) {
    for (const w of entry.words) {
      const cost = w.startsWith(typed) ? 0.5 : distance(typed, w);
      if (cost <= Math.max(1, Math.floor(w.length / 3)) && (!best || cost < best.cost)) best = { entry, cost };
    }
  }
  return best?.entry;
}

/** The answer to a command word nobody knows: the closest command first, then the whole help. */
export function unknownCommandReplies(word: string, actor: StaffMember, localMode: boolean, kdnrExample: string): [string, AdaptiveCardJson] {
  const near = closestCommand(word, actor, localMode);
  return [near ? TEXT.didYouMean(near.usage.syntax) : TEXT.unknownCommand, helpCard(actor, localMode, kdnrExample)];
}
