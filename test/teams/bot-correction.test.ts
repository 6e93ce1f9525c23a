import { flagCustomer } from '../../src/app/flag-customer.js';
import { recordVisitResult } from '../../src/app/record-visit-result.js';
import { actionOf, botHarness, cardOf, cardText } from '../support/bot-harness.js';
import { attempt, fullAttempts, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';

const KDNR = '123D456789';
const REASON = 'Kunde reagiert seit drei Monaten nicht.';
type Deps = Awaited<ReturnType<typeof testDeps>>;

const auditLines = async (deps: Deps, action: string) =>
  (await deps.audit.read()).filter((e) => e.action === action).map((e) => [e.actor, e.kdnr ?? null, e.outcome, e.reason ?? null]);

describe('/korrektur versuch: the IFK takes back a contact attempt recorded by mistake', () => {
  it('a withdrawn call no longer counts for the AB prerequisites, stays stored as withdrawn, and the audit names who withdrew it', async () => {
    const deps = await testDeps('2026-11-24 10:00'); // Tuesday
    await givenCustomer(deps, { attempts: fullAttempts().slice(0, 5) });
    const bot = botHarness(deps);
    await bot.say(STAFF.anna, `/versuch ${KDNR} anruf 23.11.2026 15:30`);
    expect(cardText(cardOf((await bot.say(STAFF.anna, `/kunde ${KDNR}`))[0]))).toContain('AB-Voraussetzungen\nerfüllt');

    const [reply] = await bot.say(STAFF.anna, `/korrektur versuch ${KDNR} falscher Kunde angerufen`);
    expect(reply?.text).toBe(
      'Anrufversuch für Kunde 123D456789 vom 23.11.2026, 15:30 Uhr ist zurückgenommen. Der Eintrag bleibt mit Ihrer Begründung vermerkt, zählt aber nicht mehr für die AB-Voraussetzungen.'
    );
    expect(cardText(cardOf((await bot.say(STAFF.anna, `/kunde ${KDNR}`))[0]))).toContain('AB-Voraussetzungen\n1 offen');
    const flagForm = cardOf((await bot.say(STAFF.anna, `/vormerken ${KDNR}`))[0]);
    expect(() => actionOf(flagForm, 'vormerken.absenden')).toThrow();

    const stored = (await deps.store.getCustomer(KDNR))!.attempts.at(-1)!;
    expect(stored).toMatchObject({ kind: 'anruf', recordedBy: STAFF.anna, withdrawn: { by: STAFF.anna, reason: 'falscher Kunde angerufen', at: '2026-11-24T09:00:00.000Z' } });
    expect(await auditLines(deps, 'korrektur.versuch')).toEqual([[STAFF.anna, KDNR, 'ok', null]]);
  });

  it('is possible on the next working day (Friday → Monday) but not after it, and needs a reason', async () => {
    const deps = await testDeps('2026-11-27 11:00'); // Friday
    await givenCustomer(deps, { attempts: fullAttempts().slice(0, 4) });
    const bot = botHarness(deps);
    await bot.say(STAFF.anna, `/versuch ${KDNR} anruf 27.11.2026 09:00`);
    deps.clock.set('2026-11-30T08:00:00Z'); // Monday
    expect((await bot.say(STAFF.anna, `/korrektur versuch ${KDNR}`))[0]?.text).toBe('Bitte geben Sie kurz an, warum Sie den Eintrag zurücknehmen. Es wurde nichts geändert.');
    deps.clock.set('2026-12-01T08:00:00Z'); // Tuesday: too late
    const before = await snapshot(deps.store, deps.dataDir);
    expect((await bot.say(STAFF.anna, `/korrektur versuch ${KDNR} Tippfehler`))[0]?.text).toBe(
      'Ein Eintrag kann nur am Tag der Erfassung oder am folgenden Arbeitstag zurückgenommen werden; diese Frist ist abgelaufen. Bitte wenden Sie sich an Ihre Teamleitung. Es wurde nichts geändert.'
    );
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
    deps.clock.set('2026-11-30T08:00:00Z');
    expect((await bot.say(STAFF.anna, `/korrektur versuch ${KDNR} Tippfehler`))[0]?.text).toContain('ist zurückgenommen');
  });

  it('only the person who recorded it may withdraw it; a colleague of the team is refused and nothing changes', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: [attempt('einladung', '2026-11-24 09:00')] });
    const bot = botHarness(deps);
    const before = await snapshot(deps.store, deps.dataDir);
    // The fixture's attempt was recorded by Anna; Jonas (IFK, same team) has recorded nothing for this customer.
    expect((await bot.say(STAFF.jonas, `/korrektur versuch ${KDNR} Versehen`))[0]?.text).toBe(
      'Zu diesem Kunden gibt es keinen solchen Eintrag von Ihnen, den Sie zurücknehmen können. Es wurde nichts geändert.'
    );
    expect((await bot.say(STAFF.murat, `/korrektur versuch ${KDNR} Versehen`))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
    expect((await bot.say(STAFF.anna, '/korrektur'))[0]?.text).toContain('/korrektur versuch|kontakt|vormerkung KDNR BEGRÜNDUNG…');
  });
});

describe('an attempt dated before the step it answers is refused with the reason', () => {
  it('a no-show before any invitation is not stored', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: [attempt('einladung', '2026-11-10 10:00')] });
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, `/versuch ${KDNR} nicht-erschienen 05.11.2026`))[0]?.text).toBe(
      'Ein Nichterscheinen folgt auf eine Einladung: Für diesen Kunden ist vor diesem Zeitpunkt keine Einladung erfasst. Bitte erfassen Sie zuerst die Einladung (mit ihrem Datum). Es wurde nichts gespeichert.'
    );
    expect((await deps.store.getCustomer(KDNR))?.attempts).toHaveLength(1);
    expect((await bot.say(STAFF.anna, `/versuch ${KDNR} nicht-erschienen 17.11.2026`))[0]?.text).toBe('Nicht erschienen für Kunde 123D456789 am 17.11.2026 erfasst.');
  });
});

describe('/korrektur vormerkung: the IFK takes back a flag until the AB has recorded a result', () => {
  it('closes the AB task, redraws its card without "Ergebnis erfassen", and the week plan no longer lists it', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    await bot.say(STAFF.anna, `/vormerken ${KDNR} postfach ${REASON}`);
    const [task] = await deps.store.tasksOfCustomer(KDNR);
    expect(cardText(cardOf((await bot.say(STAFF.murat, '/ab-plan'))[0]))).toContain('Kunde 123D456789');

    const [reply] = await bot.say(STAFF.anna, `/korrektur vormerkung ${KDNR} Kunde hat sich gemeldet`);
    expect(reply?.text).toBe('Die Vormerkung für Kunde 123D456789 in KW 49/2026 (30.11.–04.12.) ist zurückgenommen. Die Aufgabe der AB ist geschlossen, der Wochenplan führt den Kunden nicht mehr.');
    const [outreach] = await deps.store.casesOfCustomer(KDNR);
    expect(outreach).toMatchObject({ status: 'zurueckgenommen', withdrawn: { by: STAFF.anna, reason: 'Kunde hat sich gemeldet' } });
    expect((await deps.store.getTask(task!.id))?.status).toBe('erledigt');
    const redraws = (await deps.store.allNotifications()).filter((n) => n.updateOf && n.subject.kind === 'task' && n.subject.taskId === task!.id);
    expect(redraws.length).toBeGreaterThan(0);
    expect((await bot.say(STAFF.murat, '/ab-plan'))[0]?.text).toContain('niemand');
    expect((await bot.click(STAFF.murat, 'ergebnis.formular', { caseId: outreach!.id, version: 1 })).value).toBe(
      'Diese Vormerkung hat die IFK zurückgenommen; ein Besuch ist nicht nötig. Es wurde nichts geändert.'
    );
    expect(cardText(cardOf((await bot.say(STAFF.anna, `/kunde ${KDNR}`))[0]))).toContain('Vormerkung für KW 49/2026 (30.11.–04.12.) zurückgenommen');
    expect(await auditLines(deps, 'korrektur.vormerkung')).toEqual([[STAFF.anna, KDNR, 'ok', null]]);
    // The customer can be flagged again.
    expect((await bot.say(STAFF.anna, `/vormerken ${KDNR} postfach ${REASON}`))[0]?.text).toContain('ist für die Aufsuchende Beratung in KW 49/2026 (30.11.–04.12.) vorgemerkt');
  });

  it('is refused once the AB has recorded the result', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const f = await flagCustomer(deps, STAFF.anna, { kdnr: KDNR, reason: REASON, invitationInMailbox: true });
    const v = await recordVisitResult(deps, STAFF.murat, { kdnr: KDNR }, { outcome: 'angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-11-30' });
    if (!f.ok || !v.ok) throw new Error('arrange');
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, `/korrektur vormerkung ${KDNR} Versehen`))[0]?.text).toBe('Für diese Vormerkung wurde das Ergebnis bereits erfasst. Es wurde nichts geändert.');
    expect((await deps.store.casesOfCustomer(KDNR))[0]?.status).toBe('besucht');
  });
});

describe('two open flags for one customer and week are impossible', () => {
  it('of two flags submitted at the same moment, one lands and the other is told the week; one AB task', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const input = { kdnr: KDNR, reason: REASON, invitationInMailbox: true };
    const [a, b] = await Promise.all([flagCustomer(deps, STAFF.anna, input), flagCustomer(deps, STAFF.jonas, input)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect((a.ok ? b : a) as unknown).toMatchObject({ ok: false, reason: 'bereits-vorgemerkt', weekKey: '2026-W49' });
    expect(await deps.store.casesOfCustomer(KDNR)).toHaveLength(1);
    expect((await deps.store.tasksOfCustomer(KDNR)).filter((t) => t.kind === 'ab-besuch')).toHaveLength(1);
  });
});

describe('a second flag shortly after a visit shows that visit and asks for confirmation', () => {
  it('the flag card shows the visit result; without the confirmation nothing is stored, with it the flag lands', async () => {
    const deps = await testDeps('2026-11-17 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const f = await flagCustomer(deps, STAFF.anna, { kdnr: KDNR, reason: REASON, invitationInMailbox: true });
    deps.clock.set('2026-11-24T09:00:00Z'); // Tuesday of the target week
    const v = await recordVisitResult(deps, STAFF.murat, { kdnr: KDNR }, { outcome: 'nicht-angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-12-01' });
    if (!f.ok || !v.ok) throw new Error('arrange');
    deps.clock.set('2026-11-26T09:00:00Z');
    const bot = botHarness(deps);

    expect((await bot.say(STAFF.anna, `/vormerken ${KDNR} postfach ${REASON}`))[0]?.text).toContain('Die AB hat diesen Kunden vor Kurzem besucht');
    const form = cardOf((await bot.say(STAFF.anna, `/vormerken ${KDNR}`))[0]);
    expect(cardText(form)).toContain('Die AB (Murat Yılmaz) hat den Kunden am 24.11.2026, 10:00 Uhr besucht: nicht angetroffen, Termin laut Einladung 01.12.2026.');
    const submit = { ...actionOf(form, 'vormerken.absenden'), reason: REASON, postfach: 'true' };
    const refused = await bot.click(STAFF.anna, 'vormerken.absenden', { ...submit, trotzdem: 'false' });
    expect(cardText(refused.value)).toContain('Wenn Sie ihn trotzdem erneut vormerken möchten');
    expect(await deps.store.casesOfCustomer(KDNR)).toHaveLength(1);
    const done = await bot.click(STAFF.anna, 'vormerken.absenden', { ...submit, trotzdem: 'true' });
    expect(cardText(done.value)).toContain('ist für die Aufsuchende Beratung in KW 49/2026 (30.11.–04.12.) vorgemerkt');
    expect(await deps.store.casesOfCustomer(KDNR)).toHaveLength(2);
  });
});

describe('/korrektur kontakt: a contact recorded by mistake', () => {
  it('no longer counts for the contact density; the next due date goes back; the audit names who withdrew it', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'marktnah', lastContactImported: '2026-10-01' });
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, `/kontakt ${KDNR} persönlich 23.11.2026`))[0]?.text).toContain('Nächster Kontakt fällig: Fr. 22.01.2027.');
    const [reply] = await bot.say(STAFF.anna, `/korrektur kontakt ${KDNR} war ein anderer Kunde`);
    expect(reply?.text).toMatch(/^Der Kontakt für Kunde 123D456789 vom 23\.11\.2026 ist zurückgenommen und zählt nicht mehr für die Kontaktdichte\. Nächster Kontakt fällig: .*\.$/);
    expect(reply?.text).not.toContain('22.01.2027');
    expect((await deps.store.getCustomer(KDNR))?.contacts).toEqual([
      expect.objectContaining({ kind: 'persoenlich', date: '2026-11-23', recordedBy: STAFF.anna, withdrawn: expect.objectContaining({ by: STAFF.anna, reason: 'war ein anderer Kunde' }) })
    ]);
    expect(await auditLines(deps, 'korrektur.kontakt')).toEqual([[STAFF.anna, KDNR, 'ok', null]]);
  });
});

describe('"Vormerkung zurücknehmen" on the confirmation card', () => {
  it('a flag confirmed on the card can be taken back from it; without a reason the card comes back with the error', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    const form = cardOf((await bot.say(STAFF.anna, `/vormerken ${KDNR}`))[0]);
    const done = await bot.click(STAFF.anna, 'vormerken.absenden', { ...actionOf(form, 'vormerken.absenden'), reason: REASON, postfach: 'true' });
    expect(cardText(done.value)).toContain('Vormerkung zurücknehmen');
    const withdraw = actionOf(done.value, 'korrektur.vormerkung');

    const noReason = await bot.click(STAFF.anna, 'korrektur.vormerkung', { ...withdraw, korrekturGrund: '' });
    expect(cardText(noReason.value)).toContain('Bitte geben Sie kurz an, warum Sie den Eintrag zurücknehmen. Es wurde nichts geändert.');
    expect((await deps.store.casesOfCustomer(KDNR))[0]?.status).toBe('vorgemerkt');

    const back = await bot.click(STAFF.anna, 'korrektur.vormerkung', { ...withdraw, korrekturGrund: 'falscher Kunde' });
    expect(cardText(back.value)).toContain('Die Vormerkung für Kunde 123D456789 in KW 49/2026 (30.11.–04.12.) ist zurückgenommen.');
    expect(() => actionOf(back.value, 'korrektur.vormerkung')).toThrow();
    expect((await deps.store.casesOfCustomer(KDNR))[0]).toMatchObject({ status: 'zurueckgenommen', withdrawn: { by: STAFF.anna, reason: 'falscher Kunde' } });
    // A colleague forging the click withdraws nothing of Anna's.
    const forged = await bot.click(STAFF.jonas, 'korrektur.vormerkung', { ...withdraw, korrekturGrund: 'x' });
    expect(cardText(forged.value)).toContain('Zu diesem Kunden gibt es keinen solchen Eintrag von Ihnen, den Sie zurücknehmen können. Es wurde nichts geändert.');
    expect(await auditLines(deps, 'korrektur.vormerkung')).toEqual([
      [STAFF.anna, KDNR, 'abgelehnt', 'korrektur-begruendung-fehlt'],
      [STAFF.anna, KDNR, 'ok', null],
      [STAFF.jonas, KDNR, 'abgelehnt', 'nichts-zurueckzunehmen']
    ]);
  });

  it('an old confirmation card cannot take back a newer flag of the same customer', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { attempts: fullAttempts() });
    const bot = botHarness(deps);
    const form = cardOf((await bot.say(STAFF.anna, `/vormerken ${KDNR}`))[0]);
    const first = await bot.click(STAFF.anna, 'vormerken.absenden', { ...actionOf(form, 'vormerken.absenden'), reason: REASON, postfach: 'true' });
    const oldButton = actionOf(first.value, 'korrektur.vormerkung');
    await bot.click(STAFF.anna, 'korrektur.vormerkung', { ...oldButton, korrekturGrund: 'Versehen' });
    // Flagged again; the button of the first card is pressed once more.
    await bot.say(STAFF.anna, `/vormerken ${KDNR} postfach ${REASON}`);
    const before = await snapshot(deps.store, deps.dataDir);
    const stale = await bot.click(STAFF.anna, 'korrektur.vormerkung', { ...oldButton, korrekturGrund: 'noch einmal' });
    expect(cardText(stale.value)).toContain('Diese Karte ist nicht mehr aktuell');
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });
});
