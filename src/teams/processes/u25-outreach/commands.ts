import { z } from 'zod';
import { readU25Case } from '../../../app/u25-access.js';
import { u25Evaluation } from '../../../app/u25-evaluation.js';
import { recordExpense } from '../../../app/u25-expense.js';
import { planVisit, recordMissedU25Appointment } from '../../../app/u25-field.js';
import { previewHandover } from '../../../app/u25-handover.js';
import { extendActivation } from '../../../app/u25-phase.js';
import { arrangeJointTalk, returnToPap } from '../../../app/u25-return.js';
import { berlinDate, type LocalDate, type LocalTime } from '../../../domain/berlin-time.js';
import { effectivePhaseEnd } from '../../../domain/u25-case.js';
import { hasRole } from '../../../domain/staff.js';
import { asciiFold, BAD_DATE, bare, clockTime, germanDate, oneKdnr, parsed, SYNTAX } from '../../command-args.js';
import { dateDe, euroDe } from '../../format.js';
import { defineCommand, type ParseStep } from '../../turn.js';
import { U25_TEXT } from './texts.js';
import { evaluationCard, handoverFormCard, u25CaseCard } from './views.js';

/** A typed date, or the parse problem. */
const dateArg = (text: string | undefined): { ok: true; date: LocalDate } | { ok: false; error: 'syntax' | 'datum' } => {
  if (text === undefined) return SYNTAX;
  const d = germanDate.safeParse(text);
  return d.success ? { ok: true, date: d.data } : BAD_DATE;
};

/** "4,50", "4.50", "12", "4,50€" → 450 cents; integers of cents throughout. */
const euroAmount = z
  .string()
  .transform((s) => s.replace(/€$/, ''))
  .pipe(z.string().regex(/^\d{1,4}(?:[.,]\d{1,2})?$/))
  .transform((s) => {
    const [euros, cents = ''] = s.split(/[.,]/) as [string, string?];
    return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
  });

/** seed 001: outreach for under-25s — handover, activation phase, return, visits by two, sanctions, budget, evaluation. */
export const U25_OUTREACH_COMMANDS = [
  defineCommand<{ name: 'u25-uebergabe'; kdnr: string }>({
    name: 'u25-uebergabe',
    usageKey: 'u25-uebergabe',
    words: ['u25-uebergabe'],
    usage: { syntax: '/u25-uebergabe KDNR', text: 'Kunden unter 25 an die Aufsuchende Beratung U25 (aB-pAp) übergeben' },
    action: 'u25.uebergeben',
    parse: oneKdnr('u25-uebergabe'),
    handle: async (turn, { kdnr }) => {
      const r = await previewHandover(turn.deps, turn.actorId, kdnr);
      return r.ok ? handoverFormCard(turn.view, r) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'u25'; kdnr: string }>({
    name: 'u25',
    usageKey: 'u25',
    words: ['u25'],
    usage: { syntax: '/u25 KDNR', text: 'Stand der Aufsuchenden Beratung U25: wer jetzt zuständig ist, Aktivierungsphase, Verlauf' },
    action: 'u25.lesen',
    parse: oneKdnr('u25'),
    handle: async (turn, { kdnr }) => {
      const r = await readU25Case(turn.deps, turn.actorId, { kdnr });
      return r.ok ? u25CaseCard(turn.view, r.outreach) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'u25-verlaengern'; kdnr: string; until: LocalDate; reason: string }>({
    name: 'u25-verlaengern',
    usageKey: 'u25-verlaengern',
    words: ['u25-verlaengern'],
    usage: { syntax: '/u25-verlaengern KDNR TT.MM.JJJJ BEGRÜNDUNG…', text: 'Aktivierungsphase ausnahmsweise verlängern (mit Begründung)' },
    action: 'u25.bearbeiten',
    parse: ({ list }) => {
      if (list.length < 3) return SYNTAX;
      const until = dateArg(list[1]);
      return until.ok ? parsed({ name: 'u25-verlaengern', kdnr: list[0]!, until: until.date, reason: list.slice(2).join(' ') }) : until;
    },
    handle: async (turn, c) => {
      const r = await extendActivation(turn.deps, turn.actorId, { kdnr: c.kdnr }, c.until, c.reason);
      return r.ok ? U25_TEXT.extended(r.outreach.kdnr, dateDe(effectivePhaseEnd(r.outreach))) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'u25-gespraech'; kdnr: string; date: LocalDate; time: LocalTime }>({
    name: 'u25-gespraech',
    usageKey: 'u25-gespraech',
    words: ['u25-gespraech'],
    usage: { syntax: '/u25-gespraech KDNR TT.MM.JJJJ HH:MM', text: 'gemeinsames Gespräch aB-pAp, pAp und Kunde vereinbaren (vor der Rückgabe)' },
    action: 'u25.bearbeiten',
    parse: ({ list }) => {
      if (list.length !== 3) return SYNTAX;
      const date = dateArg(list[1]);
      const time = clockTime.safeParse(list[2]);
      if (!date.ok) return date;
      return time.success ? parsed({ name: 'u25-gespraech', kdnr: list[0]!, date: date.date, time: time.data }) : BAD_DATE;
    },
    handle: async (turn, c) => {
      const r = await arrangeJointTalk(turn.deps, turn.actorId, { kdnr: c.kdnr }, c.date, c.time);
      return r.ok ? U25_TEXT.talkArranged(r.outreach.kdnr, `${dateDe(c.date)}, ${c.time} Uhr`, turn.view.directory.staff.find((s) => s.id === r.outreach.hbId)?.name ?? 'der pAp') : turn.no(r);
    }
  }),
  defineCommand<{ name: 'u25-rueckgabe'; kdnr: string; early: boolean; reason?: string }>({
    name: 'u25-rueckgabe',
    usageKey: 'u25-rueckgabe',
    words: ['u25-rueckgabe'],
    usage: { syntax: '/u25-rueckgabe KDNR [vorzeitig BEGRÜNDUNG…]', text: 'Kunden nach dem gemeinsamen Gespräch an den pAp zurückgeben (vorzeitig: Mitwirkung nicht herstellbar, mit Begründung)' },
    action: 'u25.bearbeiten',
    parse: ({ list }) => {
      if (list.length === 1) return parsed({ name: 'u25-rueckgabe', kdnr: list[0]!, early: false });
      if (list.length >= 2 && asciiFold(list[1]!) === 'vorzeitig') return parsed({ name: 'u25-rueckgabe', kdnr: list[0]!, early: true, reason: list.slice(2).join(' ') });
      return SYNTAX;
    },
    handle: async (turn, c) => {
      const r = await returnToPap(turn.deps, turn.actorId, { kdnr: c.kdnr }, { early: c.early, reason: c.reason });
      return r.ok ? U25_TEXT.returned(r.outreach.kdnr, turn.view.directory.staff.find((s) => s.id === r.outreach.hbId)?.name ?? 'den pAp') : turn.no(r);
    }
  }),
  defineCommand<{ name: 'u25-besuch'; kdnr: string; date: LocalDate; second?: string; aloneReason?: string }>({
    name: 'u25-besuch',
    usageKey: 'u25-besuch',
    words: ['u25-besuch'],
    usage: { syntax: '/u25-besuch KDNR TT.MM.JJJJ mit NAME|allein BEGRÜNDUNG…', text: 'Besuch planen: in der Regel zu zweit, allein nur mit Begründung' },
    action: 'u25.bearbeiten',
    parse: ({ list }): ParseStep<{ name: 'u25-besuch'; kdnr: string; date: LocalDate; second?: string; aloneReason?: string }> => {
      if (list.length < 2) return SYNTAX;
      const date = dateArg(list[1]);
      if (!date.ok) return date;
      const [how, ...rest] = list.slice(2);
      const base = { name: 'u25-besuch' as const, kdnr: list[0]!, date: date.date };
      if (how === undefined) return parsed(base);
      if (asciiFold(how) === 'mit' && rest.length) return parsed({ ...base, second: rest.join(' ') });
      if (asciiFold(how) === 'allein') return parsed({ ...base, aloneReason: rest.join(' ') });
      return SYNTAX;
    },
    handle: async (turn, c) => {
      const needle = c.second?.toLowerCase();
      const matches = needle ? turn.view.directory.staff.filter((s) => s.name.toLowerCase().includes(needle)) : [];
      // An ambiguous or unknown name gives no id; the rule then refuses it as unknown.
      const secondPersonId = needle ? (matches.length === 1 ? matches[0]!.id : '') : undefined;
      const r = await planVisit(turn.deps, turn.actorId, { kdnr: c.kdnr }, { date: c.date, secondPersonId, aloneReason: c.aloneReason });
      return r.ok ? U25_TEXT.visitPlanned(r.outreach.kdnr, dateDe(c.date), matches[0]?.name) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'u25-versaeumnis'; kdnr: string; date?: LocalDate }>({
    name: 'u25-versaeumnis',
    usageKey: 'u25-versaeumnis',
    words: ['u25-versaeumnis'],
    usage: { syntax: '/u25-versaeumnis KDNR [TT.MM.JJJJ]', text: 'versäumten Termin erfassen: der pAp entscheidet gemeinsam mit Ihnen im Einzelfall über eine Sanktion' },
    action: 'u25.bearbeiten',
    parse: ({ list }) => {
      if (list.length === 1) return parsed({ name: 'u25-versaeumnis', kdnr: list[0]! });
      if (list.length !== 2) return SYNTAX;
      const date = dateArg(list[1]);
      return date.ok ? parsed({ name: 'u25-versaeumnis', kdnr: list[0]!, date: date.date }) : date;
    },
    handle: async (turn, c) => {
      const r = await recordMissedU25Appointment(turn.deps, turn.actorId, { kdnr: c.kdnr }, c.date ?? berlinDate(turn.deps.clock.now()));
      return r.ok ? U25_TEXT.missedRecorded(r.outreach.kdnr, turn.view.directory.staff.find((s) => s.id === r.outreach.hbId)?.name ?? 'der pAp') : turn.no(r);
    }
  }),
  defineCommand<{ name: 'auslage'; amountCents: number; date: LocalDate; receipt: boolean }>({
    name: 'auslage',
    usageKey: 'auslage',
    words: ['auslage'],
    usage: { syntax: '/auslage BETRAG TT.MM.JJJJ quittung', text: 'Auslage aus dem Budget der aB-pAp erfassen („quittung“: Quittung liegt vor)' },
    action: 'auslage.erfassen',
    parse: ({ list }) => {
      if (list.length < 2 || list.length > 3) return SYNTAX;
      const amount = euroAmount.safeParse(list[0]);
      if (!amount.success) return SYNTAX;
      const date = dateArg(list[1]);
      if (!date.ok) return date;
      if (list[2] !== undefined && asciiFold(list[2]) !== 'quittung') return SYNTAX;
      return parsed({ name: 'auslage', amountCents: amount.data, date: date.date, receipt: list[2] !== undefined });
    },
    handle: async (turn, c) => {
      const r = await recordExpense(turn.deps, turn.actorId, { amountCents: c.amountCents, date: c.date, receiptPresent: c.receipt });
      if (r.ok) return U25_TEXT.expenseRecorded(euroDe(r.expense.amountCents), dateDe(r.expense.date), euroDe(r.remainingCents));
      return turn.no(r);
    }
  }),
  defineCommand({
    name: 'auswertung',
    usageKey: 'auswertung',
    words: ['auswertung'],
    usage: { syntax: '/auswertung', text: 'Auswertung der Aufsuchenden Beratung U25 je Quartal (nur Fallzahlen; nur für aB-pAp)' },
    action: 'auswertung.lesen',
    parse: bare('auswertung'),
    handle: async (turn) => {
      const r = await u25Evaluation(turn.deps, turn.actorId);
      return r.ok ? evaluationCard(turn.view, r.quarters, { canSend: hasRole(turn.actor, 'ABU25') }) : turn.no(r);
    }
  })
];
