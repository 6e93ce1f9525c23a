import { authorize, RECORD_BOUND, ROLES_FOR, type Action } from '../../src/domain/authorization.js';
import { findStaff, type StaffMember } from '../../src/domain/staff.js';
import type { Task } from '../../src/domain/task.js';
import { loadDirectory } from '../../src/config/directory.js';
import { aCustomer, DEMO_DIRECTORY, demoPolicy, STAFF } from '../support/fixtures.js';

const directory = loadDirectory(DEMO_DIRECTORY, demoPolicy().districts.map((d) => d.id));
const who = (id: string) => findStaff(directory, id) as StaffMember;
const customer = aCustomer({ hbId: STAFF.anna });
const task: Task = { id: 't1', kind: 'ab-ergebnis', kdnr: customer.kdnr, caseId: 'c1', assigneeIds: [STAFF.anna], createdAt: '', status: 'offen', version: 1 };

describe('authorisation: role and relation to the customer or task', () => {
  it.each([
    ['the HB', STAFF.anna, true],
    ['an IFK of the HB team', STAFF.jonas, true],
    ['the TL of the HB team', STAFF.petra, true],
    ['AB staff', STAFF.murat, true],
    ['reception (EZ)', STAFF.sabine, false],
    ['the benefits clerk (LSB)', STAFF.thomas, false],
    ['IT (ADMIN)', STAFF.ida, false]
  ])('/kunde may be read by %s: %p', (_label, id, allowed) => {
    expect(authorize(directory, who(id), 'kunde.lesen', { customer }).ok).toBe(allowed);
  });

  it('refuses an IFK of another team reading the customer', () => {
    const otherTeamsCustomer = aCustomer({ hbId: STAFF.murat }); // HB in team-ab
    expect(authorize(directory, who(STAFF.anna), 'kunde.lesen', { customer: otherTeamsCustomer })).toEqual({ ok: false, reason: 'nicht-zustaendig' });
  });

  it('lets only IFK flag, and only for a customer of their team', () => {
    expect(authorize(directory, who(STAFF.anna), 'vormerken', { customer }).ok).toBe(true);
    expect(authorize(directory, who(STAFF.murat), 'vormerken', { customer })).toEqual({ ok: false, reason: 'rolle-fehlt' });
    expect(authorize(directory, who(STAFF.petra), 'vormerken', { customer })).toEqual({ ok: false, reason: 'rolle-fehlt' });
    expect(authorize(directory, who(STAFF.anna), 'vormerken', { customer: aCustomer({ hbId: STAFF.lena }) })).toEqual({ ok: false, reason: 'nicht-zustaendig' });
  });

  it('lets only AB record visit results and read the week plan', () => {
    expect(authorize(directory, who(STAFF.murat), 'ergebnis.erfassen').ok).toBe(true);
    expect(authorize(directory, who(STAFF.anna), 'ergebnis.erfassen')).toEqual({ ok: false, reason: 'rolle-fehlt' });
    expect(authorize(directory, who(STAFF.anna), 'ab-plan.lesen')).toEqual({ ok: false, reason: 'rolle-fehlt' });
  });

  it('lets only an assignee complete a task', () => {
    expect(authorize(directory, who(STAFF.anna), 'aufgabe.erledigen', { task }).ok).toBe(true);
    expect(authorize(directory, who(STAFF.jonas), 'aufgabe.erledigen', { task })).toEqual({ ok: false, reason: 'nicht-ihre-aufgabe' });
    expect(authorize(directory, who(STAFF.petra), 'aufgabe.erledigen', { task })).toEqual({ ok: false, reason: 'nicht-ihre-aufgabe' });
  });

  it.each(Object.keys(RECORD_BOUND) as Action[])('refuses %s without its record, even to every role that may use it (deny by default)', (action) => {
    const holders = directory.staff.filter((s) => ROLES_FOR[action] === 'alle' || (ROLES_FOR[action] as readonly string[]).some((r) => s.roles.includes(r as never)));
    expect(holders.length).toBeGreaterThan(0);
    for (const actor of holders) expect(authorize(directory, actor, action, {}).ok).toBe(false);
  });

  it('refuses a callback claim when the callback team is not known', () => {
    const callback: Task = { ...task, kind: 'rueckruf', assigneeIds: [] };
    expect(authorize(directory, who(STAFF.anna), 'aufgabe.uebernehmen', { task: callback }).ok).toBe(false);
    expect(authorize(directory, who(STAFF.anna), 'aufgabe.uebernehmen', { task: callback, team: 'team-521' }).ok).toBe(true);
  });
});
