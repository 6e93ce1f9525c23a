import type { TaskView } from '../app/task-view.js';
import type { StaffId } from '../domain/staff.js';
import type { CardName } from '../ports.js';
import type { AdaptiveCardJson } from './cards.js';
import { attendanceTaskCard, outreachTaskCard } from './processes/ab-flagging/task-views.js';
import { intensiveTaskCard } from './processes/contact-density/views.js';
import { missedAppointmentTaskCard } from './processes/missed-appointment/task-views.js';
import { u25TaskCard } from './processes/u25-outreach/views.js';
import { newcomerTaskCard } from './processes/sofortvermittlung/task-views.js';
import type { ViewContext } from './view-context.js';

/** The card a task is shown with, by its process; it reflects the task as `viewerId` sees it (a channel has none). */
export function taskCard(ctx: ViewContext, view: TaskView, viewerId?: StaffId): { card: CardName; json: AdaptiveCardJson } {
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
  }
}
