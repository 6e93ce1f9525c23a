import { z } from 'zod';
import type { LocalDate } from '../domain/berlin-time.js';
import type { ParseStep } from './turn.js';

/** Shared pieces of the command grammar; each command's own grammar sits beside its handler. */

/** TT.MM.JJJJ that is a real calendar day → YYYY-MM-DD. */
export const germanDate = z
  .string()
  .regex(/^\d{1,2}\.\d{1,2}\.\d{4}$/)
  .transform((s) => {
    const [d, m, y] = s.split('.').map(Number) as [number, number, number];
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  })
  .refine((iso) => {
    const d = new Date(`${iso}T12:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
  });
export const clockTime = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/)
  .transform((t) => t.padStart(5, '0'));
export const looksLikeDate = (s?: string) => s !== undefined && /^[\d.]+$/.test(s);
export const looksLikeTime = (s?: string) => s !== undefined && /^[\d:]+$/.test(s);

/** Users may type umlauts: /rückruf is /rueckruf. */
export const asciiFold = (s: string) => s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

export const kdnrArg = z.string().min(1).max(40);
export const lower = (s: string) => s.toLowerCase();

export const SYNTAX = { ok: false, error: 'syntax' } as const;
export const BAD_DATE = { ok: false, error: 'datum' } as const;
export const parsed = <C>(command: C): ParseStep<C> => ({ ok: true, command });

/** "bis TT.MM.JJJJ" → the date, or a parse problem. */
export function untilDate(args: readonly string[]): { ok: true; date: LocalDate } | { ok: false; error: 'syntax' | 'datum' } {
  if (args.length !== 2 || args[0]!.toLowerCase() !== 'bis') return SYNTAX;
  const d = germanDate.safeParse(args[1]);
  return d.success ? { ok: true, date: d.data } : BAD_DATE;
}

/** A command of one Kundennummer and nothing else. */
export const oneKdnr =
  <N extends string>(name: N) =>
  (args: { readonly list: readonly string[] }): ParseStep<{ name: N; kdnr: string }> =>
    args.list.length === 1 ? parsed({ name, kdnr: args.list[0]! }) : SYNTAX;

/** A command without arguments. */
export const bare =
  <N extends string>(name: N) =>
  (args: { readonly list: readonly string[] }): ParseStep<{ name: N }> =>
    args.list.length ? SYNTAX : parsed({ name });
