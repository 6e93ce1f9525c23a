import { customerStatus } from '../../src/app/customer-status.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { eraseCustomer, exportCustomer } from '../../src/app/data-subject.js';
import { projectRoot } from '../../src/project-root.js';
import { flagCustomer } from '../../src/app/flag-customer.js';
import { recordVisitResult } from '../../src/app/record-visit-result.js';
import { completeTask } from '../../src/app/complete-task.js';
import { answerAttendance, askAttendance } from '../../src/app/attendance.js';
import { applyRetention } from '../../src/app/retention.js';
import { withdrawFlag } from '../../src/app/withdraw-flag.js';
import { at, fullAttempts, givenCustomer, STAFF, tempDir, testDeps } from '../support/fixtures.js';

type Deps = Awaited<ReturnType<typeof testDeps>>;

async function closedCase(deps: Deps) {
  await givenCustomer(deps, { attempts: fullAttempts() });
  const f = await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: 'Reagiert nicht.', invitationInMailbox: true });
  const v = await recordVisitResult(deps, STAFF.murat, { kdnr: '123D456789' }, { outcome: 'angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-11-20' });
  if (!f.ok || !v.ok) throw new Error('arrange');
  await completeTask(deps, STAFF.anna, v.tasks[0]!.id, 1);
  deps.clock.set(at('2026-11-23 08:15'));
  await askAttendance(deps);
  const [question] = await deps.store.openTasksOf(STAFF.anna);
  await answerAttendance(deps, STAFF.anna, question!.id, 1, 'ja');
  return f.outreach;
}

describe('audit log (SDM Baustein 43)', () => {
  it('records reads and changes with who, when, what, which Kundennummer and component — and refusals', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    await closedCase(deps);
    await customerStatus(deps, STAFF.petra, '123D456789');
    await customerStatus(deps, STAFF.sabine, '123D456789');
    const log = await deps.audit.read();
    expect(log.map((e) => [e.actor, e.action, e.kdnr ?? null, e.outcome])).toEqual(
      expect.arrayContaining([
        [STAFF.anna, 'vormerken', '123D456789', 'ok'],
        [STAFF.murat, 'ergebnis.erfassen', '123D456789', 'ok'],
        [STAFF.anna, 'aufgabe.erledigen', '123D456789', 'ok'],
        [STAFF.anna, 'erschienen.antwort', '123D456789', 'ok'],
        [STAFF.petra, 'kunde.lesen', '123D456789', 'ok']
      ])
    );
    expect(log.every((e) => e.component === 'teams' && /^\d{4}-\d{2}-\d{2}T/.test(e.ts))).toBe(true);
    // Reception may not read the case; the refused attempt is logged too.
    expect(log.map((e) => [e.actor, e.action, e.kdnr, e.outcome])).toContainEqual([STAFF.sabine, 'kunde.lesen', '123D456789', 'abgelehnt']);
    expect(JSON.stringify(log)).not.toContain('Reagiert nicht'); // no content, only facts
  });
});

describe('retention (the Jobcenter\'s deletion concept)', () => {
  it('deletes a closed case with its tasks and notifications after the configured days, audited; open ones stay', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    const outreach = await closedCase(deps);
    await givenCustomer(deps, { kdnr: '200B000002', attempts: fullAttempts() });
    await flagCustomer(deps, STAFF.anna, { kdnr: '200B000002', reason: 'Offen.', invitationInMailbox: true });

    const closedTaskIds = new Set((await deps.store.tasksOfCustomer('123D456789')).map((t) => t.id));
    deps.clock.set(at('2027-05-01 06:00')); // 159 days later: not yet
    expect(await applyRetention(deps)).toBe(0);
    deps.clock.set(at('2027-05-25 06:00')); // more than 180 days after it closed
    expect(await applyRetention(deps)).toBe(1);
    expect(await deps.store.getCase(outreach.id)).toBeUndefined();
    expect(await deps.store.tasksOfCustomer('123D456789')).toEqual([]);
    expect((await deps.store.allNotifications()).some((n) => n.subject.kind === 'task' && closedTaskIds.has(n.subject.taskId))).toBe(false);
    expect(await deps.store.allNotifications()).toHaveLength(1); // the open case's AB task card stays
    expect(await deps.store.casesOfCustomer('200B000002')).toHaveLength(1);
    expect((await deps.audit.read()).filter((e) => e.action === 'loeschung.frist').map((e) => e.kdnr)).toEqual(['123D456789']);
  });

  it('deletes a flag that was taken back the same way, counted from its withdrawal', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    await givenCustomer(deps, { kdnr: '200B000003', attempts: fullAttempts() });
    const flagged = await flagCustomer(deps, STAFF.anna, { kdnr: '200B000003', reason: 'Versehen.', invitationInMailbox: true });
    if (!flagged.ok) throw new Error(flagged.reason);
    expect((await withdrawFlag(deps, STAFF.anna, { kdnr: '200B000003', reason: 'falscher Kunde' })).ok).toBe(true);
    deps.clock.set(at('2027-05-01 06:00'));
    expect(await applyRetention(deps)).toBe(0);
    deps.clock.set(at('2027-05-25 06:00'));
    expect(await applyRetention(deps)).toBe(1);
    expect(await deps.store.casesOfCustomer('200B000003')).toEqual([]);
    expect(await deps.store.tasksOfCustomer('200B000003')).toEqual([]);
  });
});

describe('data-subject requests', () => {
  it('exports everything stored about a customer, including who accessed it', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    await closedCase(deps);
    const r = await exportCustomer(deps, '123d456789', 'Ida Neumann');
    if (!r.ok) throw new Error(r.reason);
    expect(r.customer).toMatchObject({ kdnr: '123D456789' });
    expect((r.customer as { attempts?: unknown[] }).attempts?.length).toBeGreaterThan(0);
    expect(r.outreachCases).toHaveLength(1);
    expect(r.tasks.length).toBeGreaterThanOrEqual(3);
    expect(r.notifications.length).toBeGreaterThanOrEqual(2);
    expect(r.audit.map((e) => e.action)).toEqual(expect.arrayContaining(['vormerken', 'ergebnis.erfassen']));
    expect(await exportCustomer(deps, '999Z999999', 'Ida Neumann')).toMatchObject({ ok: false, reason: 'kunde-unbekannt' });
  });

  it('erases the customer everywhere and audits the erasure', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    await closedCase(deps);
    const r = await eraseCustomer(deps, '123D456789', 'Ida Neumann');
    expect(r).toMatchObject({ ok: true, kdnr: '123D456789' });
    expect(await deps.store.getCustomer('123D456789')).toBeUndefined();
    expect(await deps.store.casesOfCustomer('123D456789')).toEqual([]);
    expect(await deps.store.tasksOfCustomer('123D456789')).toEqual([]);
    expect(await deps.store.allNotifications()).toEqual([]);
    expect(await deps.store.allDeliveries()).toEqual([]);
    const files = JSON.stringify(await Promise.all([deps.store.allCases(), deps.store.allMissedCases(), deps.store.allTasks()]));
    expect(files).not.toContain('123D456789');
    expect((await deps.audit.read()).at(-1)).toMatchObject({ action: 'loeschung.antrag', kdnr: '123D456789', actor: 'Ida Neumann' });
  });
});

describe('npm run erase on the command line', () => {
  const erase = (...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'data-subject.js'), 'erase', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: tempDir() } });

  it('refuses without the name of the person who erases', () => {
    const r = erase('123D456789');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--von <Name oder UPN>');
  });

  it('erases nothing without a confirmation (no terminal to ask, no --ja)', () => {
    const r = erase('123D456789', '--von', 'Ida Neumann');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Nicht gelöscht: Die Löschung wurde nicht bestätigt (ohne Rückfrage nur mit --ja).\n');
  });
});

