import { z } from 'zod';
import { createCustomer } from '../../../app/create-customer.js';
import { customerStatus } from '../../../app/customer-status.js';
import { flagCustomer, previewFlag } from '../../../app/flag-customer.js';
import { recordAttempt } from '../../../app/record-attempt.js';
import { recordPaymentStop } from '../../../app/record-payment-stop.js';
import { openCaseFor, recordVisitResult } from '../../../app/record-visit-result.js';
import { weekPlan } from '../../../app/week-plan.js';
import { berlinDate, calendarWeekOf, isValidWeek, type CalendarWeek, type LocalDate, type LocalTime } from '../../../domain/berlin-time.js';
import { ATTEMPT_KINDS, type AttemptKind } from '../../../domain/contact-attempt.js';
import { CUSTOMER_GROUPS, type CustomerGroup, type Profile } from '../../../domain/customer.js';
import { VISIT_OUTCOMES, type VisitResultInput } from '../../../domain/visit-result.js';
import { BAD_DATE, clockTime, germanDate, kdnrArg, looksLikeDate, looksLikeTime, lower, oneKdnr, parsed, SYNTAX } from '../../command-args.js';
import { attemptWhenDe, weekDe } from '../../format.js';
import { ATTEMPT_LABEL, syntaxText, TEXT } from '../../texts.js';
import { defineCommand, type ParseStep } from '../../turn.js';
import { abPlanCard, customerStatusCard, flagFormCard, visitFormCard } from './views.js';

const kundeNeuArgs = z
  .tuple([z.literal('neu'), kdnrArg, z.string().transform(lower).pipe(z.enum(CUSTOMER_GROUPS)), z.string().min(1).max(60)])
  .rest(z.string().transform(lower).pipe(z.enum(['lza', 'profil-i', 'profil-z'])));
const versuchArgs = z.tuple([kdnrArg, z.string().transform(lower).pipe(z.enum(ATTEMPT_KINDS))]).rest(z.string()).refine((t) => t.length <= 4);
const ergebnisArgs = z
  .tuple([kdnrArg, z.string().transform(lower).pipe(z.enum(VISIT_OUTCOMES)), z.string()])
  .rest(z.string().transform(lower).pipe(z.enum(['vermerk', 'meet-and-walk', 'auskunft', 'komplex', 'hinweis'])));

const ABPLAN_USAGE = { syntax: '/ab-plan [KW]', text: 'Wochenplan der AB nach Bezirken, z. B. /ab-plan 48' };

/** AB flagging (seed 000 §2): the customer, the attempts, the flag, the AB's week plan and the visit result. */
export const AB_FLAGGING_COMMANDS = [
  defineCommand<{ name: 'kunde-neu'; kdnr: string; group: CustomerGroup; district: string; longTermUnemployed: boolean; profile: Profile | null }>({
    name: 'kunde-neu',
    usageKey: 'kundeNeu',
    words: ['kunde'],
    usage: { syntax: '/kunde neu KDNR u25|marktnah|marktfern BEZIRK [lza] [profil-i|profil-z]', text: 'Kunden anlegen; Sie werden HB (lza = langzeitarbeitslos)' },
    action: 'kunde.anlegen',
    parse: ({ list }) => {
      if (list[0]?.toLowerCase() !== 'neu') return 'nicht-meins';
      const p = kundeNeuArgs.safeParse(list);
      if (!p.success) return SYNTAX;
      const [, kdnr, group, district, ...flags] = p.data;
      const profile = flags.includes('profil-i') ? 'I' : flags.includes('profil-z') ? 'Z' : null;
      return parsed({ name: 'kunde-neu', kdnr, group, district, longTermUnemployed: flags.includes('lza'), profile });
    },
    handle: async (turn, command) => {
      const r = await createCustomer(turn.deps, turn.actorId, command);
      return r.ok ? TEXT.customerCreated(r.customer.kdnr) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'kunde'; kdnr: string }>({
    name: 'kunde',
    usageKey: 'kunde',
    words: ['kunde'],
    usage: { syntax: '/kunde KDNR', text: 'Status eines Kunden' },
    action: 'kunde.lesen',
    parse: oneKdnr('kunde'),
    handle: async (turn, { kdnr }) => {
      const r = await customerStatus(turn.deps, turn.actorId, kdnr);
      return r.ok ? customerStatusCard(turn.view, r) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'versuch'; kdnr: string; kind: AttemptKind; date?: LocalDate; time?: LocalTime }>({
    name: 'versuch',
    usageKey: 'versuch',
    words: ['versuch'],
    usage: { syntax: '/versuch KDNR einladung|einladung-rfb|nicht-erschienen|anruf [TT.MM.JJJJ [HH:MM]]', text: 'Kontaktversuch erfassen (ohne Datum: jetzt)' },
    action: 'versuch.erfassen',
    parse: ({ list }) => {
      const p = versuchArgs.safeParse(list);
      if (!p.success) return SYNTAX;
      const [kdnr, kind, dateText, timeText] = p.data;
      if (dateText !== undefined && !looksLikeDate(dateText)) return SYNTAX;
      if (timeText !== undefined && !looksLikeTime(timeText)) return SYNTAX;
      const date = dateText === undefined ? undefined : germanDate.safeParse(dateText);
      const time = timeText === undefined ? undefined : clockTime.safeParse(timeText);
      if ((date && !date.success) || (time && !time.success)) return BAD_DATE;
      return parsed({ name: 'versuch', kdnr, kind, date: date?.data, time: time?.data });
    },
    handle: async (turn, command) => {
      const r = await recordAttempt(turn.deps, turn.actorId, command);
      return r.ok ? TEXT.attemptRecorded(ATTEMPT_LABEL[r.attempt.kind], r.customer.kdnr, attemptWhenDe(r.attempt)) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'vormerken'; kdnr: string; submit?: { reason: string; invitationInMailbox: boolean } }>({
    name: 'vormerken',
    usageKey: 'vormerken',
    words: ['vormerken'],
    usage: { syntax: '/vormerken KDNR [postfach BEGRÜNDUNG]', text: 'für die Aufsuchende Beratung vormerken (ohne Begründung: Karte mit Checkliste)' },
    action: 'vormerken',
    parse: ({ list }) => {
      if (list.length === 0) return SYNTAX;
      const [kdnr, ...more] = list;
      if (more.length === 0) return parsed({ name: 'vormerken', kdnr: kdnr! });
      const invitationInMailbox = more[0]!.toLowerCase() === 'postfach';
      const reason = (invitationInMailbox ? more.slice(1) : more).join(' ');
      return parsed({ name: 'vormerken', kdnr: kdnr!, submit: { reason, invitationInMailbox } });
    },
    handle: async (turn, command) => {
      if (!command.submit) {
        const preview = await previewFlag(turn.deps, turn.actorId, command.kdnr);
        return preview.ok ? flagFormCard(turn.view, preview) : turn.no(preview);
      }
      const r = await flagCustomer(turn.deps, turn.actorId, { kdnr: command.kdnr, ...command.submit });
      return r.ok ? TEXT.flagged(r.outreach.kdnr, weekDe(r.outreach.targetWeek)) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'ab-plan'; week?: { week: number; year?: number } }>({
    name: 'ab-plan',
    usageKey: 'abPlan',
    words: ['ab-plan'],
    usage: ABPLAN_USAGE,
    action: 'ab-plan.lesen',
    parse: ({ rest }): ParseStep<{ name: 'ab-plan'; week?: { week: number; year?: number } }> => {
      if (!rest) return parsed({ name: 'ab-plan' });
      const w = /^(?:kw\s*)?(\d{1,2})(?:\s*\/\s*(\d{4}))?$/i.exec(rest);
      if (!w) return SYNTAX;
      const week = { week: Number(w[1]), year: w[2] ? Number(w[2]) : undefined };
      if (week.year !== undefined && !isValidWeek(week as CalendarWeek)) return SYNTAX;
      return parsed({ name: 'ab-plan', week });
    },
    handle: async (turn, command) => {
      let week;
      if (command.week) {
        const now = calendarWeekOf(berlinDate(turn.deps.clock.now()));
        // Without a year the nearest such week: in December "/ab-plan 2" means January's week 2.
        const year = command.week.year ?? (command.week.week < now.week - 26 ? now.year + 1 : now.year);
        week = { week: command.week.week, year };
        if (!isValidWeek(week)) return syntaxText(ABPLAN_USAGE);
      }
      const r = await weekPlan(turn.deps, turn.actorId, week);
      if (!r.ok) return turn.no(r);
      return r.districts.length ? abPlanCard(turn.view, r) : TEXT.emptyPlan(weekDe(r.week), r.aheadUntil && weekDe(r.aheadUntil));
    }
  }),
  defineCommand<{ name: 'ergebnis'; kdnr: string; input?: VisitResultInput }>({
    name: 'ergebnis',
    usageKey: 'ergebnis',
    words: ['ergebnis'],
    usage: {
      syntax: '/ergebnis KDNR [angetroffen|nicht-angetroffen TT.MM.JJJJ vermerk [meet-and-walk] [auskunft] [komplex] [hinweis]]',
      text: 'Besuchsergebnis erfassen (ohne Angaben: Karte)'
    },
    action: 'ergebnis.erfassen',
    parse: ({ list }) => {
      if (list.length === 1) return parsed({ name: 'ergebnis', kdnr: list[0]! });
      const p = ergebnisArgs.safeParse(list);
      if (!p.success) return SYNTAX;
      const [kdnr, outcome, dateText, ...flags] = p.data;
      const date = germanDate.safeParse(dateText);
      if (!date.success) return BAD_DATE;
      return parsed({
        name: 'ergebnis',
        kdnr,
        input: {
          outcome,
          appointmentDate: date.data,
          verbisNoteWritten: flags.includes('vermerk'),
          meetAndWalk: flags.includes('meet-and-walk'),
          lowThresholdInfo: flags.includes('auskunft'),
          complex: flags.includes('komplex'),
          hintForBenefits: flags.includes('hinweis')
        }
      });
    },
    handle: async (turn, command) => {
      if (!command.input) {
        const r = await openCaseFor(turn.deps, turn.actorId, { kdnr: command.kdnr });
        return r.ok ? visitFormCard(turn.view, r.outreach) : turn.no(r);
      }
      const r = await recordVisitResult(turn.deps, turn.actorId, { kdnr: command.kdnr }, command.input);
      return r.ok ? TEXT.resultRecorded(r.outreach.kdnr) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'zahlungseinstellung'; kdnr: string }>({
    name: 'zahlungseinstellung',
    usageKey: 'zahlungseinstellung',
    words: ['zahlungseinstellung'],
    usage: { syntax: '/zahlungseinstellung KDNR', text: 'erfassen, dass eine vorläufige Zahlungseinstellung veranlasst ist' },
    action: 'zahlungseinstellung.erfassen',
    parse: oneKdnr('zahlungseinstellung'),
    handle: async (turn, { kdnr }) => {
      const r = await recordPaymentStop(turn.deps, turn.actorId, kdnr);
      return r.ok ? TEXT.paymentStopRecorded(r.stop.kdnr) : turn.no(r);
    }
  })
];
