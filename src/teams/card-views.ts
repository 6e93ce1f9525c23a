import type { Deps } from '../app/deps.js';
import type { FlagPreview } from '../app/flag-customer.js';
import type { CustomerStatus } from '../app/customer-status.js';
import type { WeekPlan } from '../app/week-plan.js';
import { districtName, endOfServiceOn, flagDeadlineRule } from '../config/policy.js';
import { differenceInCalendarDays } from 'date-fns';
import type { DueEntry, DueList } from '../app/due-contacts.js';
import { quotaStatusOf } from '../app/intensive.js';
import type { Digest } from '../app/weekly-digest.js';
import { targetWeekForFlag } from '../domain/ab-deadline.js';
import { contactCounts } from '../domain/contact-density.js';
import type { AbStatus } from '../domain/ab-availability.js';
import { atBerlin, berlinDate, berlinTime, nextWeek, weekKey } from '../domain/berlin-time.js';
import type { Customer } from '../domain/customer.js';
import type { MissedAppointmentCase } from '../domain/missed-appointment.js';
import type { OutreachCase } from '../domain/outreach-case.js';
import { findStaff, type StaffId } from '../domain/staff.js';
import { closesByProcessStep, isClaimable, type Task } from '../domain/task.js';
import type { CardName } from '../ports.js';
import { renderCard, type AdaptiveCardJson } from './cards.js';
import { attemptWhenDe, dateDe, dateTimeDe, weekDe, weekdayDateDe, weekdayDateTimeDe } from './format.js';
import { missingPrerequisitesText } from './refusal-text.js';
import { ATTEMPT_LABEL, GROUP_LABEL, NOT_REQUIRED_NOTE, PREREQUISITE_LABEL, secondCallGapText, TASK_TITLE } from './texts.js';

/** Builds what each card shows from the current records: the single place where records become card data. */

const staffName = (deps: Deps, id: StaffId) => findStaff(deps.directory, id)?.name ?? 'unbekannt';

export interface FormState {
  readonly error?: string;
  readonly done?: string;
}

export function flagFormCard(deps: Deps, preview: FlagPreview, state: FormState = {}): AdaptiveCardJson {
  const { customer, check, target, openCase } = preview;
  const minMinutes = deps.policy.abFlagging.minMinutesBetweenCallTimes;
  const checklist = check.checklist.map((e) => ({
    icon: e.status === 'erfuellt' ? '✅' : e.status === 'fehlt' ? '❌' : '➖',
    color: e.status === 'fehlt' ? 'Attention' : 'Default',
    label: PREREQUISITE_LABEL[e.item],
    note: e.status === 'entfaellt' ? NOT_REQUIRED_NOTE : e.at ? `am ${dateTimeDe(e.at)}` : e.gap ? secondCallGapText(e.gap, minMinutes) : 'fehlt'
  }));
  const deadline = weekdayDateTimeDe(target.deadline);
  const error = state.error ?? (openCase ? `Bereits vorgemerkt für ${weekDe(openCase.targetWeek)}.` : check.ok ? '' : missingPrerequisitesText(check.checklist, deps.policy));
  return renderCard('flag-form', {
    kdnr: customer.kdnr,
    group: GROUP_LABEL[customer.group] + (customer.longTermUnemployed ? ', langzeitarbeitslos' : ''),
    district: districtName(deps.policy, customer.district),
    hb: staffName(deps, customer.hbId),
    checklist,
    week: weekDe(target.week),
    deadlineText: target.late
      ? `Die Frist für die kommende Woche ist abgelaufen; nächste Frist: ${deadline}.`
      : `Vormerkungen bis ${deadline} gelten für die kommende Woche.`,
    reasonMax: deps.policy.abFlagging.reasonMaxLength,
    error,
    done: state.done ?? '',
    showForm: check.ok && !openCase && !state.done
  });
}

function caseFacts(deps: Deps, outreach: OutreachCase) {
  return {
    kdnr: outreach.kdnr,
    week: weekDe(outreach.targetWeek),
    district: districtName(deps.policy, outreach.district),
    hb: staffName(deps, outreach.hbId),
    caseId: outreach.id,
    version: outreach.version
  };
}

export function visitFormCard(deps: Deps, outreach: OutreachCase, state: FormState = {}): AdaptiveCardJson {
  return renderCard('visit-form', {
    ...caseFacts(deps, outreach),
    today: berlinDate(deps.clock.now()),
    error: state.error ?? '',
    done: state.done ?? '',
    showForm: outreach.status === 'vorgemerkt' && !state.done
  });
}

function statusLine(deps: Deps, task: Task, verb: string): string {
  return task.status === 'erledigt' && task.completedBy && task.completedAt
    ? `✔ ${verb} von ${staffName(deps, task.completedBy)} am ${dateTimeDe(task.completedAt)}`
    : '';
}

function resultCardData(deps: Deps, task: Task, outreach: OutreachCase) {
  const visit = outreach.visit!;
  const met = visit.outcome === 'angetroffen';
  const extras = [
    visit.meetAndWalk ? 'Meet and Walk auf Wunsch des Kunden' : '',
    visit.lowThresholdInfo ? 'Allgemeine bzw. niedrigschwellige Auskünfte erteilt' : '',
    visit.complex ? 'Komplexer Sachverhalt: persönliches Gespräch AB–HB vereinbaren (eigene Aufgabe)' : '',
    visit.hintForBenefits ? 'Hinweise per E-Akte an die Leistungsabteilung gegeben' : ''
  ].filter(Boolean);
  return {
    kdnr: outreach.kdnr,
    outcome: met ? 'angetroffen' : 'nicht angetroffen',
    // seed 000 §2: met at the door, the invitation is handed over and the legal consequences are pointed out.
    delivery: met ? 'persönlich vor der Haustür übergeben, auf die Rechtsfolgen hingewiesen' : 'mit Kunden-Paket in den Briefkasten geworfen',
    appointment: dateDe(visit.appointmentDate),
    visitedAt: dateTimeDe(visit.recordedAt),
    ab: staffName(deps, visit.recordedBy),
    extras,
    taskId: task.id,
    version: task.version,
    open: task.status === 'offen',
    status: statusLine(deps, task, 'Zur Kenntnis genommen')
  };
}

const FOLLOW_UP_TEXT: Partial<Record<Task['kind'], string>> = {
  'gespraech-ab-hb': 'Die AB meldet einen komplexen Sachverhalt. Bitte führen Sie ein persönliches Gespräch zwischen AB und HB; Details stehen im Verbis-Vermerk.',
  'hinweis-leistung': 'Die AB hat nach einem Besuch wichtige Hinweise per E-Akte an die Leistungsabteilung gegeben. Bitte prüfen Sie die E-Akte.'
};

/**
 * The card a task is shown with, proactively or on request; it reflects the task's current state as `viewerId`
 * sees it (a channel has no viewer).
 */
export async function taskCard(deps: Deps, task: Task, viewerId?: StaffId): Promise<{ card: CardName; json: AdaptiveCardJson }> {
  if (MISSED_APPOINTMENT_TASKS.includes(task.kind)) return missedAppointmentTaskCard(deps, task, viewerId);
  if (task.kind === 'intensiv-aufnehmen' || task.kind === 'intensiv-beenden') return { card: 'intensive-task', json: await intensiveTaskCard(deps, task) };
  if (task.kind === 'erschienen-pruefen') return { card: 'attendance-task', json: await attendanceTaskCard(deps, task) };
  const outreach = await deps.store.getCase(task.caseId);
  if (!outreach) throw new Error(`case ${task.caseId} of task ${task.id} missing`);
  if (task.kind === 'ab-besuch') {
    const customer = await deps.store.getCustomer(task.kdnr);
    return {
      card: 'ab-task',
      json: renderCard('ab-task', {
        ...caseFacts(deps, outreach),
        group: customer ? GROUP_LABEL[customer.group] : '',
        reason: outreach.reason,
        flaggedAt: `${dateTimeDe(outreach.flaggedAt)} von ${staffName(deps, outreach.flaggedBy)}`,
        open: outreach.status === 'vorgemerkt',
        status: outreach.visit ? `✔ Ergebnis erfasst von ${staffName(deps, outreach.visit.recordedBy)} am ${dateTimeDe(outreach.visit.recordedAt)}` : ''
      })
    };
  }
  if (task.kind === 'ab-ergebnis') return { card: 'result-task', json: renderCard('result-task', resultCardData(deps, task, outreach)) };
  return {
    card: 'follow-up-task',
    json: renderCard('follow-up-task', {
      title: TASK_TITLE[task.kind],
      kdnr: task.kdnr,
      from: outreach.visit ? staffName(deps, outreach.visit.recordedBy) : '',
      createdAt: dateTimeDe(task.createdAt),
      text: FOLLOW_UP_TEXT[task.kind] ?? '',
      taskId: task.id,
      version: task.version,
      open: task.status === 'offen',
      status: statusLine(deps, task, 'Erledigt')
    })
  };
}

export function customerStatusCard(deps: Deps, status: CustomerStatus, notice: { text: string; isError: boolean } = { text: '', isError: false }): AdaptiveCardJson {
  const { customer, latestCase } = status;
  const abStatus = !latestCase
    ? 'nicht vorgemerkt'
    : latestCase.status === 'vorgemerkt'
      ? `vorgemerkt für ${weekDe(latestCase.targetWeek)}`
      : `besucht am ${dateTimeDe(latestCase.visit!.recordedAt)}: ${latestCase.visit!.outcome === 'angetroffen' ? 'angetroffen' : 'nicht angetroffen'}`;
  const missing = status.check.checklist.filter((e) => e.status === 'fehlt').length;
  return renderCard('customer-status', {
    notice: notice.text,
    noticeColor: notice.isError ? 'Attention' : 'Good',
    mayRecord: status.mayRecord,
    version: customer.version,
    today: berlinDate(deps.clock.now()),
    kdnr: customer.kdnr,
    hb: staffName(deps, customer.hbId),
    group: GROUP_LABEL[customer.group] + (customer.longTermUnemployed ? ', langzeitarbeitslos' : ''),
    district: districtName(deps.policy, customer.district),
    abStatus,
    prerequisites: missing === 0 ? 'erfüllt' : `${missing} offen (Details mit /vormerken ${customer.kdnr})`,
    attempts: [...customer.attempts]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((a) => ({ when: attemptWhenDe(a), label: ATTEMPT_LABEL[a.kind] })),
    openTasks: status.openTasks.map((t) => ({ title: TASK_TITLE[t.kind], assignees: t.assigneeIds.map((id) => staffName(deps, id)).join(', ') }))
  });
}

export async function abPlanCard(deps: Deps, plan: WeekPlan): Promise<AdaptiveCardJson> {
  const thisWeek = weekKey(plan.week);
  const total = plan.districts.reduce((n, d) => n + d.cases.length, 0);
  const open = plan.districts.reduce((n, d) => n + d.cases.filter((c) => c.status === 'vorgemerkt').length, 0);
  const groups = new Map<string, string>();
  for (const c of plan.districts.flatMap((d) => d.cases)) {
    const customer = await deps.store.getCustomer(c.kdnr);
    groups.set(c.kdnr, customer ? GROUP_LABEL[customer.group] : '');
  }
  return renderCard('ab-plan', {
    week: weekDe(plan.week) + (plan.preview ? ` mit Vorschau auf ${weekDe(plan.preview)}` : ''),
    summary: `${total} Vormerkung${total === 1 ? '' : 'en'}, davon ${open} offen. Kein angekündigter Besuch; vorab offene Mitwirkungsschreiben in der E-Akte prüfen.`,
    districts: plan.districts.map((d) => ({
      name: d.districtName,
      own: d.own,
      entries: d.cases.map((c) => ({
        kdnr: c.kdnr,
        group: groups.get(c.kdnr) ?? '',
        hb: staffName(deps, c.hbId),
        carried: c.targetWeek !== thisWeek,
        from: c.targetWeek < thisWeek ? `aus ${weekDe(c.targetWeek)}` : `für ${weekDe(c.targetWeek)}`,
        open: c.status === 'vorgemerkt',
        state:
          c.status === 'vorgemerkt'
            ? `offen · vorgemerkt am ${dateTimeDe(c.flaggedAt)} · ${c.reason}`
            : `erledigt: ${c.visit!.outcome === 'angetroffen' ? 'angetroffen' : 'nicht angetroffen'} (${staffName(deps, c.visit!.recordedBy)})`,
        caseId: c.id,
        version: c.version
      }))
    }))
  });
}

export async function taskListCard(deps: Deps, tasks: readonly Task[], notice = ''): Promise<AdaptiveCardJson> {
  const items = [];
  for (const t of tasks) {
    const outreach = await deps.store.getCase(t.caseId);
    items.push({
      title: TASK_TITLE[t.kind],
      kdnr: t.kdnr,
      createdAt: dateTimeDe(t.createdAt),
      summary:
        t.kind === 'ab-besuch' && outreach
          ? `${weekDe(outreach.targetWeek)}, Bezirk ${districtName(deps.policy, outreach.district)}`
          : outreach?.visit
            ? `Besuch: ${outreach.visit.outcome === 'angetroffen' ? 'angetroffen' : 'nicht angetroffen'}, Termin laut Einladung ${dateDe(outreach.visit.appointmentDate)}`
            : '',
      visit: t.kind === 'ab-besuch',
      ack: !closesByProcessStep(t.kind),
      caseId: t.caseId,
      caseVersion: outreach?.version ?? 0,
      taskId: t.id,
      version: t.version,
      buttonTitle: t.kind === 'ab-ergebnis' ? 'Zur Kenntnis genommen' : 'Erledigt'
    });
  }
  return renderCard('task-list', { tasks: items, notice });
}

const MISSED_APPOINTMENT_TASKS: readonly Task['kind'][] = ['meldeversaeumnis-ab', 'rueckruf', 'folgetermin-hb', 'termin-beim-hb-buchen', 'aufhebung-zahlungseinstellung', 'zahlungseinstellung-hb'];

const teamName = (deps: Deps, id: string) => deps.directory.teams.find((t) => t.id === id)?.name ?? id;

export const AB_STATUS_LABEL: Record<AbStatus, string> = {
  verfuegbar: 'verfügbar',
  unterwegs: 'unterwegs',
  abwesend: 'abwesend',
  'ausser-dienst': 'außerhalb der Dienstzeit'
};

export function slotDe(deps: Deps, slot: NonNullable<MissedAppointmentCase['slot']>): string {
  const today = berlinDate(deps.clock.now());
  const day = slot.date === today ? 'heute' : weekdayDateDe(slot.date);
  return `${day}, ${slot.from}–${slot.to} Uhr${slot.nextWorkingDay ? ' (nach Dienstschluss gebucht: nächster Arbeitstag)' : ''}`;
}

function claimStatus(deps: Deps, task: Task, missed: MissedAppointmentCase, viewerId?: StaffId): string {
  if (missed.status === 'erledigt' && missed.talk) return `✔ Erledigt von ${staffName(deps, missed.talk.recordedBy)} am ${dateTimeDe(missed.talk.recordedAt)}`;
  if (!task.claimedBy || !task.claimedAt) return '';
  return task.claimedBy === viewerId ? `Sie haben übernommen (${dateTimeDe(task.claimedAt)}).` : `Übernommen von ${staffName(deps, task.claimedBy)} am ${dateTimeDe(task.claimedAt)}`;
}

async function missedAppointmentTaskCard(deps: Deps, task: Task, viewerId?: StaffId): Promise<{ card: CardName; json: AdaptiveCardJson }> {
  const missed = await deps.store.getMissedCase(task.caseId);
  if (!missed) throw new Error(`case ${task.caseId} of task ${task.id} missing`);
  if (isClaimable(task.kind)) {
    const callback = missed.kind === 'rueckruf' && missed.slot;
    return {
      card: 'claim-task',
      json: renderCard('claim-task', {
        title: TASK_TITLE[task.kind],
        escalated: missed.escalatedAt !== undefined && !task.claimedBy,
        escalateAt: missed.slot ? `${berlinTime(new Date(missed.slot.escalateAt))} Uhr` : '',
        kdnr: missed.kdnr,
        hb: staffName(deps, missed.hbId),
        team: teamName(deps, missed.team),
        whenTitle: callback ? 'Rückruf' : 'Gemeldet',
        when: callback ? slotDe(deps, callback) : dateTimeDe(missed.reportedAt),
        reportedBy: staffName(deps, missed.reportedBy),
        hint: callback
          ? 'Rufen Sie den Kunden zurück: Gründe für das Meldeversäumnis klären, motivieren. Danach buchen Sie einen persönlichen Termin beim HB.'
          : 'Der Kunde wartet in der Eingangszone. Gründe aufnehmen, motivieren; vor dem Verlassen des Hauses einen Folgetermin (1 Stunde) beim HB vereinbaren.',
        open: task.status === 'offen' && !task.claimedBy,
        mine: task.claimedBy !== undefined && task.claimedBy === viewerId && missed.status === 'uebernommen',
        status: claimStatus(deps, task, missed, viewerId),
        taskId: task.id,
        version: task.version,
        caseId: missed.id,
        caseVersion: missed.version
      })
    };
  }
  const followUp = missed.talk?.followUp;
  const text: Partial<Record<Task['kind'], string>> = {
    'folgetermin-hb': followUp
      ? `Nach dem Meldeversäumnis hat ${staffName(deps, missed.talk!.recordedBy)} mit dem Kunden einen Folgetermin (1 Stunde) beim HB vereinbart: ${weekdayDateDe(followUp.date)}, ${followUp.time} Uhr. Der Termin wurde dem Kunden ausgehändigt.`
      : '',
    'termin-beim-hb-buchen': `Sie haben den Rückruf geführt. Bitte buchen Sie einen persönlichen Termin beim HB (${staffName(deps, missed.hbId)}).`,
    'aufhebung-zahlungseinstellung': 'Der Kunde hat nach dem Meldeversäumnis mitgewirkt. Der Verbis-Vermerk zur Aufhebung der vorläufigen Zahlungseinstellung wird per E-Akte weitergeleitet: Bitte veranlassen Sie die Zahlungen wieder.',
    'zahlungseinstellung-hb': 'Nach dem Gespräch zum Meldeversäumnis ist die Aufhebung der vorläufigen Zahlungseinstellung bei der Leistungsabteilung veranlasst (Vermerk per E-Akte).'
  };
  const onBehalf = task.onBehalfOf ? ` In Vertretung für ${staffName(deps, task.onBehalfOf)} (abwesend).` : '';
  return {
    card: 'follow-up-task',
    json: renderCard('follow-up-task', {
      title: TASK_TITLE[task.kind],
      kdnr: task.kdnr,
      from: missed.talk ? staffName(deps, missed.talk.recordedBy) : staffName(deps, missed.reportedBy),
      createdAt: dateTimeDe(task.createdAt),
      text: (text[task.kind] ?? '') + onBehalf,
      taskId: task.id,
      version: task.version,
      open: task.status === 'offen',
      status: statusLine(deps, task, 'Erledigt')
    })
  };
}

export function talkFormCard(deps: Deps, missed: MissedAppointmentCase, state: FormState = {}): AdaptiveCardJson {
  const today = berlinDate(deps.clock.now());
  const end = endOfServiceOn(deps.policy, today);
  const [h, m] = end.split(':').map(Number) as [number, number];
  const lastStartMinutes = h * 60 + m - deps.policy.followUpMinutes;
  return renderCard('talk-form', {
    title: missed.kind === 'rueckruf' ? 'Rückruf zum Meldeversäumnis' : 'Gespräch zum Meldeversäumnis',
    kdnr: missed.kdnr,
    hb: staffName(deps, missed.hbId),
    team: teamName(deps, missed.team),
    error: state.error ?? '',
    done: state.done ?? '',
    showForm: missed.status === 'uebernommen' && !state.done,
    needsFollowUp: missed.kind === 'ab-gespraech',
    today,
    officeStart: deps.policy.officeStart,
    lastStart: `${String(Math.floor(lastStartMinutes / 60)).padStart(2, '0')}:${String(lastStartMinutes % 60).padStart(2, '0')}`,
    caseId: missed.id,
    version: missed.version
  });
}

export function callbackOfferCard(deps: Deps, customer: Customer, statuses: ReadonlyArray<{ staffId: StaffId; status: AbStatus }>, state: FormState = {}): AdaptiveCardJson {
  const hbTeam = findStaff(deps.directory, customer.hbId)?.team ?? '';
  return renderCard('callback-offer', {
    kdnr: customer.kdnr,
    team: teamName(deps, hbTeam),
    statuses: statuses.map((s) => ({ name: staffName(deps, s.staffId), status: AB_STATUS_LABEL[s.status] })),
    done: state.done ?? '',
    error: state.error ?? ''
  });
}

async function intensiveTaskCard(deps: Deps, task: Task): Promise<AdaptiveCardJson> {
  const ifkId = task.onBehalfOf ?? '';
  const add = task.kind === 'intensiv-aufnehmen';
  const quota = await quotaStatusOf(deps, ifkId, task.status === 'offen' ? (add ? 1 : -1) : 0);
  return renderCard('intensive-task', {
    title: TASK_TITLE[task.kind],
    kdnr: task.kdnr,
    ifk: staffName(deps, ifkId),
    after: `${quota.count} von ${quota.quota}`,
    taskId: task.id,
    version: task.version,
    open: task.status === 'offen',
    status: statusLine(deps, task, 'Entschieden')
  });
}

async function attendanceTaskCard(deps: Deps, task: Task): Promise<AdaptiveCardJson> {
  const outreach = await deps.store.getCase(task.caseId);
  const visit = outreach?.visit;
  const answer = outreach?.attendance?.answer;
  return renderCard('attendance-task', {
    kdnr: task.kdnr,
    appointment: visit ? weekdayDateDe(visit.appointmentDate) : '',
    delivery: visit?.outcome === 'angetroffen' ? 'von der AB persönlich übergeben' : 'von der AB mit Kunden-Paket in den Briefkasten geworfen',
    onBehalf: task.onBehalfOf ? `In Vertretung für ${staffName(deps, task.onBehalfOf)} (abwesend).` : '',
    open: task.status === 'offen',
    offerStop: answer === 'nein' && !(await deps.store.getPaymentStop(task.kdnr))?.recordedAt,
    status: answer && task.completedBy && task.completedAt ? `✔ ${answer === 'ja' ? 'Erschienen' : 'Nicht erschienen'} – erfasst von ${staffName(deps, task.completedBy)} am ${dateTimeDe(task.completedAt)}` : '',
    taskId: task.id,
    version: task.version
  });
}

export function dueContactsCard(deps: Deps, list: DueList, notice: { text: string; isError: boolean } = { text: '', isError: false }): AdaptiveCardJson {
  const rule = deps.policy.contactDensity;
  const entry = (e: DueEntry) => {
    const days = differenceInCalendarDays(new Date(`${list.today}T12:00:00Z`), new Date(`${e.due}T12:00:00Z`));
    return {
      icon: e.state === 'ueberfaellig' ? '🔴' : '🟡',
      color: e.state === 'ueberfaellig' ? 'Attention' : 'Default',
      kdnr: e.customer.kdnr,
      version: e.customer.version,
      group: e.source === 'intensiv' ? 'Intensivkunde' : e.source === 'profil' ? `Profillage ${e.customer.profile}` : GROUP_LABEL[e.customer.group],
      dueText: e.state === 'ueberfaellig' ? `überfällig seit ${dateDe(e.due)} (${days} Tag${days === 1 ? '' : 'e'})` : e.due === list.today ? 'heute fällig' : `fällig am ${weekdayDateDe(e.due)}`,
      choices: [
        { title: 'persönlich', value: 'persoenlich' },
        { title: 'telefonisch', value: 'telefonisch' },
        ...(contactCounts('gruppe', e.customer, rule) ? [{ title: 'Gruppeninformation', value: 'gruppe' }] : [])
      ]
    };
  };
  const o = list.overdue.length;
  const d = list.dueSoon.length;
  return renderCard('due-contacts', {
    summary: `${o} überfällig, ${d} in den nächsten ${rule.remindWithinWorkingDays} Arbeitstagen fällig`,
    today: dateDe(list.today),
    todayIso: list.today,
    notice: notice.text,
    noticeColor: notice.isError ? 'Attention' : 'Good',
    entries: [...list.overdue, ...list.dueSoon].map(entry)
  });
}

export function flagReminderCard(deps: Deps, date: string): AdaptiveCardJson {
  const target = targetWeekForFlag(atBerlin(date, '00:00'), flagDeadlineRule(deps.policy), deps.calendar);
  return renderCard('flag-reminder', {
    deadline: `heute, ${berlinTime(target.deadline)} Uhr`,
    week: weekDe(target.week),
    weekAfter: weekDe(nextWeek(target.week))
  });
}

export function digestCard(deps: Deps, digest: Digest): AdaptiveCardJson {
  const facts = <T,>(rows: readonly T[], value: (r: T) => string, name: (r: T) => string) => (rows.length ? rows.map((r) => ({ title: name(r), value: value(r) })) : [{ title: '–', value: 'keine IFK im Team' }]);
  const QUOTA: Record<string, string> = { unter: 'unter Soll', erfuellt: 'erfüllt', ueber: 'über Soll' };
  return renderCard('digest', {
    week: weekDe(digest.week),
    team: teamName(deps, digest.teamId),
    flags: String(digest.flags),
    met: String(digest.visitsMet),
    notMet: String(digest.visitsNotMet),
    booked: String(digest.callbacksBooked),
    claimed: String(digest.callbacksClaimed),
    escalated: String(digest.callbacksEscalated),
    overdue: facts(digest.overdueByIfk, (r) => String(r.overdue), (r) => staffName(deps, r.staffId)),
    intensive: facts(digest.intensiveByIfk, (r) => `${r.count} von ${r.quota} (${QUOTA[r.state]})`, (r) => staffName(deps, r.staffId))
  });
}
