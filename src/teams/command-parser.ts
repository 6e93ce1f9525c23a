import { asciiFold } from './command-args.js';
import { COMMANDS } from './processes/index.js';
import type { CommandEntry } from './turn.js';

export type Command = { readonly name: string };

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; error: 'unbekannt' }
  | { ok: false; error: 'syntax'; usage: string }
  | { ok: false; error: 'datum' };

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
  if (!match) return { ok: false, error: 'unbekannt' };
  const rest = (match[2] ?? '').trim();
  const args = { rest, list: rest ? rest.split(/\s+/) : [] };
  for (const entry of byWord.get(asciiFold(match[1]!)) ?? []) {
    const step = entry.parse(args);
    if (step === 'nicht-meins') continue;
    if (step.ok) return step;
    return step.error === 'syntax' ? { ok: false, error: 'syntax', usage: entry.usageKey } : { ok: false, error: 'datum' };
  }
  return { ok: false, error: 'unbekannt' };
}

/** The entry that handles a parsed command. */
export function commandNamed(name: string): CommandEntry {
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) throw new Error(`no handler for command ${name}`);
  return entry;
}

/** The entry whose usage a syntax error names. */
export const commandWithUsage = (usageKey: string) => COMMANDS.find((c) => c.usageKey === usageKey)!;
