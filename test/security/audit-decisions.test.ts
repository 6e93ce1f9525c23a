import { completeTask } from '../../src/app/complete-task.js';
import { flagCustomer } from '../../src/app/flag-customer.js';
import { recordVisitResult } from '../../src/app/record-visit-result.js';
import type { AuditEntry, AuditLog } from '../../src/audit/audit-log.js';
import { actionOf, botHarness, cardOf } from '../support/bot-harness.js';
import { attempt, fullAttempts, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';

const KDNR = '123D456789';
const REASON = 'Reagiert seit drei Monaten nicht.';
type Deps = Awaited<ReturnType<typeof testDeps>>;

const lines = async (deps: Deps, action: string) =>
  (await deps.audit.read()).filter((e) => e.action === action).map((e) => [e.actor, e.kdnr ?? null, e.outcome, e.reason ?? null]);

/** The HB's result task after an AB visit: a task that is closed with "erledigt". */
async function resultTask(deps: Deps) {
  await givenCustomer(deps, { attempts: fullAttempts() });
  const f = await flagCustomer(deps, STAFF.anna, { kdnr: KDNR, reason: REASON, invitationInMailbox: true });
  const v = await recordVisitResult(deps, STAFF.murat, { kdnr: KDNR }, { outcome: 'angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-11-30' });
  if (!f.ok || !v.ok) throw new Error('arrange');
  return v.tasks[0]!;
}

describe('the audit log says what happened: one line per decision', () => {
  it('opening the flag form is a read; the flag is one ok; a double click is not a second ok', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    const form = cardOf((await bot.say(STAFF.anna, `/vormerken ${KDNR}`))[0]);
    const submit = { ...actionOf(form, 'vormerken.absenden'), reason: REASON, postfach: 'true' };
    await bot.click(STAFF.anna, 'vormerken.absenden', submit);
    await bot.click(STAFF.anna, 'vormerken.absenden', submit);

    expect(await lines(deps, 'vormerken')).toEqual([
      [STAFF.anna, KDNR, 'ok', null],
      [STAFF.anna, KDNR, 'abgelehnt', 'bereits-vorgemerkt']
    ]);
    // Opening the form, and the form shown again with the refusal, are reads of the customer.
    expect(await lines(deps, 'vormerken.formular')).toEqual([
      [STAFF.anna, KDNR, 'ok', null],
      [STAFF.anna, KDNR, 'ok', null]
    ]);
    expect(await deps.store.casesOfCustomer(KDNR)).toHaveLength(1);
  });

  it('a refusal is one line with its reason code; a malformed Kundennummer too, without one', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: fullAttempts().slice(0, 5) });
    const bot = botHarness(deps);
    await bot.say(STAFF.sabine, `/kunde ${KDNR}`); // reception has no right to read a case
    await bot.say(STAFF.anna, `/vormerken ${KDNR} postfach ${REASON}`); // the second call is missing
    await bot.say(STAFF.anna, '/kunde 12345');
    expect(await lines(deps, 'kunde.lesen')).toEqual([
      [STAFF.sabine, KDNR, 'abgelehnt', 'rolle-fehlt'],
      [STAFF.anna, null, 'abgelehnt', 'kdnr-format']
    ]);
    expect(await lines(deps, 'vormerken')).toEqual([[STAFF.anna, KDNR, 'abgelehnt', 'voraussetzungen-fehlen']]);
  });

  it('a stale card (the record changed since it was shown) is a konflikt, and nothing changes', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: [attempt('anruf', '2026-11-02 09:00')] });
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, `/kunde ${KDNR}`))[0]);
    const letter = actionOf(card, 'versuch.absenden');
    await bot.click(STAFF.anna, 'versuch.absenden', { ...letter, kind: 'einladung', date: '2026-11-20' });
    const before = (await deps.store.getCustomer(KDNR))!.attempts.length;
    await bot.click(STAFF.anna, 'versuch.absenden', { ...letter, kind: 'einladung', date: '2026-11-20' }); // the same card again
    expect((await deps.store.getCustomer(KDNR))!.attempts).toHaveLength(before);
    expect(await lines(deps, 'versuch.erfassen')).toEqual([
      [STAFF.anna, KDNR, 'ok', null],
      [STAFF.anna, KDNR, 'konflikt', 'veraltet']
    ]);
  });

  it('two clicks that arrive together: one ok, one konflikt, one change', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    const task = await resultTask(deps);
    const [a, b] = await Promise.all([completeTask(deps, STAFF.anna, task.id, task.version), completeTask(deps, STAFF.anna, task.id, task.version)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect((await lines(deps, 'aufgabe.erledigen')).map(([, , outcome]) => outcome).sort()).toEqual(['konflikt', 'ok']);
    expect((await deps.store.getTask(task.id))!.version).toBe(task.version + 1);
  });

  it('the ok line is durable before the change it records, and without it nothing is written', async () => {
    const deps = await testDeps();
    await givenCustomer(deps, { attempts: fullAttempts() });
    const seen: Array<[string, AuditEntry['outcome'], number]> = [];
    const log = deps.audit;
    const watching: AuditLog = {
      ...log,
      record: async (entry) => {
        // What the store holds at the moment the line is written.
        seen.push([entry.action, entry.outcome, (await deps.store.casesOfCustomer(KDNR)).length]);
        return log.record(entry);
      }
    };
    const r = await flagCustomer({ ...deps, audit: watching }, STAFF.anna, { kdnr: KDNR, reason: REASON, invitationInMailbox: true });
    expect(r.ok).toBe(true);
    expect(seen).toEqual([['vormerken', 'ok', 0]]);

    const other = await testDeps();
    await givenCustomer(other, { attempts: fullAttempts() });
    const before = await snapshot(other.store, other.dataDir);
    const reopened = await testDepsOn(other);
    const failing: AuditLog = { ...reopened.audit, record: async () => Promise.reject(new Error('Datenträger voll')) };
    await expect(flagCustomer({ ...reopened, audit: failing }, STAFF.anna, { kdnr: KDNR, reason: REASON, invitationInMailbox: true })).rejects.toThrow('Datenträger voll');
    expect(await snapshot(reopened.store, reopened.dataDir)).toEqual(before);
  });
});

/** The same data folder opened again (the snapshot closed the first store). */
async function testDepsOn(deps: Deps): Promise<Deps> {
  const { LowdbStore } = await import('../../src/store/lowdb-store.js');
  return { ...deps, store: await LowdbStore.open(deps.dataDir) };
}
