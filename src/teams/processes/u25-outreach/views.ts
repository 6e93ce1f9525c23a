import type { TaskView } from '../../../app/task-view.js';
import type { BudgetStatement } from '../../../app/u25-expense.js';
import type { HandoverPreview } from '../../../app/u25-handover.js';
import { u25FieldTimes } from '../../../config/policy.js';
import { hasRole, type FieldTime } from '../../../domain/staff.js';
import { effectivePhaseEnd, type U25OutreachCase } from '../../../domain/u25-case.js';
import type { QuarterCounts } from '../../../domain/u25-evaluation.js';
import type { CardName } from '../../../ports.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { dateDe, dateTimeDe, euroDe } from '../../format.js';
import { plainText } from '../../plain-text.js';
import { statusLine } from '../../task-status.js';
import { TASK_TITLE } from '../../texts.js';
import { NO_NOTICE, staffName, type Notice, type ViewContext } from '../../view-context.js';
import { quarterChartDataUri } from './chart.js';
import { FORM_LABEL, RESULT_LABEL, TARGET_GROUP_LABEL, U25_TEXT } from './texts.js';

/** Cards of the U25 outreach (seed 001): handover form, task cards, case status, reminders, statement, evaluation. */

const WEEKDAY = ['', 'Mo', 'Di', 'Mi', 'Do', 'Fr'];
const fieldTimesDe = (times: readonly FieldTime[]) => times.map((t) => `${WEEKDAY[t.weekday]} ${t.from}–${t.to}`).join(', ');

/** Who is responsible now (issue 14: the customer's status shows it). */
export function responsibleNow(ctx: ViewContext, c: U25OutreachCase): string {
  if (c.status !== 'aktiv') return `${staffName(ctx, c.hbId)} (pAp)`;
  const ab = staffName(ctx, c.abPapId);
  return c.virtualWorkerId ? `${c.virtualWorkerId}, zugeordnet: ${ab} (aB-pAp)` : `${staffName(ctx, c.hbId)} (pAp); Einzelauftrag an ${ab} (aB-pAp)`;
}

function caseFacts(ctx: ViewContext, c: U25OutreachCase) {
  const end = effectivePhaseEnd(c);
  const facts = [
    { title: 'Kunde', value: c.kdnr },
    { title: 'Zuständig jetzt', value: responsibleNow(ctx, c) },
    { title: 'pAp', value: staffName(ctx, c.hbId) },
    { title: 'aB-pAp', value: staffName(ctx, c.abPapId) },
    { title: 'Form', value: FORM_LABEL[c.form] },
    { title: 'Zielgruppe', value: TARGET_GROUP_LABEL[c.targetGroup] },
    { title: 'Aktivierungsphase', value: c.form === 'falluebergabe' ? `${dateDe(c.phaseStart)} bis ${dateDe(end)}${c.extensions.length ? ' (verlängert)' : ''}` : `seit ${dateDe(c.phaseStart)}` },
    { title: 'Erstkontakt', value: c.firstContact ? `${dateDe(c.firstContact.on)}, Rückkehr zum pAp angesprochen` : 'noch nicht erfasst' }
  ];
  if (c.jointTalk) facts.push({ title: 'Gemeinsames Gespräch', value: `${dateDe(c.jointTalk.date)}, ${c.jointTalk.time} Uhr (aB-pAp, pAp und Kunde)` });
  if (c.closed) facts.push({ title: 'Ergebnis', value: `${RESULT_LABEL[c.closed.result]} am ${dateTimeDe(c.closed.at)}` });
  if (c.closed?.reason) facts.push({ title: 'Begründung', value: plainText(c.closed.reason) });
  return facts;
}

export function handoverFormCard(ctx: ViewContext, preview: HandoverPreview, notice: Notice = NO_NOTICE): AdaptiveCardJson {
  const abPaps = ctx.directory.staff.filter((s) => hasRole(s, 'ABU25'));
  return renderCard('u25-handover-form', {
    kdnr: preview.customer.kdnr,
    pap: staffName(ctx, preview.customer.hbId),
    maxMonths: ctx.policy.u25Outreach.maxActivationMonths,
    virtualWorker: ctx.policy.u25Outreach.virtualWorkerId,
    open: !preview.openCase && !notice.text.startsWith('✔'),
    notice: preview.openCase && !notice.text ? `Der Kunde ist bereits in der Aufsuchenden Beratung U25 (${responsibleNow(ctx, preview.openCase)}).` : notice.text,
    noticeColor: notice.isError || (preview.openCase && !notice.text) ? 'Attention' : 'Good',
    abPaps: [
      { title: 'automatisch: wer weniger aktive Fälle hat', value: 'automatisch' },
      ...abPaps.map((s) => ({ title: `${s.name} – ${preview.load.get(s.id) ?? 0} aktive Fälle; Außendienst ${fieldTimesDe(u25FieldTimes(ctx.policy, s))}`, value: s.id }))
    ]
  });
}

const TASK_HINT: Partial<Record<string, string>> = {
  'u25-uebernahme': 'Bitte sprechen Sie von Beginn an an, dass der Kunde nach der Zusammenarbeit wieder zu seinem pAp wechselt. Besuche in der Regel zu zweit.',
  'u25-gespraech': 'Nach dem gemeinsamen Gespräch gibt die aB-pAp den Kunden mit /u25-rueckgabe an den pAp zurück.',
  'u25-rueckgabe': 'Der Kunde ist wieder bei Ihnen (Kontaktdichte U25: monatlich).',
  'u25-sanktion': 'Die aB-pAp hat einen versäumten Termin erfasst. Ob eine Sanktion verfügt wird, entscheiden Sie im Einzelfall gemeinsam mit der aB-pAp – es geschieht nichts automatisch.'
};

export function u25TaskCard(ctx: ViewContext, view: Extract<TaskView, { kind: 'u25' }>, error = ''): { card: CardName; json: AdaptiveCardJson } {
  const { task, outreach } = view;
  const facts = caseFacts(ctx, outreach);
  if (task.kind === 'u25-sanktion') facts.push({ title: 'Versäumter Termin', value: outreach.missedAppointments.map(dateDe).join(', ') });
  const firstContactOpen = task.kind === 'u25-uebernahme' && task.status === 'offen' && !outreach.firstContact && outreach.status === 'aktiv';
  const closesByAck = task.kind === 'u25-rueckgabe' || task.kind === 'u25-sanktion';
  return {
    card: 'u25-task',
    json: renderCard('u25-task', {
      title: TASK_TITLE[task.kind],
      facts,
      hint: TASK_HINT[task.kind] ?? '',
      firstContactOpen,
      ack: closesByAck && task.status === 'offen',
      error,
      status: task.kind === 'u25-uebernahme' && outreach.firstContact ? `✔ Erstkontakt erfasst von ${staffName(ctx, outreach.firstContact.by)} am ${dateDe(outreach.firstContact.on)}` : statusLine(ctx, task, closesByAck ? 'Zur Kenntnis genommen' : 'Erledigt'),
      caseId: outreach.id,
      caseVersion: outreach.version,
      taskId: task.id,
      version: task.version
    })
  };
}

export function u25CaseCard(ctx: ViewContext, c: U25OutreachCase): AdaptiveCardJson {
  const lines = [
    ...c.extensions.map((e) => `Verlängert bis ${dateDe(e.until)} am ${dateTimeDe(e.at)}: ${plainText(e.reason)}`),
    ...c.visits.map((v) => `Besuch am ${dateDe(v.date)}: ${v.secondPersonId ? `zu zweit mit ${staffName(ctx, v.secondPersonId)}` : `allein – ${plainText(v.aloneReason ?? '')}`}`),
    ...c.missedAppointments.map((d) => `Termin versäumt am ${dateDe(d)} – Sanktion im Einzelfall mit dem pAp`)
  ];
  return renderCard('u25-case', { kdnr: c.kdnr, facts: caseFacts(ctx, c), lines, hasLines: lines.length > 0 });
}

export function u25ReminderCard(ctx: ViewContext, c: U25OutreachCase, stage: 'vorwarnung' | 'ende', end: string): AdaptiveCardJson {
  return renderCard('u25-reminder', {
    title: stage === 'vorwarnung' ? U25_TEXT.reminderEarly : U25_TEXT.reminderEnd,
    color: stage === 'vorwarnung' ? 'Default' : 'Attention',
    kdnr: c.kdnr,
    pap: staffName(ctx, c.hbId),
    start: dateDe(c.phaseStart),
    end: dateDe(end),
    text: stage === 'vorwarnung' ? U25_TEXT.reminderEarlyText : U25_TEXT.reminderEndText,
    hint: U25_TEXT.reminderHint(c.kdnr)
  });
}

export function budgetStatementCard(ctx: ViewContext, s: BudgetStatement): AdaptiveCardJson {
  const [y, m] = s.month.split('-');
  return renderCard('u25-budget-statement', {
    month: `${m}/${y}`,
    name: staffName(ctx, s.staffId),
    rows: s.expenses.map((e) => ({ date: dateDe(e.date), amount: euroDe(e.amountCents) })),
    total: euroDe(s.totalCents),
    budget: euroDe(s.budgetCents)
  });
}

const quarterLabel = (q: string) => `Q${q.slice(-1)}/${q.slice(0, 4)}`;

/** The evaluation: counts per quarter and a chart; `canSend` for the aB-pAp (a TL's copy offers nothing). */
export async function evaluationCard(ctx: ViewContext, quarters: readonly QuarterCounts[], options: { canSend: boolean; sentBy?: string; notice?: Notice }): Promise<AdaptiveCardJson> {
  const row = (label: string, value: (q: QuarterCounts) => string | number) => ({ label, values: quarters.map((q) => String(value(q))) });
  const notice = options.notice ?? NO_NOTICE;
  return renderCard('u25-evaluation', {
    subtitle: options.sentBy ? `Gesendet von ${staffName(ctx, options.sentBy)} (aB-pAp), Stand ${dateDe(ctx.today)}` : `Stand ${dateDe(ctx.today)}`,
    chart: await quarterChartDataUri(quarters, quarterLabel),
    chartAlt: `Balkendiagramm: übergebene, zurückgegebene, vorzeitig beendete und verlängerte Fälle je Quartal`,
    quarters: quarters.map((q) => ({ label: quarterLabel(q.quarter) })),
    rows: [
      row('übergeben', (q) => q.handedOver),
      row('aktiv (Quartalsende)', (q) => q.active),
      row('zurückgegeben', (q) => q.returned),
      row('verlängert', (q) => q.extended),
      row('vorzeitig beendet', (q) => q.endedEarly),
      row('Erstkontakt hergestellt', (q) => q.firstContacts),
      row('Kontakt nach Rückgabe', (q) => q.contactAfterReturn),
      row('Ø Betreuungsdauer (Tage)', (q) => q.meanDaysOfCare ?? '–')
    ],
    notice: notice.text,
    noticeColor: notice.isError ? 'Attention' : 'Good',
    canSend: options.canSend,
    leads: ctx.directory.staff.filter((s) => hasRole(s, 'TL')).map((s) => ({ title: s.name, value: s.id }))
  });
}

