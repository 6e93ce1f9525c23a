import type { TaskView } from '../app/task-view.js';
import type { StaffId } from '../domain/staff.js';
import type { CardName } from '../ports.js';
import { withLineUnderTitle, type AdaptiveCardJson } from './cards.js';
import { attendanceTaskCard, outreachTaskCard } from './processes/ab-flagging/task-views.js';
import { intensiveTaskCard } from './processes/contact-density/views.js';
import { missedAppointmentTaskCard } from './processes/missed-appointment/task-views.js';
import { u25TaskCard } from './processes/u25-outreach/views.js';
import { newcomerTaskCard } from './processes/sofortvermittlung/task-views.js';
import { voluntaryTaskCard } from './processes/voluntary-outreach/views.js';
import { onBehalfLine } from './task-status.js';
import type { ViewContext } from './view-context.js';

/** The customer's HB, where the task's process knows one. */
function hbOf(view: TaskView): StaffId | undefined {
  switch (view.kind) {
    case 'outreach':
    case 'u25':
    case 'voluntary':
      return view.outreach.hbId;
    case 'attendance':
      return view.outreach?.hbId;
    case 'missed-appointment':
      return view.missed.hbId;
    default:
      return undefined;
  }
}

/** The card a task is shown with, by its process; it reflects the task as `viewerId` sees it (a channel has none). */
export function taskCard(ctx: ViewContext, view: TaskView, viewerId?: StaffId): { card: CardName; json: AdaptiveCardJson } {
  const rendered = processTaskCard(ctx, view, viewerId);
  // An intensive-care request names the asking IFK in `onBehalfOf`: no substitution there.
  const onBehalf = view.kind === 'intensive' ? '' : onBehalfLine(ctx, view.task, hbOf(view));
  return onBehalf ? { card: rendered.card, json: withLineUnderTitle(rendered.json, onBehalf) } : rendered;
}

function processTaskCard(ctx: ViewContext, view: TaskView, viewerId?: StaffId): { card: CardName; json: AdaptiveCardJson } {
  switch (view.kind) {
    case 'outreach':
      return outreachTaskCard(ctx, view);
    case 'attendance':
      return attendanceTaskCard(ctx, view);
    case 'missed-appointment':
      return missedAppointmentTaskCard(ctx, view, viewerId);
    case 'intensive':
      return intensiveTaskCard(ctx, view);
    case 'u25':
      return u25TaskCard(ctx, view);
    case 'newcomer':
      return newcomerTaskCard(ctx, view);
    case 'voluntary':
      return voluntaryTaskCard(ctx, view);
  }
}
