import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { Deps } from '../app/deps.js';
import type { Refused } from '../app/outcome.js';
import type { Action } from '../domain/authorization.js';
import type { StaffId, StaffMember } from '../domain/staff.js';
import type { AdaptiveCardJson } from './cards.js';
import type { Identity } from './identity.js';
import type { ViewContext } from './view-context.js';

/** What the bot answers: a text, a card, or (for a command) several of them. */
export type Reply = string | AdaptiveCardJson;

/** One turn of a known sender (strangers never get this far). */
export interface Turn {
  readonly deps: Deps;
  readonly identity: Identity;
  readonly context: TurnContext;
  readonly actorId: StaffId;
  readonly actor: StaffMember;
  readonly view: ViewContext;
  /** The German sentence for a refusal. */
  no(r: Refused): string;
  /** Someone became reachable in this turn (e.g. `/als`): what waits for them is sent at once. */
  reachable(staffId: StaffId): void;
  /** Sends one more message in this conversation (e.g. a form that must not replace the card it was opened from). */
  send(reply: Reply): Promise<void>;
  /** The `/hilfe` card: what this person may use, by process. */
  help(): AdaptiveCardJson;
  /** The answer to a command word that does not exist ("Meinten Sie …?", then the help). */
  unknown(word: string): Reply[];
}

export type ParseStep<C> = { ok: true; command: C } | { ok: false; error: 'syntax' | 'datum' } | 'nicht-meins';

/** The words after the command word. */
export interface Args {
  readonly rest: string;
  readonly list: readonly string[];
}

/**
 * A command, declared once: the words that start it, its German usage line, the action that authorises it (`/hilfe`
 * lists it only for those), its parser and its handler. `demo` commands exist only in local mode.
 */
export interface CommandSpec<C extends { readonly name: string }, Other extends { readonly name: string } = C> {
  readonly name: C['name'];
  /** The key of its usage line (`syntax` errors name it). */
  readonly usageKey: string;
  /** Typed words, lower case and without umlauts (`/rückruf` is `rueckruf`). */
  readonly words: readonly string[];
  readonly usage: { readonly syntax: string; readonly text: string };
  readonly action: Action | 'demo';
  /**
   * 'nicht-meins' passes the words to the next command with the same word (e.g. `/kunde neu` before `/kunde`). A parser
   * may produce another command (`Other`; e.g. `/ab abwesend bis …` is `abwesend`): dispatch is by command name.
   */
  readonly parse: (args: Args) => ParseStep<C | Other>;
  readonly handle: (turn: Turn, command: C) => Promise<Reply | Reply[]>;
}

/** A command with its command type forgotten, so that different commands share one table. */
export interface CommandEntry extends Omit<CommandSpec<{ readonly name: string }>, 'handle'> {
  readonly handle: (turn: Turn, command: { readonly name: string }) => Promise<Reply | Reply[]>;
}

export function defineCommand<C extends { readonly name: string }, Other extends { readonly name: string } = C>(spec: CommandSpec<C, Other>): CommandEntry {
  return { ...spec, handle: (turn, command) => spec.handle(turn, command as C) };
}

/** A card action (Action.Execute) by verb, with the zod schema its forgeable payload must pass. */
export interface CardActionEntry {
  readonly verb: string;
  readonly schema: z.ZodType;
  readonly handle: (turn: Turn, data: unknown) => Promise<Reply>;
}

export function defineAction<S extends z.ZodType>(verb: string, schema: S, handle: (turn: Turn, data: z.infer<S>) => Promise<Reply>): CardActionEntry {
  return { verb, schema, handle: (turn, data) => handle(turn, data as z.infer<S>) };
}
