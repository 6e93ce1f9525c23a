import type { Digest } from '../../../app/weekly-digest.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { weekDe } from '../../format.js';
import { staffName, teamName, type ViewContext } from '../../view-context.js';
import { sofortvermittlungFacts } from '../sofortvermittlung/views.js';
import { APPROACH_LABEL } from '../voluntary-outreach/texts.js';

const QUOTA: Record<string, string> = { unter: 'unter Soll', erfuellt: 'erfüllt', ueber: 'über Soll' };

/** The team's weekly digest: counts and staff names only, never a Kundennummer. */
export function digestCard(ctx: ViewContext, digest: Digest): AdaptiveCardJson {
  const facts = <T,>(rows: readonly T[], value: (r: T) => string, name: (r: T) => string) => (rows.length ? rows.map((r) => ({ title: name(r), value: value(r) })) : [{ title: '–', value: 'keine IFK im Team' }]);
  return renderCard('digest', {
    week: weekDe(digest.week),
    team: teamName(ctx, digest.teamId),
    flags: String(digest.flags),
    met: String(digest.visitsMet),
    notMet: String(digest.visitsNotMet),
    booked: String(digest.callbacksBooked),
    claimed: String(digest.callbacksClaimed),
    escalated: String(digest.callbacksEscalated),
    overdue: facts(digest.overdueByIfk, (r) => String(r.overdue), (r) => staffName(ctx, r.staffId)),
    intensive: facts(digest.intensiveByIfk, (r) => `${r.count} von ${r.quota} (${QUOTA[r.state]})`, (r) => staffName(ctx, r.staffId)),
    sofo: digest.sofortvermittlung !== undefined,
    sofoFacts: digest.sofortvermittlung ? sofortvermittlungFacts(digest.sofortvermittlung.week, digest.sofortvermittlung.today) : [],
    voluntary: digest.voluntary !== undefined,
    voluntaryFacts: (digest.voluntary ?? []).map((v) => ({ title: APPROACH_LABEL[v.approach], value: `${v.held} Gespräche · ${v.anonymous} anonym` }))
  });
}
