import type { CustomerStatus } from '../../../app/customer-status.js';
import type { FlagPreview } from '../../../app/flag-customer.js';
import type { WeekPlan } from '../../../app/week-plan.js';
import { districtName } from '../../../config/policy.js';
import type { FlagTarget } from '../../../domain/ab-deadline.js';
import { berlinTime, nextWeek, weekKey } from '../../../domain/berlin-time.js';
import type { OutreachCase } from '../../../domain/outreach-case.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { attemptWhenDe, dateDe, dateTimeDe, weekDe, weekdayDateDe, weekdayDateTimeDe } from '../../format.js';
import { plainText } from '../../plain-text.js';
import { APPROACH_LABEL } from '../voluntary-outreach/texts.js';
import { missingPrerequisitesText } from '../../refusal-text.js';
import { ATTEMPT_LABEL, contactRuleDe, GROUP_LABEL, NOT_REQUIRED_NOTE, PREREQUISITE_LABEL, secondCallGapText, TASK_TITLE } from '../../texts.js';
import { NO_NOTICE, staffName, type FormState, type Notice, type ViewContext } from '../../view-context.js';

/** Cards of AB flagging (seed 000 §2): pure functions of a read model and the view context. */

/** `withdrawable`: the confirmation of one's own flag offers to take it back (issue 16, `/korrektur vormerkung`). */
export function flagFormCard(ctx: ViewContext, preview: FlagPreview, state: FormState = {}, withdrawable = false): AdaptiveCardJson {
  const { customer, check, target, openCase } = preview;
  const minMinutes = ctx.policy.abFlagging.minMinutesBetweenCallTimes;
  const checklist = check.checklist.map((e) => ({
    icon: e.status === 'erfuellt' ? '✅' : e.status === 'fehlt' ? '❌' : '➖',
    color: e.status === 'fehlt' ? 'Attention' : 'Default',
    label: PREREQUISITE_LABEL[e.item],
    note: e.status === 'entfaellt' ? NOT_REQUIRED_NOTE : e.at ? `am ${dateTimeDe(e.at)}` : e.gap ? secondCallGapText(e.gap, minMinutes) : 'fehlt'
  }));
  const deadline = weekdayDateTimeDe(target.deadline);
  const error = state.error ?? (openCase ? `Bereits vorgemerkt für ${weekDe(openCase.targetWeek)}.` : check.ok ? '' : missingPrerequisitesText(check.checklist, ctx.policy));
  return renderCard('flag-form', {
    kdnr: customer.kdnr,
    group: GROUP_LABEL[customer.group] + (customer.longTermUnemployed ? ', langzeitarbeitslos' : ''),
    district: districtName(ctx.policy, customer.district),
    hb: staffName(ctx, customer.hbId),
    checklist,
    week: weekDe(target.week),
    deadlineText: target.late
      ? `Die Frist für die kommende Woche ist abgelaufen; nächste Frist: ${deadline}.`
      : `Vormerkungen bis ${deadline} gelten für die kommende Woche.`,
    reasonMax: ctx.policy.abFlagging.reasonMaxLength,
    error,
    done: state.done ?? '',
    showForm: check.ok && !openCase && !state.done,
    showWithdraw: withdrawable && openCase?.status === 'vorgemerkt',
    // The button takes back exactly this flag: an old card cannot take back a newer one.
    caseId: openCase?.id ?? '',
    caseVersion: openCase?.version ?? 0,
    recentVisit: preview.recentVisit ? recentVisitText(ctx, preview.recentVisit) : ''
  });
}

/** issue 16: the result of a visit only days ago, shown before the customer is flagged again. */
function recentVisitText(ctx: ViewContext, outreach: OutreachCase): string {
  const visit = outreach.visit!;
  const outcome = visit.outcome === 'angetroffen' ? 'angetroffen' : 'nicht angetroffen';
  return `Die AB (${staffName(ctx, visit.recordedBy)}) hat den Kunden am ${dateTimeDe(visit.recordedAt)} besucht: ${outcome}, Termin laut Einladung ${dateDe(visit.appointmentDate)}.`;
}

export function caseFacts(ctx: ViewContext, outreach: OutreachCase) {
  return {
    kdnr: outreach.kdnr,
    week: weekDe(outreach.targetWeek),
    district: districtName(ctx.policy, outreach.district),
    hb: staffName(ctx, outreach.hbId),
    caseId: outreach.id,
    version: outreach.version
  };
}

export function visitFormCard(ctx: ViewContext, outreach: OutreachCase, state: FormState = {}): AdaptiveCardJson {
  return renderCard('visit-form', {
    ...caseFacts(ctx, outreach),
    today: ctx.today,
    error: state.error ?? '',
    done: state.done ?? '',
    showForm: outreach.status === 'vorgemerkt' && !state.done
  });
}

export function customerStatusCard(ctx: ViewContext, status: CustomerStatus, notice: Notice = NO_NOTICE): AdaptiveCardJson {
  const { customer, latestCase, contactDensity: density } = status;
  const abStatus = !latestCase
    ? 'nicht vorgemerkt'
    : latestCase.status === 'vorgemerkt'
      ? `vorgemerkt für ${weekDe(latestCase.targetWeek)}`
      : latestCase.status === 'zurueckgenommen'
        ? `Vormerkung für ${weekDe(latestCase.targetWeek)} zurückgenommen`
        : `besucht am ${dateTimeDe(latestCase.visit!.recordedAt)}: ${latestCase.visit!.outcome === 'angetroffen' ? 'angetroffen' : 'nicht angetroffen'}`;
  const missing = status.check.checklist.filter((e) => e.status === 'fehlt').length;
  return renderCard('customer-status', {
    notice: notice.text,
    noticeColor: notice.isError ? 'Attention' : 'Good',
    mayRecord: status.mayRecord,
    version: customer.version,
    today: ctx.today,
    kdnr: customer.kdnr,
    hb: staffName(ctx, customer.hbId),
    group: GROUP_LABEL[customer.group] + (customer.longTermUnemployed ? ', langzeitarbeitslos' : ''),
    district: districtName(ctx.policy, customer.district),
    abStatus,
    // Only those who may flag are pointed to /vormerken (an AB may not).
    prerequisites: missing === 0 ? 'erfüllt' : status.mayRecord ? `${missing} offen, Einzelheiten mit /vormerken ${customer.kdnr}` : `${missing} offen`,
    contactRule: contactRuleDe(density.interval, density.source, customer),
    lastContact: density.lastContact ? dateDe(density.lastContact) : 'keiner erfasst',
    voluntary: status.plannedVoluntary.map((v) => `${APPROACH_LABEL[v.approach]} am ${weekdayDateDe(v.date)}, ${v.time} Uhr`).join('; ') || 'keine geplant',
    nextContact: `${weekdayDateDe(density.due)}${density.due < ctx.today ? ', überfällig' : density.due === ctx.today ? ', heute fällig' : ''}`,
    attempts: [...customer.attempts]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((a) => ({ when: attemptWhenDe(a), label: ATTEMPT_LABEL[a.kind] + (a.withdrawn ? ` – zurückgenommen von ${staffName(ctx, a.withdrawn.by)}, zählt nicht` : '') })),
    openTasks: status.openTasks.map((t) => ({ title: TASK_TITLE[t.kind], assignees: t.assigneeIds.map((id) => staffName(ctx, id)).join(', ') }))
  });
}

export function abPlanCard(ctx: ViewContext, plan: WeekPlan): AdaptiveCardJson {
  const thisWeek = weekKey(plan.week);
  const total = plan.districts.reduce((n, d) => n + d.cases.length, 0);
  const open = plan.districts.reduce((n, d) => n + d.cases.filter((c) => c.status === 'vorgemerkt').length, 0);
  const group = (kdnr: string) => {
    const g = plan.groups.get(kdnr);
    return g ? GROUP_LABEL[g] : '';
  };
  return renderCard('ab-plan', {
    week: weekDe(plan.week),
    ahead: plan.aheadUntil ? `Mit den schon vorgemerkten Kunden der Folgewochen bis ${weekDe(plan.aheadUntil)}. Eine bestimmte Woche: /ab-plan ${plan.aheadUntil.week}` : '',
    summary: `${total} Vormerkung${total === 1 ? '' : 'en'}, davon ${open} offen. Kein angekündigter Besuch; vorab offene Mitwirkungsschreiben in der E-Akte prüfen.`,
    districts: plan.districts.map((d) => ({
      name: d.districtName,
      own: d.own,
      entries: d.cases.map((c) => ({
        kdnr: c.kdnr,
        group: group(c.kdnr),
        hb: staffName(ctx, c.hbId),
        carried: c.targetWeek !== thisWeek,
        from: c.targetWeek < thisWeek ? `aus ${weekDe(c.targetWeek)}` : `für ${weekDe(c.targetWeek)}`,
        open: c.status === 'vorgemerkt',
        state:
          c.status === 'vorgemerkt'
            ? `offen · vorgemerkt am ${dateTimeDe(c.flaggedAt)} · ${plainText(c.reason)}`
            : `erledigt: ${c.visit!.outcome === 'angetroffen' ? 'angetroffen' : 'nicht angetroffen'} (${staffName(ctx, c.visit!.recordedBy)})`,
        caseId: c.id,
        version: c.version
      }))
    }))
  });
}

/** Thursday morning (seed 000 §2): flags until end of service today count for next week. */
export function flagReminderCard(target: FlagTarget): AdaptiveCardJson {
  return renderCard('flag-reminder', {
    deadline: `heute, ${berlinTime(target.deadline)} Uhr`,
    week: weekDe(target.week),
    weekAfter: weekDe(nextWeek(target.week))
  });
}
