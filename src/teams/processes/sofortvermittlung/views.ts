import type { FirstTalkPreview } from '../../../app/first-talk.js';
import type { SofortvermittlungCounts } from '../../../app/sofortvermittlung-counts.js';
import type { Routed } from '../../../app/route-newcomer.js';
import { districtName } from '../../../config/policy.js';
import { proposedStart } from '../../../domain/first-talk.js';
import { futureIfkChoices } from '../../../domain/newcomer-assignees.js';
import type { NewcomerAccess } from '../../../domain/newcomer-case.js';
import type { Route, RouteReason } from '../../../domain/newcomer-routing.js';
import type { StaffId } from '../../../domain/staff.js';
import type { WalkInQueue } from '../../../domain/walk-in-queue.js';
import type { WorkingCalendar } from '../../../domain/working-days.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateDe, weekdayDateDe } from '../../format.js';
import { staffName, type FormState, type Notice, NO_NOTICE, type ViewContext } from '../../view-context.js';

/** Cards of the Sofortvermittlung (seed 004). */

export const ROUTE_LABEL: Record<Route, string> = {
  sofortvermittlung: 'Sofortvermittlung',
  'regulaere-ifk': 'zuständige IFK (kein Sofortvermittlungsfall)',
  sgb3: 'Zuständigkeit SGB III (Agentur für Arbeit)',
  reha: 'Sofortzugang zu den Reha-IFK',
  u25: 'Sofortzugang zu den U25-IFK',
  amm: 'Arbeitsmarktmanagement (AMM)'
};

export const REASON_LABEL: Record<RouteReason, string> = {
  neukunde: 'Neukunde (erster Antrag hier oder Unterbrechung von mindestens 182 Tagen)',
  'kein-neukunde': 'kein Neukunde: Der frühere Leistungsbezug endete vor weniger als 182 Tagen',
  'sgb3-alg1': 'ALG-I-Anspruch noch länger als vier Wochen: die Zuständigkeit bleibt bis zu dessen Ende im SGB III',
  'sgb3-sperrzeit': 'ALG II nur für die Dauer einer Sperrzeit: Zuständigkeit SGB III',
  'profil-i': 'Profillage I (Anlage 3): keine frühzeitige Aktivierung im Neukundenprozess',
  'profil-z': 'Profillage Z, § 10 SGB II (Anlage 3): keine frühzeitige Aktivierung im Neukundenprozess',
  reha: 'Personengruppe Reha/SB',
  'u25-ohne-ausbildung': 'unter 25 ohne abgeschlossene Ausbildung',
  'amm-potential': 'Potential für das Arbeitsmarktmanagement (kein AV, 25–55 Jahre, Ausbildung oder Berufserfahrung, Deutsch)'
};

const nameList = (ctx: ViewContext, ids: readonly StaffId[]) => (ids.length ? ids.map((id) => staffName(ctx, id)).join(', ') : 'niemand im Verzeichnis');

/** "heute, 13:30–14:15 Uhr bei Clara Vogt": what the Eingangszone hands out with the Rechtsfolgenbelehrung. */
function appointmentDe(ctx: ViewContext, access: Extract<NewcomerAccess, { kind: 'termin' }>): string {
  return `${access.date === ctx.today ? 'heute' : weekdayDateDe(access.date)}, ${access.from}–${access.to} Uhr bei ${staffName(ctx, access.officerId)}`;
}

export function accessDe(ctx: ViewContext, access: NewcomerAccess | undefined): string {
  if (!access) return '–';
  if (access.kind === 'warteschlange') return `ohne Termin, Nummer ${access.number} am ${dateDe(access.date)}`;
  return `Termin ${appointmentDe(ctx, access)}`;
}

export function newcomerFormCard(ctx: ViewContext, kdnr: string, state: FormState = {}): AdaptiveCardJson {
  const rule = ctx.policy.sofortvermittlung;
  return renderCard('newcomer-form', {
    kdnr,
    error: state.error ?? '',
    today: ctx.today,
    gapDays: String(rule.newCustomerGapDays),
    alg1Weeks: String(rule.alg1RemainingWeeks),
    districts: ctx.policy.districts.map((d) => ({ title: d.name, value: d.id }))
  });
}

/** The Eingangszone's answer: the route, its reason, and what to do now. */
export function newcomerRouteCard(ctx: ViewContext, r: Routed): AdaptiveCardJson {
  const { newcomer, decision } = r;
  const rule = ctx.policy.sofortvermittlung;
  const facts: Array<{ title: string; value: string }> = [{ title: 'Bezirk', value: districtName(ctx.policy, newcomer.district) }];
  let hint = '';
  let important = false;
  switch (decision.route) {
    case 'sofortvermittlung':
      if (newcomer.access?.kind === 'warteschlange') {
        facts.push({ title: 'Wartenummer', value: String(newcomer.access.number) }, { title: 'Beginn etwa', value: `${r.expectedStart} Uhr` });
        hint = 'Bitte begleiten Sie den Kunden in den Wartebereich der Sofortvermittlung und übergeben Sie das Antragsunterlagenpaket. Die Sofortvermittlung sieht ihn in der Warteschlange.';
      } else if (newcomer.access?.kind === 'termin') {
        const why = r.appointmentBecause === 'voll' ? `alle ${rule.walkIn.places} Plätze ohne Termin sind heute vergeben` : r.appointmentBecause === 'zu-spaet' ? `ohne Termin ist ein Beginn bis ${rule.walkIn.lastStart} Uhr nicht mehr möglich` : 'BG-Mitglied, bei der Antragstellung nicht anwesend';
        facts.push({ title: 'Termin', value: appointmentDe(ctx, newcomer.access) }, { title: 'Warum ein Termin', value: why });
        hint = 'Bitte händigen Sie dem Kunden den Termin mit Rechtsfolgenbelehrung persönlich aus. Der Termin ist gebucht.';
        important = true;
      }
      break;
    case 'reha':
    case 'u25':
      facts.push({ title: 'Sofortzugang', value: `${rule.specialistAccess.from}–${rule.specialistAccess.to} Uhr` }, { title: 'bei', value: nameList(ctx, r.people) });
      hint = 'Bitte buchen Sie den Kunden in ATV direkt bei der zuständigen IFK ein.';
      important = true;
      break;
    case 'amm':
      facts.push({ title: 'Aufgabe an', value: nameList(ctx, r.people) });
      hint = 'Der Arbeitsmarktmanager lädt den Kunden selbst im Rahmen der Mindeststandards zum Erstgespräch ein.';
      break;
    case 'regulaere-ifk':
      hint = 'Der Kunde wird nicht der Sofortvermittlung zugeführt; weiter wie gewohnt über die zuständige IFK.';
      break;
    case 'sgb3':
      hint = 'Der Kunde wird nicht der Sofortvermittlung zugeführt; zuständig ist (noch) die Agentur für Arbeit.';
      break;
  }
  return renderCard('newcomer-route', { kdnr: newcomer.kdnr, route: ROUTE_LABEL[decision.route], reason: REASON_LABEL[decision.reason], facts, hint, important });
}

const STATE_LABEL = { wartend: 'wartet', 'in-bearbeitung': 'in Bearbeitung' } as const;

/** The day's queue: numbers and their state; a finished talk is gone from it (seed 004), only counts stay. */
export function walkInQueueCard(ctx: ViewContext, queue: WalkInQueue, viewerId?: StaffId, notice: Notice = NO_NOTICE): AdaptiveCardJson {
  const rule = ctx.policy.sofortvermittlung.walkIn;
  const entries = [...queue.entries].sort((a, b) => a.number - b.number);
  const waiting = entries.filter((e) => e.status === 'wartend').length;
  return renderCard('walk-in-queue', {
    date: dateDe(queue.date),
    isoDate: queue.date,
    from: rule.from,
    lastStart: rule.lastStart,
    places: String(rule.places),
    talkMinutes: String(rule.talkMinutes),
    issued: String(queue.issued),
    waiting: String(waiting),
    inProgress: String(entries.length - waiting),
    served: String(queue.served),
    anyWaiting: waiting > 0,
    empty: entries.length === 0,
    entries: entries.map((e) => ({
      number: e.number,
      kdnr: e.kdnr,
      state: e.status === 'wartend' ? STATE_LABEL.wartend : `${STATE_LABEL['in-bearbeitung']}: ${staffName(ctx, e.officerId ?? '')}`,
      mine: e.officerId !== undefined && e.officerId === viewerId,
      finishable: e.status === 'in-bearbeitung'
    })),
    notice: notice.text,
    noticeIsError: notice.isError
  });
}

export function firstTalkFormCard(ctx: ViewContext, calendar: WorkingCalendar, preview: Pick<FirstTalkPreview, 'newcomer' | 'proposedIfk'>, state: FormState = {}): AdaptiveCardJson {
  const { newcomer } = preview;
  const rule = ctx.policy.sofortvermittlung;
  const open = newcomer.route === 'sofortvermittlung' && !newcomer.firstTalk && !newcomer.noShow;
  return renderCard('first-talk-form', {
    kdnr: newcomer.kdnr,
    access: accessDe(ctx, newcomer.access),
    district: districtName(ctx.policy, newcomer.district),
    error: state.error ?? '',
    done: state.done ?? '',
    showForm: open && !state.done,
    showNoShow: open && !state.done && newcomer.householdMember && newcomer.access?.kind === 'termin',
    ocWeeks: String(rule.measures.orientierungscenter.weeks),
    skWeeks: String(rule.measures.skCheck.weeks),
    today: ctx.today,
    ocStart: proposedStart('orientierungscenter', ctx.today, calendar, rule.measures),
    skStart: dateDe(proposedStart('sk-check', ctx.today, calendar, rule.measures)),
    reasonMax: rule.reasonMaxLength,
    proposedIfk: preview.proposedIfk ?? newcomer.ifkId ?? '',
    ifks: futureIfkChoices(ctx.directory).map((id) => ({ title: staffName(ctx, id), value: id })),
    caseId: newcomer.id,
    version: newcomer.version
  });
}

/** The digest's lines for the Sofortvermittlung: "week · today", counts only. */
export function sofortvermittlungFacts(week: SofortvermittlungCounts, today: SofortvermittlungCounts): Array<{ title: string; value: string }> {
  const pair = (f: (c: SofortvermittlungCounts) => number) => `${f(week)} · ${f(today)}`;
  const reasons = [...new Set([...Object.keys(week.elsewhere), ...Object.keys(today.elsewhere)])] as RouteReason[];
  return [
    { title: 'Ohne Termin: Nummern vergeben', value: pair((c) => c.walkIns) },
    { title: 'Ohne Termin: beraten', value: pair((c) => c.served) },
    { title: 'Termine vergeben', value: pair((c) => c.appointments) },
    { title: 'Orientierungscenter', value: pair((c) => c.measures.orientierungscenter) },
    { title: 'S+K Check', value: pair((c) => c.measures['sk-check']) },
    { title: 'Keine Maßnahme', value: pair((c) => c.measures.keine) },
    ...reasons.map((r) => ({ title: `Weitergeleitet: ${REASON_SHORT[r]}`, value: pair((c) => c.elsewhere[r] ?? 0) }))
  ];
}

const REASON_SHORT: Record<RouteReason, string> = {
  neukunde: 'Sofortvermittlung',
  'kein-neukunde': 'kein Neukunde',
  'sgb3-alg1': 'SGB III (ALG I)',
  'sgb3-sperrzeit': 'SGB III (Sperrzeit)',
  'profil-i': 'Profillage I',
  'profil-z': 'Profillage Z',
  reha: 'Reha/SB',
  'u25-ohne-ausbildung': 'U25',
  'amm-potential': 'AMM'
};
