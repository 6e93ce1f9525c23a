import type { TaskView } from '../../../app/task-view.js';
import type { Customer } from '../../../domain/customer.js';
import { homeVisitRule } from '../../../config/policy.js';
import { findStaff } from '../../../domain/staff.js';
import { mayGoOut } from '../../../domain/voluntary-plan.js';
import { THIRD_PARTY_KINDS, type VoluntaryApproach, type VoluntaryOutreachCase } from '../../../domain/voluntary-case.js';
import type { VoluntaryResultInput } from '../../../domain/voluntary-result.js';
import type { CardName } from '../../../ports.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateDe, dateTimeDe } from '../../format.js';
import { plainText } from '../../plain-text.js';
import { statusLine } from '../../task-status.js';
import { TASK_TITLE } from '../../texts.js';
import { NO_NOTICE, staffName, teamName, type Notice, type ViewContext } from '../../view-context.js';
import { APPROACH_LABEL, OUTCOME_LABEL, THIRD_PARTY_LABEL, VOLUNTARY_TEXT } from './texts.js';

/** Cards of the voluntary outreach (seed 002): planning card, result card, task cards. */


const when = (c: Pick<VoluntaryOutreachCase, 'date' | 'time'>) => `${dateDe(c.date)}, ${c.time} Uhr`;
const str = (b: boolean | undefined) => (b ? 'true' : 'false');

/** What the planning card shows back after a submit (what the user entered). */
export interface PlanEntered {
  readonly secondPerson?: string;
  readonly aloneReason?: string;
  readonly substitute?: string;
  readonly meetingPointAgreed?: boolean;
  readonly reachabilityAgreed?: boolean;
  readonly bufferPlanned?: boolean;
  readonly thirdParty?: string;
  readonly accompanimentConsent?: boolean;
  readonly joinTalkConsent?: boolean;
}

/** The planning card of `/hausbesuch`, `/walk-and-talk`, `/begleitung`; `open` while it can still be submitted. */
export function planCard(
  ctx: ViewContext,
  p: { customer: Customer; approach: VoluntaryApproach; date: string; time: string; plannerId: string; planned?: VoluntaryOutreachCase },
  entered: PlanEntered = {},
  notice: Notice = NO_NOTICE
): AdaptiveCardJson {
  // Caseworkers who go out (seed 002 §1: M&I and Leistungsgewährung), the planner's own team first.
  const team = findStaff(ctx.directory, p.plannerId)?.team;
  const colleagues = ctx.directory.staff
    .filter((s) => s.id !== p.plannerId && mayGoOut(s))
    .sort((a, b) => Number(b.team === team) - Number(a.team === team))
    .map((s) => ({ title: s.team === team ? s.name : `${s.name} (${teamName(ctx, s.team)})`, value: s.id }));
  const done = notice.text.startsWith('✔');
  const blocked = p.planned !== undefined && !done;
  return renderCard('voluntary-plan', {
    title: `${APPROACH_LABEL[p.approach]} planen`,
    kdnr: p.customer.kdnr,
    hb: staffName(ctx, p.customer.hbId),
    when: `${dateDe(p.date)}, ${p.time} Uhr`,
    approach: p.approach,
    date: p.date,
    time: p.time,
    open: !done && !blocked,
    hausbesuch: p.approach === 'hausbesuch',
    walk: p.approach === 'walk-and-talk',
    begleitung: p.approach === 'begleitung',
    intro: VOLUNTARY_TEXT.planIntro[p.approach](homeVisitRule(ctx.policy)),
    colleagues,
    secondPerson: entered.secondPerson ?? '',
    aloneReason: entered.aloneReason ?? '',
    substitute: entered.substitute ?? '',
    meetingPointAgreed: str(entered.meetingPointAgreed),
    reachabilityAgreed: str(entered.reachabilityAgreed),
    bufferPlanned: str(entered.bufferPlanned),
    thirdParties: THIRD_PARTY_KINDS.map((k) => ({ title: THIRD_PARTY_LABEL[k], value: k })),
    thirdParty: entered.thirdParty ?? '',
    accompanimentConsent: str(entered.accompanimentConsent),
    joinTalkConsent: str(entered.joinTalkConsent),
    notice: blocked && !notice.text ? VOLUNTARY_TEXT.alreadyPlanned(when(p.planned!)) : notice.text,
    noticeColor: notice.isError || blocked ? 'Attention' : 'Good'
  });
}

function caseFacts(ctx: ViewContext, c: VoluntaryOutreachCase) {
  const facts = [
    { title: 'Kunde', value: c.kdnr },
    { title: 'Form', value: APPROACH_LABEL[c.approach] },
    { title: 'Termin', value: when(c) },
    { title: 'HB', value: staffName(ctx, c.hbId) },
    { title: c.spontaneous ? 'Begonnen von' : 'Geplant von', value: staffName(ctx, c.plannedBy) }
  ];
  if (c.spontaneous) facts.push({ title: 'Spontan', value: 'aus dem Büro, die Kundin oder der Kunde war im Jobcenter' });
  if (c.substituteId) facts.push({ title: 'Vertretung', value: staffName(ctx, c.substituteId) });
  if (c.secondPersonId) facts.push({ title: 'Zweite Person', value: staffName(ctx, c.secondPersonId) });
  if (c.aloneReason) facts.push({ title: 'Allein, weil', value: plainText(c.aloneReason) });
  if (c.walk) facts.push({ title: 'Vereinbart', value: 'Treffpunkt (vereinbart), gegenseitige Erreichbarkeit, Zeitpuffer' });
  if (c.accompaniment) facts.push({ title: 'Dritter', value: `${THIRD_PARTY_LABEL[c.accompaniment.thirdParty]}; Begleitung bis zur Tür${c.accompaniment.joinTalkConsent ? ', Teilnahme am Gespräch erlaubt' : ''}` });
  if (c.status === 'abgesagt' && c.cancelled) facts.push({ title: 'Abgesagt', value: `am ${dateTimeDe(c.cancelled.at)}; die Absage ist ohne Folgen` });
  if (c.result) {
    facts.push({ title: 'Ergebnis', value: `${OUTCOME_LABEL[c.result.outcome]}${c.result.endedAtDoor ? ', an der Tür beendet' : ''} – erfasst von ${staffName(ctx, c.result.recordedBy)}` });
    if (c.result.followUpAgreed) facts.push({ title: 'Folgetermin', value: 'vereinbart' });
    if (c.result.hbAppointmentWanted) facts.push({ title: 'Wunsch des Kunden', value: 'persönlicher Beratungstermin beim HB – bitte vereinbaren' });
  }
  return facts;
}

const ACKNOWLEDGED: ReadonlySet<string> = new Set(['freiwillig-info', 'freiwillig-abgesagt', 'freiwillig-ergebnis']);

export function voluntaryTaskCard(ctx: ViewContext, view: Extract<TaskView, { kind: 'voluntary' }>): { card: CardName; json: AdaptiveCardJson } {
  const { task, outreach } = view;
  const facts = caseFacts(ctx, outreach);
  if (task.dueFrom && task.dueTo) facts.push({ title: 'Zu versenden', value: `${dateDe(task.dueFrom)} bis ${dateDe(task.dueTo)}${task.status === 'offen' && ctx.today > task.dueTo ? ' – überfällig' : ''}` });
  const isLetter = task.kind === 'freiwillig-ankuendigung' || task.kind === 'freiwillig-erinnerung';
  const verb = isLetter ? 'Erledigt' : 'Zur Kenntnis genommen';
  return {
    card: 'voluntary-task',
    json: renderCard('voluntary-task', {
      title: TASK_TITLE[task.kind],
      facts,
      hint: VOLUNTARY_TEXT.taskHint(task.kind, outreach, homeVisitRule(ctx.policy)),
      overdue: isLetter && task.status === 'offen' && task.dueTo !== undefined && ctx.today > task.dueTo,
      done: isLetter && task.status === 'offen',
      ack: ACKNOWLEDGED.has(task.kind) && task.status === 'offen',
      result: task.kind === 'freiwillig-termin' && task.status === 'offen' && outreach.status === 'geplant',
      caseId: outreach.id,
      caseVersion: outreach.version,
      status: statusLine(ctx, task, verb),
      taskId: task.id,
      version: task.version
    })
  };
}

/** The result card; it shows back what the user entered when a required box is still open. */
export function resultFormCard(ctx: ViewContext, c: VoluntaryOutreachCase, entered: Partial<VoluntaryResultInput> = {}, notice: Notice = NO_NOTICE): AdaptiveCardJson {
  const done = notice.text.startsWith('✔') || c.status !== 'geplant';
  const box = (k: keyof VoluntaryResultInput) => str(entered[k] === true);
  return renderCard('voluntary-result-form', {
    title: `Ergebnis: ${APPROACH_LABEL[c.approach]}`,
    facts: caseFacts(ctx, c),
    open: !done,
    hausbesuch: c.approach === 'hausbesuch',
    walk: c.approach === 'walk-and-talk',
    begleitung: c.approach === 'begleitung',
    outcome: entered.outcome ?? '',
    outcomes: Object.entries(OUTCOME_LABEL).map(([value, title]) => ({ title, value })),
    endedBy: entered.endedBy ?? '',
    endedAtDoor: box('endedAtDoor'),
    writtenConsent: box('writtenConsent'),
    publicSpaceRisksTold: box('publicSpaceRisksTold'),
    acquainted: box('acquainted'),
    recognitionSignAgreed: box('recognitionSignAgreed'),
    idBrought: box('idBrought'),
    othersPresent: box('othersPresent'),
    othersConsent: box('othersConsent'),
    placeUnsuitable: box('placeUnsuitable'),
    newAppointmentAgreed: box('newAppointmentAgreed'),
    talkInAbsence: box('talkInAbsence'),
    confidentialityRelease: box('confidentialityRelease'),
    tookPartInTalk: box('tookPartInTalk'),
    joinTalkConsentOnSite: box('joinTalkConsentOnSite'),
    substituteWent: box('substituteWent'),
    customerCalledBeforehand: box('customerCalledBeforehand'),
    reasonsDiscussed: box('reasonsDiscussed'),
    reachabilityDiscussed: box('reachabilityDiscussed'),
    followUpAgreed: box('followUpAgreed'),
    hbAppointmentWanted: box('hbAppointmentWanted'),
    notice: notice.text,
    noticeColor: notice.isError ? 'Attention' : 'Good',
    caseId: c.id,
    version: c.version
  });
}
