import { z } from 'zod';
import { isValidWeek, type CalendarWeek, type LocalDate, type LocalTime } from '../domain/berlin-time.js';
import { ATTEMPT_KINDS, type AttemptKind } from '../domain/contact-attempt.js';
import { CONTACT_KINDS, type ContactKind } from '../domain/contact.js';
import { CUSTOMER_GROUPS, type CustomerGroup, type Profile } from '../domain/customer.js';
import { VISIT_OUTCOMES, type VisitResultInput } from '../domain/visit-result.js';
import type { TalkInput } from '../domain/talk-result.js';
import type { UsageKey } from './texts.js';

export type Command =
  | { name: 'hilfe' }
  | { name: 'kunde'; kdnr: string }
  | { name: 'kunde-neu'; kdnr: string; group: CustomerGroup; district: string; longTermUnemployed: boolean; profile: Profile | null }
  | { name: 'versuch'; kdnr: string; kind: AttemptKind; date?: LocalDate; time?: LocalTime }
  | { name: 'vormerken'; kdnr: string; submit?: { reason: string; invitationInMailbox: boolean } }
  | { name: 'ab-plan'; week?: { week: number; year?: number } }
  | { name: 'ergebnis'; kdnr: string; input?: VisitResultInput }
  | { name: 'aufgaben' }
  | { name: 'als'; who: string }
  | { name: 'meldeversaeumnis'; kdnr: string }
  | { name: 'rueckruf'; kdnr: string }
  | { name: 'gespraech'; kdnr: string; input?: TalkInput }
  | { name: 'ab'; state: 'verfuegbar' | 'unterwegs' | 'status' }
  | { name: 'abwesend'; until: LocalDate }
  | { name: 'anwesend' }
  | { name: 'zahlungseinstellung'; kdnr: string }
  | { name: 'kanal-hier' }
  | { name: 'kontakt'; kdnr: string; kind: ContactKind; date?: LocalDate }
  | { name: 'faellig' }
  | { name: 'intensiv'; kdnr: string }
  | { name: 'digest' }
  | { name: 'zustellung' };

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; error: 'unbekannt' }
  | { ok: false; error: 'syntax'; usage: UsageKey }
  | { ok: false; error: 'datum' };

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
const looksLikeDate = (s?: string) => s !== undefined && /^[\d.]+$/.test(s);
const looksLikeTime = (s?: string) => s !== undefined && /^[\d:]+$/.test(s);

/** Users may type umlauts: /rückruf is /rueckruf. */
const asciiFold = (s: string) => s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

const kdnr = z.string().min(1).max(40);
const lower = (s: string) => s.toLowerCase();

const schemas = {
  kunde: z.tuple([kdnr]),
  kundeNeu: z
    .tuple([z.literal('neu'), kdnr, z.string().transform(lower).pipe(z.enum(CUSTOMER_GROUPS)), z.string().min(1).max(60)])
    .rest(z.string().transform(lower).pipe(z.enum(['lza', 'profil-i', 'profil-z']))),
  kontakt: z.tuple([kdnr, z.string().transform(asciiFold).pipe(z.enum(CONTACT_KINDS))]).rest(z.string()).refine((t) => t.length <= 3),
  versuch: z.tuple([kdnr, z.string().transform(lower).pipe(z.enum(ATTEMPT_KINDS))]).rest(z.string()).refine((t) => t.length <= 4),
  ergebnis: z
    .tuple([kdnr, z.string().transform(lower).pipe(z.enum(VISIT_OUTCOMES)), z.string()])
    .rest(z.string().transform(lower).pipe(z.enum(['vermerk', 'meet-and-walk', 'auskunft', 'komplex', 'hinweis'])))
};

/**
 * Anchored: "/vormerkenX" is not "/vormerken", and "bitte /hilfe" is no command at all. The slash is optional because
 * Teams' command menu inserts the bare word ("vormerken").
 */
const COMMAND = /^\/?([a-zäöüß-]+)(?:\s+([\s\S]*))?$/i;


/** "bis TT.MM.JJJJ" → the date, or a parse problem. */
function untilDate(args: readonly string[]): { ok: true; date: LocalDate } | { ok: false; error: 'syntax' | 'datum' } {
  if (args.length !== 2 || args[0]!.toLowerCase() !== 'bis') return { ok: false, error: 'syntax' };
  const d = germanDate.safeParse(args[1]);
  return d.success ? { ok: true, date: d.data } : { ok: false, error: 'datum' };
}

export function parseCommand(text: string): ParseResult {
  const match = COMMAND.exec(text.replace(/\u00a0/g, ' ').trim());
  if (!match) return { ok: false, error: 'unbekannt' };
  const name = asciiFold(match[1]!);
  const rest = (match[2] ?? '').trim();
  const args = rest ? rest.split(/\s+/) : [];
  const syntax = (usage: UsageKey): ParseResult => ({ ok: false, error: 'syntax', usage });

  switch (name) {
    case 'hilfe':
    case 'help':
      return { ok: true, command: { name: 'hilfe' } };
    case 'aufgaben':
      return args.length ? syntax('aufgaben') : { ok: true, command: { name: 'aufgaben' } };
    case 'kunde': {
      if (args[0]?.toLowerCase() === 'neu') {
        const p = schemas.kundeNeu.safeParse(args);
        if (!p.success) return syntax('kundeNeu');
        const [, k, group, district, ...flags] = p.data;
        const profile = flags.includes('profil-i') ? 'I' : flags.includes('profil-z') ? 'Z' : null;
        return { ok: true, command: { name: 'kunde-neu', kdnr: k, group, district, longTermUnemployed: flags.includes('lza'), profile } };
      }
      const p = schemas.kunde.safeParse(args);
      return p.success ? { ok: true, command: { name: 'kunde', kdnr: p.data[0] } } : syntax('kunde');
    }
    case 'versuch': {
      const p = schemas.versuch.safeParse(args);
      if (!p.success) return syntax('versuch');
      const [k, kind, dateText, timeText] = p.data;
      if (dateText !== undefined && !looksLikeDate(dateText)) return syntax('versuch');
      if (timeText !== undefined && !looksLikeTime(timeText)) return syntax('versuch');
      const date = dateText === undefined ? undefined : germanDate.safeParse(dateText);
      const time = timeText === undefined ? undefined : clockTime.safeParse(timeText);
      if ((date && !date.success) || (time && !time.success)) return { ok: false, error: 'datum' };
      return { ok: true, command: { name: 'versuch', kdnr: k, kind, date: date?.data, time: time?.data } };
    }
    case 'vormerken': {
      if (args.length === 0) return syntax('vormerken');
      const [k, ...more] = args;
      if (more.length === 0) return { ok: true, command: { name: 'vormerken', kdnr: k! } };
      const invitationInMailbox = more[0]!.toLowerCase() === 'postfach';
      const reason = (invitationInMailbox ? more.slice(1) : more).join(' ');
      return { ok: true, command: { name: 'vormerken', kdnr: k!, submit: { reason, invitationInMailbox } } };
    }
    case 'ab-plan': {
      if (!rest) return { ok: true, command: { name: 'ab-plan' } };
      const w = /^(?:kw\s*)?(\d{1,2})(?:\s*\/\s*(\d{4}))?$/i.exec(rest);
      if (!w) return syntax('abPlan');
      const week = { week: Number(w[1]), year: w[2] ? Number(w[2]) : undefined };
      if (week.year !== undefined && !isValidWeek(week as CalendarWeek)) return syntax('abPlan');
      return { ok: true, command: { name: 'ab-plan', week } };
    }
    case 'ergebnis': {
      if (args.length === 1) return { ok: true, command: { name: 'ergebnis', kdnr: args[0]! } };
      const p = schemas.ergebnis.safeParse(args);
      if (!p.success) return syntax('ergebnis');
      const [k, outcome, dateText, ...flags] = p.data;
      const date = germanDate.safeParse(dateText);
      if (!date.success) return { ok: false, error: 'datum' };
      return {
        ok: true,
        command: {
          name: 'ergebnis',
          kdnr: k,
          input: {
            outcome,
            appointmentDate: date.data,
            verbisNoteWritten: flags.includes('vermerk'),
            meetAndWalk: flags.includes('meet-and-walk'),
            lowThresholdInfo: flags.includes('auskunft'),
            complex: flags.includes('komplex'),
            hintForBenefits: flags.includes('hinweis')
          }
        }
      };
    }
    case 'als':
      return rest ? { ok: true, command: { name: 'als', who: rest } } : syntax('als');
    case 'meldeversaeumnis':
    case 'rueckruf':
    case 'zahlungseinstellung':
      return args.length === 1 ? { ok: true, command: { name, kdnr: args[0]! } } : syntax(name);
    case 'gespraech': {
      if (args.length === 1) return { ok: true, command: { name: 'gespraech', kdnr: args[0]! } };
      const [k, ...more] = args;
      const flags = more.filter((a) => !looksLikeDate(a) && !looksLikeTime(a)).map(lower);
      if (!k || flags.some((f) => !['vermerk', 'gruende', 'gründe', 'motiviert'].includes(f))) return syntax('gespraech');
      const dateText = more.find((a) => looksLikeDate(a) && a.includes('.'));
      const timeText = more.find((a) => looksLikeTime(a) && a.includes(':'));
      if ((dateText === undefined) !== (timeText === undefined)) return syntax('gespraech');
      const date = dateText === undefined ? undefined : germanDate.safeParse(dateText);
      const time = timeText === undefined ? undefined : clockTime.safeParse(timeText);
      if ((date && !date.success) || (time && !time.success)) return { ok: false, error: 'datum' };
      const followUp = date?.data && time?.data ? { date: date.data, time: time.data } : undefined;
      return {
        ok: true,
        command: { name: 'gespraech', kdnr: k, input: { verbisNoteWritten: flags.includes('vermerk'), reasonsCleared: flags.some((f) => f.startsWith('gr')), motivated: flags.includes('motiviert'), followUp } }
      };
    }
    case 'ab': {
      const sub = asciiFold(args[0] ?? '');
      if (args.length === 1 && (sub === 'verfuegbar' || sub === 'unterwegs' || sub === 'status')) return { ok: true, command: { name: 'ab', state: sub } };
      if (sub === 'abwesend') {
        const until = untilDate(args.slice(1));
        return until.ok ? { ok: true, command: { name: 'abwesend', until: until.date } } : until.error === 'datum' ? { ok: false, error: 'datum' } : syntax('ab');
      }
      return syntax('ab');
    }
    case 'abwesend': {
      const until = untilDate(args);
      return until.ok ? { ok: true, command: { name: 'abwesend', until: until.date } } : until.error === 'datum' ? { ok: false, error: 'datum' } : syntax('abwesend');
    }
    case 'anwesend':
      return args.length ? syntax('anwesend') : { ok: true, command: { name: 'anwesend' } };
    case 'kanal':
      return rest.toLowerCase() === 'hier' ? { ok: true, command: { name: 'kanal-hier' } } : syntax('kanal');
    case 'digest':
      // "/digest hier" registers the channel like "/kanal hier"; "/digest" alone shows the TL the preview.
      if (!rest) return { ok: true, command: { name: 'digest' } };
      return rest.toLowerCase() === 'hier' ? { ok: true, command: { name: 'kanal-hier' } } : syntax('digest');
    case 'zustellung':
      return args.length ? syntax('zustellung') : { ok: true, command: { name: 'zustellung' } };
    case 'faellig':
      return args.length ? syntax('faellig') : { ok: true, command: { name: 'faellig' } };
    case 'intensiv':
      return args.length === 1 ? { ok: true, command: { name: 'intensiv', kdnr: args[0]! } } : syntax('intensiv');
    case 'kontakt': {
      const p = schemas.kontakt.safeParse(args);
      if (!p.success) return syntax('kontakt');
      const [k, kind, dateText] = p.data;
      if (p.data.length > 3) return syntax('kontakt');
      const date = dateText === undefined ? undefined : germanDate.safeParse(dateText);
      if (date && !date.success) return { ok: false, error: 'datum' };
      return { ok: true, command: { name: 'kontakt', kdnr: k, kind, date: date?.data } };
    }
    default:
      return { ok: false, error: 'unbekannt' };
  }
}
