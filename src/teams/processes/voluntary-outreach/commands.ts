import { countAnonymous } from '../../../app/anonymous-count.js';
import { previewVoluntary, readVoluntaryCase } from '../../../app/voluntary-access.js';
import { cancelVoluntary } from '../../../app/voluntary-result.js';
import { startSpontaneous } from '../../../app/voluntary-spontaneous.js';
import type { LocalDate, LocalTime } from '../../../domain/berlin-time.js';
import { mayBeAnonymous } from '../../../domain/anonymous-consultation.js';
import { VOLUNTARY_APPROACHES, type VoluntaryApproach } from '../../../domain/voluntary-case.js';
import { asciiFold, BAD_DATE, clockTime, germanDate, parsed, SYNTAX } from '../../command-args.js';
import { defineCommand, type CommandEntry, type ParseStep } from '../../turn.js';
import { staffName } from '../../view-context.js';
import { APPROACH_LABEL, VOLUNTARY_TEXT } from './texts.js';
import { planCard, resultFormCard } from './views.js';

type VoluntaryCommand =
  | { name: VoluntaryApproach; mode: 'planen'; kdnr: string; date: LocalDate; time: LocalTime }
  | { name: VoluntaryApproach; mode: 'absagen' | 'ergebnis' | 'jetzt'; kdnr: string };

/** `/<approach> <Kdnr> <TT.MM.JJJJ> <HH:MM>`, `/<approach> <Kdnr> jetzt`, `/<approach> absagen|ergebnis <Kdnr>`. */
const parseVoluntary =
  (name: VoluntaryApproach) =>
  ({ list }: { readonly list: readonly string[] }): ParseStep<VoluntaryCommand> => {
    const mode = list[0] === undefined ? '' : asciiFold(list[0]);
    if (mode === 'absagen' || mode === 'ergebnis') return list.length === 2 ? parsed({ name, mode, kdnr: list[1]! }) : SYNTAX;
    if (list.length === 2 && asciiFold(list[1]!) === 'jetzt') return parsed({ name, mode: 'jetzt', kdnr: list[0]! });
    if (list.length !== 3) return SYNTAX;
    const date = germanDate.safeParse(list[1]);
    const time = clockTime.safeParse(list[2]);
    return date.success && time.success ? parsed({ name, mode: 'planen', kdnr: list[0]!, date: date.data, time: time.data }) : BAD_DATE;
  };

const USAGE: Record<VoluntaryApproach, string> = {
  hausbesuch: 'Hausbesuch planen (freiwillig; nach vergeblichen Anrufversuchen, schriftlich angekündigt, in der Regel zu zweit); absagen, wenn der Kunde absagt; Ergebnis erfassen',
  'walk-and-talk': 'Walk and Talk planen (freiwillig; Treffpunkt mit dem Kunden vereinbart) oder spontan jetzt beginnen, wenn der Kunde im Büro ist; absagen; Ergebnis erfassen',
  begleitung: 'Begleitung zu Dritten planen (freiwillig; auf Wunsch des Kunden, bis zur Tür); absagen; Ergebnis erfassen'
};

/** seed 002 §§2–4: one command per approach, each planning, cancelling and opening the result card. */
function approachCommand(name: VoluntaryApproach): CommandEntry {
  return defineCommand<VoluntaryCommand>({
    name,
    usageKey: name,
    words: [name],
    usage: { syntax: `/${name} KDNR TT.MM.JJJJ HH:MM${name === 'walk-and-talk' ? ' | KDNR jetzt' : ''} | absagen KDNR | ergebnis KDNR`, text: USAGE[name] },
    action: 'freiwillig.planen',
    parse: parseVoluntary(name),
    handle: async (turn, c) => {
      if (c.mode === 'planen') {
        const r = await previewVoluntary(turn.deps, turn.actorId, c.kdnr, name);
        return r.ok ? planCard(turn.view, { customer: r.customer, approach: name, date: c.date, time: c.time, plannerId: turn.actorId, planned: r.planned }) : turn.no(r);
      }
      if (c.mode === 'jetzt') {
        const r = await startSpontaneous(turn.deps, turn.actorId, c.kdnr, name);
        return r.ok ? resultFormCard(turn.view, r.outreach, {}, { text: VOLUNTARY_TEXT.spontaneousStarted(r.outreach.kdnr, r.outreach.time), isError: false }) : turn.no(r);
      }
      if (c.mode === 'absagen') {
        const r = await cancelVoluntary(turn.deps, turn.actorId, { kdnr: c.kdnr, approach: name });
        return r.ok ? VOLUNTARY_TEXT.cancelled(APPROACH_LABEL[name], r.outreach.kdnr, r.told.map((id) => staffName(turn.view, id)).join(', ')) : turn.no(r);
      }
      const r = await readVoluntaryCase(turn.deps, turn.actorId, { kdnr: c.kdnr, approach: name });
      return r.ok ? resultFormCard(turn.view, r.outreach) : turn.no(r);
    }
  });
}

const approachWord = (word: string): VoluntaryApproach | undefined => VOLUNTARY_APPROACHES.find((a) => a === asciiFold(word));

export const VOLUNTARY_OUTREACH_COMMANDS: readonly CommandEntry[] = [
  ...VOLUNTARY_APPROACHES.map(approachCommand),
  defineCommand<{ name: 'anonym'; approach: VoluntaryApproach }>({
    name: 'anonym',
    usageKey: 'anonym',
    words: ['anonym'],
    usage: { syntax: `/anonym ${VOLUNTARY_APPROACHES.filter(mayBeAnonymous).join('|')}`, text: 'anonyme Beratung zählen (ohne Kundennummer und Inhalt; erscheint im Wochenrückblick)' },
    action: 'anonym.zaehlen',
    parse: ({ list }) => {
      const approach = list.length === 1 ? approachWord(list[0]!) : undefined;
      return approach ? parsed({ name: 'anonym', approach }) : SYNTAX;
    },
    handle: async (turn, c) => {
      const r = await countAnonymous(turn.deps, turn.actorId, c.approach);
      if (!r.ok) return turn.no(r);
      const counts = (Object.entries(r.counts) as Array<[VoluntaryApproach, number]>).map(([a, n]) => `${APPROACH_LABEL[a]} ${n}`).join(', ');
      return VOLUNTARY_TEXT.anonymCounted(APPROACH_LABEL[c.approach], counts);
    }
  })
];
