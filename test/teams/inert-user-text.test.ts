import type { WeekPlan } from '../../src/app/week-plan.js';
import { loadDirectory } from '../../src/config/directory.js';
import type { OutreachCase } from '../../src/domain/outreach-case.js';
import type { Task } from '../../src/domain/task.js';
import { plainText } from '../../src/teams/plain-text.js';
import { abPlanCard } from '../../src/teams/processes/ab-flagging/views.js';
import { taskCard } from '../../src/teams/task-card.js';
import { viewContextAt } from '../../src/teams/view-context.js';
import { cardText } from '../support/bot-harness.js';
import { DEMO_DIRECTORY, demoPolicy, STAFF } from '../support/fixtures.js';

const HOSTILE = '[hier](http://evil.example) **fett** _kursiv_ <b>x</b> &lt;script&gt; www.evil.example\nzweite\u0007Zeile';
const INERT =
  '\\[hier\\](http:/\u2060/evil.example) \\*\\*fett\\*\\* \\_kursiv\\_ \\<b\\>x\\</b\\> \\&lt;script\\&gt; www\u2060.evil.example zweite Zeile';

const policy = demoPolicy();
const ctx = viewContextAt(loadDirectory(DEMO_DIRECTORY, policy.districts.map((d) => d.id)), policy, new Date('2026-11-24T09:00:00Z'));
const outreach: OutreachCase = {
  id: 'case-1', approach: 'ab-besuch', kdnr: '123D456789', district: 'nord', hbId: STAFF.anna, flaggedBy: STAFF.anna,
  flaggedAt: '2026-11-24T09:00:00.000Z', targetWeek: '2026-W48', reason: HOSTILE, invitationInMailbox: true, status: 'vorgemerkt', version: 1
};
const task: Task = { id: 'task-1', kind: 'ab-besuch', kdnr: '123D456789', caseId: 'case-1', assigneeIds: [STAFF.murat], createdAt: '2026-11-24T09:00:00.000Z', status: 'offen', version: 1 };

describe('text a user typed is inert on every card that shows it (read models built without a store)', () => {
  it('escapes markdown, HTML, entities and URLs and turns control characters into spaces', () => {
    expect(plainText(HOSTILE)).toBe(INERT);
    expect(plainText('- Liste')).toBe('\\- Liste');
    expect(plainText('1. Punkt')).toBe('1\\. Punkt');
    expect(plainText('Kunde reagiert seit drei Monaten nicht.')).toBe('Kunde reagiert seit drei Monaten nicht.');
  });

  it('shows the flag reason inert on the AB task card', () => {
    const card = taskCard(ctx, { kind: 'outreach', task, outreach, group: 'marktfern' }, STAFF.murat).json;
    expect(cardText(card)).toContain(`Begründung: ${INERT}`);
    expect(JSON.stringify(card)).not.toContain('](http://');
  });

  it('shows the flag reason inert on the AB week plan', () => {
    const plan: WeekPlan = {
      ok: true, week: { year: 2026, week: 48 }, groups: new Map([['123D456789', 'marktfern']]),
      districts: [{ districtId: 'nord', districtName: 'Nord', own: true, cases: [outreach] }]
    };
    const card = abPlanCard(ctx, plan);
    expect(cardText(card)).toContain(INERT);
    expect(JSON.stringify(card)).not.toContain('](http://');
  });
});
