import { asciiFold } from './command-args.js';
import { findMistypedDate, type MistypedDate } from './mistyped-date.js';
import { COMMANDS } from './processes/index.js';
import type { CommandEntry } from './turn.js';

export type Command = { readonly name: string };

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; error: 'unbekannt'; word: string }
  | { ok: false; error: 'syntax'; usage: string }
  /** A date or time the command could not take; `mistyped` names the word when it can be found. */
  | { ok: false; error: 'datum'; usage: string; mistyped?: MistypedDate };

/**
 * Anchored: "/vormerkenX" is not "/vormerken", and "bitte /hilfe" is no command at all. The slash is optional because
 * Teams' command menu inserts the bare word ("vormerken").
 */
const COMMAND = /^\/?([a-zäöüß][a-zäöüß0-9-]*)(?:\s+([\s\S]*))?$/i;

const byWord = new Map<string, CommandEntry[]>();
for (const entry of COMMANDS) for (const word of entry.words) byWord.set(word, [...(byWord.get(word) ?? []), entry]);

/** The command table's grammar: the first command of the typed word that claims the words parses them. */
export function parseCommand(text: string): ParseResult {
  const match = COMMAND.exec(text.replace(/\u00a0/g, ' ').trim());
  if (!match) return { ok: false, error: 'unbekannt', word: '' };
  const rest = (match[2] ?? '').trim();
  const args = { rest, list: rest ? rest.split(/\s+/) : [] };
  for (const entry of byWord.get(asciiFold(match[1]!)) ?? []) {
    const step = entry.parse(args);
    if (step === 'nicht-meins') continue;
    if (step.ok) return step;
    // A date typed another way (2026-12-01, 1.12.26) is answered about the date, not with the whole usage line.
    const mistyped = findMistypedDate(args.list);
    if (step.error === 'datum' || mistyped) return mistyped ? { ok: false, error: 'datum', usage: entry.usageKey, mistyped } : { ok: false, error: 'datum', usage: entry.usageKey };
    return { ok: false, error: 'syntax', usage: entry.usageKey };
  }
  return { ok: false, error: 'unbekannt', word: match[1]! };
}

/** The entry that handles a parsed command. */
export function commandNamed(name: string): CommandEntry {
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) throw new Error(`no handler for command ${name}`);
  return entry;
}

/** The entry whose usage a syntax error names. */
export const commandWithUsage = (usageKey: string) => COMMANDS.find((c) => c.usageKey === usageKey)!;
