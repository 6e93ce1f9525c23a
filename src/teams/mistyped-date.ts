import { clockTime, germanDate } from './command-args.js';

/** A word that was meant as a date or a time but is not one in the form the commands take. */
export type MistypedDate = { readonly kind: 'datum'; readonly typed: string; readonly meant?: string } | { readonly kind: 'uhrzeit'; readonly typed: string };

const DATE_LIKE = /^(\d{1,4})[.\-/](\d{1,2})(?:[.\-/](\d{0,4}))?$/;
const TIME_LIKE = /^\d{1,2}:\d{1,2}$/;

/** What the user probably meant, as TT.MM.JJJJ: from 2026-12-01, 1.12.26 or 1/12/2026; none when it is no real day. */
function meantDate(typed: string): string | undefined {
  const m = DATE_LIKE.exec(typed);
  if (!m || m[3] === undefined || m[3] === '') return undefined;
  const iso = m[1]!.length === 4;
  const [d, mo, yRaw] = iso ? [m[3], m[2]!, m[1]!] : [m[1]!, m[2]!, m[3]];
  const y = yRaw.length === 2 ? `20${yRaw}` : yRaw;
  const candidate = `${d.padStart(2, '0')}.${mo.padStart(2, '0')}.${y}`;
  return germanDate.safeParse(candidate).success ? candidate : undefined;
}

/** The first word of a command that looks like a date or a time but is not valid as typed. */
export function findMistypedDate(words: readonly string[]): MistypedDate | undefined {
  for (const typed of words) {
    if (TIME_LIKE.test(typed)) {
      if (!clockTime.safeParse(typed).success) return { kind: 'uhrzeit', typed };
    } else if (DATE_LIKE.test(typed) && !germanDate.safeParse(typed).success) {
      const meant = meantDate(typed);
      return meant ? { kind: 'datum', typed, meant } : { kind: 'datum', typed };
    }
  }
  return undefined;
}
