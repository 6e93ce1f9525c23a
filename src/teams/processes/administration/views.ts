import type { Digest } from '../../../app/weekly-digest.js';
import { renderCard, type AdaptiveCardJson } from '../../cards.js';
import { weekDe } from '../../format.js';
import { staffName, teamName, type ViewContext } from '../../view-context.js';
import { sofortvermittlungFacts } from '../sofortvermittlung/views.js';
import { APPROACH_LABEL } from '../voluntary-outreach/texts.js';

const QUOTA: Record<string, string> = { unter: 'unter Soll', erfuellt: 'erfüllt', ueber: 'über Soll' };

/**
 * The team's weekly digest: counts and staff names only, never a Kundennummer. Every section is a table of the same
 * two columns, so the numbers line up from one section to the next.
 */
export function digestCard(ctx: ViewContext, digest: Digest): AdaptiveCardJson {
  const rows = <T,>(list: readonly T[], title: (r: T) => string, value: (r: T) => string) => (list.length ? list.map((r) => ({ title: title(r), value: value(r) })) : [{ title: 'keine IFK im Team', value: '–' }]);
  const sections = [
    { title: 'Aufsuchende Beratung', rows: [{ title: 'Vormerkungen', value: String(digest.flags) }, { title: 'Besuche: angetroffen', value: String(digest.visitsMet) }, { title: 'Besuche: nicht angetroffen', value: String(digest.visitsNotMet) }] },
    { title: 'Taggleiche Rückrufe', rows: [{ title: 'gebucht', value: String(digest.callbacksBooked) }, { title: 'übernommen', value: String(digest.callbacksClaimed) }, { title: 'eskaliert', value: String(digest.callbacksEscalated) }] },
    { title: 'Überfällige Kontakte (Kontaktdichte)', rows: rows(digest.overdueByIfk, (r) => staffName(ctx, r.staffId), (r) => String(r.overdue)) },
    { title: 'Intensivkunden (Soll: 3, Teilzeit 2)', rows: rows(digest.intensiveByIfk, (r) => staffName(ctx, r.staffId), (r) => `${r.count} von ${r.quota} (${QUOTA[r.state]})`) },
    ...(digest.sofortvermittlung ? [{ title: 'Sofortvermittlung (Woche · heute)', rows: sofortvermittlungFacts(digest.sofortvermittlung.week, digest.sofortvermittlung.today) }] : []),
    ...(digest.voluntary ? [{ title: 'Freiwillige aufsuchende Beratung (Woche; anonyme Beratungen nur gezählt)', rows: digest.voluntary.map((v) => ({ title: APPROACH_LABEL[v.approach], value: `${v.held} ${v.held === 1 ? 'Gespräch' : 'Gespräche'} · ${v.anonymous} anonym` })) }] : [])
  ];
  return renderCard('digest', { week: weekDe(digest.week), team: teamName(ctx, digest.teamId), sections });
}
