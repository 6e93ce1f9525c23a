import { actorFor } from '../../../app/access.js';
import { bookCallback, type CallbackBooked } from '../../../app/book-callback.js';
import { abStatuses, setAbDayState } from '../../../app/presence.js';
import { claimedCaseFor, recordTalk } from '../../../app/record-talk.js';
import { reportMissedAppointment } from '../../../app/report-missed-appointment.js';
import type { LocalDate } from '../../../domain/berlin-time.js';
import type { MissedAppointmentCase } from '../../../domain/missed-appointment.js';
import type { TalkInput } from '../../../domain/talk-result.js';
import { callbackTeamOf } from '../../../domain/task-routing.js';
import type { Task } from '../../../domain/task.js';
import { asciiFold, BAD_DATE, clockTime, germanDate, looksLikeDate, looksLikeTime, lower, oneKdnr, parsed, SYNTAX, untilDate } from '../../command-args.js';
import { TEXT } from '../../texts.js';
import { defineCommand, type Turn } from '../../turn.js';
import { staffName, teamName } from '../../view-context.js';
import { AB_STATUS_LABEL, callbackOfferCard, slotDe, talkFormCard } from './views.js';

export const callbackBookedText = (turn: Turn, r: CallbackBooked) => {
  const where = r.viaChannel ? 'Die Karte steht im Teamkanal.' : `Informiert: ${r.recipients.map((id) => staffName(turn.view, id)).join(', ')}.`;
  return TEXT.callbackBooked(slotDe(turn.view, r.slot), teamName(turn.view, r.team), where, r.slot.nextWorkingDay);
};

export const talkRecordedText = (kind: MissedAppointmentCase['kind'], tasks: readonly Task[]) =>
  TEXT.talkRecorded(kind === 'ab-gespraech', tasks.some((t) => t.kind === 'aufhebung-zahlungseinstellung'));

/** Meldeversäumnis and same-day callback (seed 000 §3), and the AB's availability that decides between them. */
export const MISSED_APPOINTMENT_COMMANDS = [
  defineCommand<{ name: 'meldeversaeumnis'; kdnr: string }>({
    name: 'meldeversaeumnis',
    usageKey: 'meldeversaeumnis',
    words: ['meldeversaeumnis'],
    usage: { syntax: '/meldeversaeumnis KDNR', text: 'Meldeversäumnis: Kunde wartet in der Eingangszone – verfügbare AB informieren, sonst taggleichen Rückruf anbieten' },
    action: 'meldeversaeumnis.melden',
    parse: oneKdnr('meldeversaeumnis'),
    handle: async (turn, { kdnr }) => {
      const r = await reportMissedAppointment(turn.deps, turn.actorId, kdnr);
      if (!r.ok) return turn.no(r);
      if (r.outcome === 'keine-ab') return callbackOfferCard(turn.view, { kdnr: r.customer.kdnr, team: callbackTeamOf(turn.deps.directory, r.customer.hbId), statuses: r.statuses });
      return TEXT.abInformed(r.customer.kdnr, r.informed.map((id) => staffName(turn.view, id)).join(', '));
    }
  }),
  defineCommand<{ name: 'rueckruf'; kdnr: string }>({
    name: 'rueckruf',
    usageKey: 'rueckruf',
    words: ['rueckruf'],
    usage: { syntax: '/rueckruf KDNR', text: 'taggleichen Rückruf im Vermittlungsteam des HB buchen (nach Dienstschluss: nächster Arbeitstag)' },
    action: 'rueckruf.buchen',
    parse: oneKdnr('rueckruf'),
    handle: async (turn, { kdnr }) => {
      const r = await bookCallback(turn.deps, turn.actorId, kdnr);
      return r.ok ? callbackBookedText(turn, r) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'gespraech'; kdnr: string; input?: TalkInput }>({
    name: 'gespraech',
    usageKey: 'gespraech',
    words: ['gespraech'],
    usage: {
      syntax: '/gespraech KDNR [vermerk] [gruende] [motiviert] [TT.MM.JJJJ HH:MM]',
      text: 'Ergebnis des übernommenen Gesprächs oder Rückrufs erfassen (ohne Angaben: Karte; nach einem AB-Gespräch mit Folgetermin beim HB)'
    },
    action: 'gespraech.erfassen',
    parse: ({ list }) => {
      if (list.length === 1) return parsed({ name: 'gespraech', kdnr: list[0]! });
      const [kdnr, ...more] = list;
      const flags = more.filter((a) => !looksLikeDate(a) && !looksLikeTime(a)).map(lower);
      if (!kdnr || flags.some((f) => !['vermerk', 'gruende', 'gründe', 'motiviert'].includes(f))) return SYNTAX;
      const dateText = more.find((a) => looksLikeDate(a) && a.includes('.'));
      const timeText = more.find((a) => looksLikeTime(a) && a.includes(':'));
      if ((dateText === undefined) !== (timeText === undefined)) return SYNTAX;
      const date = dateText === undefined ? undefined : germanDate.safeParse(dateText);
      const time = timeText === undefined ? undefined : clockTime.safeParse(timeText);
      if ((date && !date.success) || (time && !time.success)) return BAD_DATE;
      const followUp = date?.data && time?.data ? { date: date.data, time: time.data } : undefined;
      return parsed({
        name: 'gespraech',
        kdnr,
        input: { verbisNoteWritten: flags.includes('vermerk'), reasonsCleared: flags.some((f) => f.startsWith('gr')), motivated: flags.includes('motiviert'), followUp }
      });
    },
    handle: async (turn, command) => {
      if (!command.input) {
        const r = await claimedCaseFor(turn.deps, turn.actorId, { kdnr: command.kdnr });
        return r.ok ? talkFormCard(turn.view, r.missed) : turn.no(r);
      }
      const r = await recordTalk(turn.deps, turn.actorId, { kdnr: command.kdnr }, command.input);
      return r.ok ? talkRecordedText(r.missed.kind, r.tasks) : turn.no(r);
    }
  }),
  defineCommand<{ name: 'ab'; state: 'verfuegbar' | 'unterwegs' | 'status' }, { name: 'abwesend'; until: LocalDate }>({
    name: 'ab',
    usageKey: 'ab',
    words: ['ab'],
    usage: { syntax: '/ab verfuegbar|unterwegs|status|abwesend bis TT.MM.JJJJ', text: 'Ihre Verfügbarkeit als AB für heute; status zeigt alle AB' },
    action: 'ab.status',
    parse: ({ list }) => {
      const sub = asciiFold(list[0] ?? '');
      if (list.length === 1 && (sub === 'verfuegbar' || sub === 'unterwegs' || sub === 'status')) return parsed({ name: 'ab', state: sub });
      if (sub === 'abwesend') {
        const until = untilDate(list.slice(1));
        return until.ok ? parsed({ name: 'abwesend', until: until.date }) : until;
      }
      return SYNTAX;
    },
    handle: async (turn, command) => {
      if (command.state === 'status') {
        const who = actorFor(turn.deps, turn.actorId, 'ab.status');
        if (!who.ok) return turn.no(who);
        const statuses = await abStatuses(turn.deps);
        return `AB jetzt:\n\n${statuses.map((s) => `- ${staffName(turn.view, s.staffId)}: ${AB_STATUS_LABEL[s.status]}`).join('\n')}`;
      }
      const r = await setAbDayState(turn.deps, turn.actorId, command.state);
      return r.ok ? TEXT.abState(command.state) : turn.no(r);
    }
  })
];
