import { jobCatalogue } from '../../src/jobs/job-catalogue.js';
import { renderNotification } from '../../src/teams/render-notification.js';
import type { Deps } from '../../src/app/deps.js';
import { actionOf, botHarness, cardOf, cardText } from '../support/bot-harness.js';
import { at, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';

const MIRIAM = '00000000-0000-0000-0000-0000000000028'; // aB-pAp (ABU25), demo directory
const KATRIN = '00000000-0000-0000-0000-0000000000029'; // aB-pAp (ABU25)
const KDNR = '123D456789';

const runJob = async (deps: Deps, name: string) => jobCatalogue(deps).find((j) => j.name === name)!.run(deps);
const notificationsTo = async (deps: Deps, staffId: string) => (await deps.store.allNotifications()).filter((n) => n.recipient.kind === 'staff' && n.recipient.staffId === staffId);

/** Anna (pAp) opens the handover card for her under-25 customer and submits it. */
async function handOver(bot: ReturnType<typeof botHarness>, form: Record<string, string>) {
  const card = cardOf((await bot.say(STAFF.anna, `/u25-uebergabe ${KDNR}`))[0]);
  return bot.click(STAFF.anna, 'u25.uebergeben', { ...actionOf(card, 'u25.uebergeben'), ...form });
}

describe('U25 outreach (seed 001) through the bot', () => {
  it('refuses a Fallübergabe without the handover talk and stores nothing; with it the aB-pAp gets the task and VM-U25-aB is responsible', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25' });
    const bot = botHarness(deps);

    const refused = await handOver(bot, { handoverTalk: 'false', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: MIRIAM });
    expect(cardText(refused.value)).toContain('Übergabe nicht möglich: Vor der Übergabe findet grundsätzlich ein Gespräch zwischen pAp und aB-pAp statt.');
    expect(await deps.store.allU25Cases()).toEqual([]);
    expect(await notificationsTo(deps, MIRIAM)).toEqual([]);

    const done = await handOver(bot, { handoverTalk: 'true', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: 'automatisch' });
    expect(cardText(done.value)).toContain('Kunde 123D456789 ist an Miriam Vogt übergeben (Fallübergabe). Die Aktivierungsphase endet am 24.05.2027.');
    const [outreach] = await deps.store.allU25Cases();
    expect(outreach).toMatchObject({ approach: 'u25-aktivierung', abPapId: MIRIAM, hbId: STAFF.anna, virtualWorkerId: 'VM-U25-aB', phaseStart: '2026-11-24', phaseEnd: '2027-05-24', status: 'aktiv' });
    expect((await notificationsTo(deps, MIRIAM)).map((n) => n.card)).toEqual(['u25-task']);
    expect(cardText(cardOf((await bot.say(MIRIAM, `/u25 ${KDNR}`))[0]))).toContain('VM-U25-aB, zugeordnet: Miriam Vogt (aB-pAp)');

    // The aB-pAp's first contact needs the tick "return to the pAp explained".
    const [task] = await deps.store.openTasksOf(MIRIAM);
    const taskCard = cardOf((await bot.say(MIRIAM, '/aufgaben'))[0]);
    expect(cardText(taskCard)).toContain('Aufsuchende Beratung U25: neuer Fall');
    const data = { caseId: outreach!.id, version: 1, taskId: task!.id };
    expect(cardText((await bot.click(MIRIAM, 'u25.erstkontakt', { ...data, returnExplained: 'false' })).value)).toContain('Bitte bestätigen Sie, dass Sie mit dem Kunden besprochen haben');
    expect(cardText((await bot.click(MIRIAM, 'u25.erstkontakt', { ...data, returnExplained: 'true' })).value)).toContain('✔ Erstkontakt erfasst von Miriam Vogt am 24.11.2026');
    expect((await deps.store.getTask(task!.id))?.status).toBe('erledigt');
    // A forged click by the other aB-pAp changes nothing.
    expect(cardText((await bot.click(KATRIN, 'u25.erstkontakt', { ...data, version: 2, returnExplained: 'true' })).value)).not.toContain('✔');
  });

  it('refuses a handover by someone who is not the pAp and for a customer over 25', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'marktnah' });
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, `/u25-uebergabe ${KDNR}`))[0]?.text).toBe('Die Aufsuchende Beratung U25 ist nur für Kunden unter 25 vorgesehen. Es wurde nichts gespeichert.');
    expect((await bot.say(STAFF.jonas, `/u25-uebergabe ${KDNR}`))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung: Sie sind für diesen Kunden nicht zuständig.');
  });

  it('reminds the aB-pAp one month before the six months end and at the end — an extended phase only before its new end', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25' });
    await givenCustomer(deps, { kdnr: '123D000002', group: 'u25' });
    const bot = botHarness(deps);
    await handOver(bot, { handoverTalk: 'true', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: MIRIAM });
    const card = cardOf((await bot.say(STAFF.anna, '/u25-uebergabe 123D000002'))[0]);
    await bot.click(STAFF.anna, 'u25.uebergeben', { ...actionOf(card, 'u25.uebergeben'), handoverTalk: 'true', form: 'falluebergabe', targetGroup: 'massive-problemlagen', abPap: MIRIAM });

    deps.clock.set(at('2027-03-10 09:00'));
    expect((await bot.say(MIRIAM, '/u25-verlaengern 123D000002 31.08.2027 Kunde beginnt im Juni eine Maßnahme; Begleitung bis dahin.'))[0]?.text).toBe(
      'Die Aktivierungsphase für Kunde 123D000002 ist bis 31.08.2027 verlängert. Die Begründung erscheint in der Auswertung als Verlängerung.'
    );
    expect((await bot.say(MIRIAM, '/u25-verlaengern 123D000002 01.05.2027 zu früh'))[0]?.text).toBe('Das neue Ende muss nach dem bisherigen Ende der Aktivierungsphase liegen. Es wurde nichts geändert.');

    const reminders = async () => (await notificationsTo(deps, MIRIAM)).filter((n) => n.card === 'u25-reminder').map((n) => n.subject);
    deps.clock.set(at('2027-04-23 07:45'));
    expect(await runJob(deps, 'u25-erinnerung')).toBe(0);
    deps.clock.set(at('2027-04-26 07:45')); // Monday, the first working day from 24.04. on
    expect(await runJob(deps, 'u25-erinnerung')).toBe(1);
    expect(await runJob(deps, 'u25-erinnerung')).toBe(0);
    const [first] = await reminders();
    expect(first).toMatchObject({ kind: 'u25-reminder', stage: 'vorwarnung', end: '2027-05-24' });
    const outreach = (await deps.store.u25CasesOfCustomer(KDNR))[0]!;
    expect(first).toMatchObject({ caseId: outreach.id });

    deps.clock.set(at('2027-05-24 07:45'));
    expect(await runJob(deps, 'u25-erinnerung')).toBe(1);
    expect((await reminders()).map((s) => 'stage' in s && s.stage)).toEqual(['vorwarnung', 'ende']);

    // The extended case stays quiet until the month before its new end (31.08.2027).
    deps.clock.set(at('2027-07-30 07:45'));
    expect(await runJob(deps, 'u25-erinnerung')).toBe(0);
    deps.clock.set(at('2027-08-02 07:45'));
    expect(await runJob(deps, 'u25-erinnerung')).toBe(1);
    expect((await reminders()).at(-1)).toMatchObject({ stage: 'vorwarnung', end: '2027-08-31' });
  });

  it('refuses an expense over what is left of the month, naming the amount left; "Quittung liegt vor" is required; the month-end statement lists amounts and dates', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const bot = botHarness(deps);
    expect((await bot.say(MIRIAM, '/auslage 4,50 20.11.2026'))[0]?.text).toBe('Auslagen werden nur gegen Quittung erstattet. Bitte bestätigen Sie „Quittung liegt vor“. Es wurde nichts gespeichert.');
    expect((await bot.say(MIRIAM, '/auslage 12,80 20.11.2026 quittung'))[0]?.text).toBe('Auslage von 12,80 € vom 20.11.2026 erfasst (Quittung liegt vor). Verbleibend in diesem Monat: 7,20 €.');
    expect((await bot.say(MIRIAM, '/auslage 7,50 23.11.2026 quittung'))[0]?.text).toBe(
      'Die Auslage übersteigt das verbleibende Budget dieses Monats. Es wurde nichts gespeichert. Verbleibend in diesem Monat: 7,20 €.'
    );
    expect(await deps.store.expensesOf(MIRIAM, '2026-11')).toHaveLength(1);
    expect((await bot.say(STAFF.anna, '/auslage 3 20.11.2026 quittung'))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');

    deps.clock.set(at('2026-11-27 14:00')); // not the month's last working day
    expect(await runJob(deps, 'u25-auslagen')).toBe(0);
    deps.clock.set(at('2026-11-30 14:00'));
    expect(await runJob(deps, 'u25-auslagen')).toBe(1);
    const [statement] = (await notificationsTo(deps, MIRIAM)).filter((n) => n.card === 'u25-budget-statement');
    expect(statement?.subject).toEqual({ kind: 'u25-budget-statement', staffId: MIRIAM, month: '2026-11' });
  });

  it("refuses a team lead's /auswertung and audits it, while the aB-pAp's shows the counts per quarter with a chart and no Kundennummer", async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25' });
    const bot = botHarness(deps);
    await handOver(bot, { handoverTalk: 'true', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: MIRIAM });

    expect((await bot.say(STAFF.petra, '/auswertung'))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
    expect((await bot.say(STAFF.anna, '/auswertung'))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
    const audit = await deps.audit.read();
    expect(audit.filter((e) => e.action === 'auswertung.lesen').map((e) => [e.actor, e.outcome])).toEqual([
      [STAFF.petra, 'abgelehnt'],
      [STAFF.anna, 'abgelehnt']
    ]);

    const card = cardOf((await bot.say(MIRIAM, '/auswertung'))[0]);
    const text = cardText(card);
    expect(text).toContain('Auswertung Aufsuchende Beratung U25');
    expect(text).toContain('Q4/2026');
    expect(text).toMatch(/übergeben\n0\n0\n0\n1/);
    expect(JSON.stringify(card)).not.toMatch(/[0-9]{3}[A-Z][0-9]{6}/);
    expect(JSON.stringify(card)).toContain('"url":"data:image/png;base64,iVBORw0KGgo');
    expect((await deps.audit.read()).at(-1)).toMatchObject({ actor: MIRIAM, action: 'auswertung.lesen', outcome: 'ok' });

    // The aB-pAp may send it to a named team lead; a forged recipient who is no TL is refused.
    expect(cardText((await bot.click(MIRIAM, 'auswertung.senden', { lead: STAFF.anna })).value)).toContain('Diese Person ist im Verzeichnis nicht als Teamleitung eingetragen.');
    expect(cardText((await bot.click(MIRIAM, 'auswertung.senden', { lead: STAFF.petra })).value)).toContain('Die Auswertung (nur Fallzahlen) ist an Petra Schulz gesendet.');
    expect((await notificationsTo(deps, STAFF.petra)).map((n) => n.card)).toEqual(['u25-evaluation']);
  });

  it('arranges the joint talk before the return: no return without it or before it; afterwards the pAp gets the result card', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25' });
    const bot = botHarness(deps);
    await handOver(bot, { handoverTalk: 'true', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: MIRIAM });

    deps.clock.set(at('2027-03-01 10:00'));
    expect((await bot.say(MIRIAM, `/u25-rueckgabe ${KDNR}`))[0]?.text).toBe(
      'Rückgabe nicht möglich: Zuerst findet das gemeinsame Gespräch von aB-pAp, pAp und Kunde statt. Bitte vereinbaren Sie es mit /u25-gespraech. Es wurde nichts geändert.'
    );
    expect((await bot.say(MIRIAM, `/u25-gespraech ${KDNR} 04.03.2027 10:00`))[0]?.text).toBe('Gemeinsames Gespräch für Kunde 123D456789 am 04.03.2027, 10:00 Uhr vereinbart. Anna Becker und Sie haben die Aufgabe mit dem Termin.');
    const talkTasks = (await deps.store.tasksOfCustomer(KDNR)).filter((t) => t.kind === 'u25-gespraech');
    expect(talkTasks.map((t) => [...t.assigneeIds].sort())).toEqual([[STAFF.anna, MIRIAM].sort()]);
    expect((await bot.say(MIRIAM, `/u25-rueckgabe ${KDNR}`))[0]?.text).toBe('Rückgabe nicht möglich: Das gemeinsame Gespräch von aB-pAp, pAp und Kunde hat noch nicht stattgefunden. Es wurde nichts geändert.');
    expect((await deps.store.u25CasesOfCustomer(KDNR))[0]?.status).toBe('aktiv');

    deps.clock.set(at('2027-03-04 11:30'));
    expect((await bot.say(STAFF.anna, `/u25-rueckgabe ${KDNR}`))[0]?.text).toBe('Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.');
    expect((await bot.say(MIRIAM, `/u25-rueckgabe ${KDNR}`))[0]?.text).toBe('Kunde 123D456789 ist an Anna Becker zurückgegeben. Anna Becker erhält eine kurze Ergebnis-Karte.');
    const [outreach] = await deps.store.u25CasesOfCustomer(KDNR);
    expect(outreach).toMatchObject({ status: 'zurueckgegeben', closed: { result: 'aktiviert', by: MIRIAM } });
    const [result] = (await deps.store.openTasksOf(STAFF.anna)).filter((t) => t.kind === 'u25-rueckgabe');
    expect(result).toBeDefined();
    expect((await deps.store.getTask(talkTasks[0]!.id))?.status).toBe('erledigt');
    expect(cardText(cardOf((await bot.say(STAFF.anna, `/u25 ${KDNR}`))[0]))).toContain('Anna Becker (pAp)');
  });

  it('plans visits by two (alone only with a reason) and gives the pAp the sanction decision for a missed appointment — nothing automatic', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25' });
    const bot = botHarness(deps);
    await handOver(bot, { handoverTalk: 'true', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: MIRIAM });
    expect((await bot.say(MIRIAM, `/u25-besuch ${KDNR} 02.12.2026`))[0]?.text).toContain('Besuche finden in der Regel zu zweit statt');
    expect((await bot.say(MIRIAM, `/u25-besuch ${KDNR} 02.12.2026 mit Katrin`))[0]?.text).toBe('Besuch bei Kunde 123D456789 am 02.12.2026 mit Katrin Lehmann geplant.');
    expect((await bot.say(MIRIAM, `/u25-besuch ${KDNR} 03.12.2026 allein Treffen im Jugendzentrum, Sozialarbeiterin vor Ort`))[0]?.text).toBe('Besuch bei Kunde 123D456789 am 03.12.2026 allein geplant; die Begründung ist erfasst.');
    expect((await bot.say(MIRIAM, `/u25-versaeumnis ${KDNR} 23.11.2026`))[0]?.text).toContain('Anna Becker hat die Aufgabe „Sanktion: Entscheidung im Einzelfall gemeinsam mit aB-pAp“');
    const sanction = (await deps.store.openTasksOf(STAFF.anna)).find((t) => t.kind === 'u25-sanktion');
    expect(sanction).toBeDefined();
    expect(await deps.store.getPaymentStop(KDNR)).toBeUndefined();
    // The aB-pAp records the phase's contacts as usual (contact density U25: one month).
    expect((await bot.say(MIRIAM, `/kontakt ${KDNR} persoenlich 23.11.2026`))[0]?.text).toBe('Kontakt (persönlich) für Kunde 123D456789 am 23.11.2026 erfasst. Nächster Kontakt fällig: Mi. 23.12.2026.');
  });
});

describe('due-contact reminders during the activation phase (seed 001 with seed 003)', () => {
  it('go to the aB-pAp while the customer sits with VM-U25-aB, stay with the pAp for an Einzelauftrag, and go back to the pAp after the return', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    await givenCustomer(deps, { group: 'u25', lastContactImported: '2026-08-20' }); // overdue since 18.09.2026
    await givenCustomer(deps, { kdnr: '123D000002', group: 'u25', lastContactImported: '2026-08-20' });
    const bot = botHarness(deps);
    await handOver(bot, { handoverTalk: 'true', form: 'falluebergabe', targetGroup: 'schwer-erreichbar', abPap: MIRIAM });
    const card = cardOf((await bot.say(STAFF.anna, '/u25-uebergabe 123D000002'))[0]);
    await bot.click(STAFF.anna, 'u25.uebergeben', { ...actionOf(card, 'u25.uebergeben'), handoverTalk: 'true', form: 'einzelauftrag', targetGroup: 'individuell', abPap: KATRIN });
    const reminderText = async (staffId: string) => {
      const cards = (await notificationsTo(deps, staffId)).filter((n) => n.card === 'due-contacts');
      return Promise.all(cards.map(async (n) => cardText(await renderNotification(deps, n))));
    };

    deps.clock.set(at('2026-11-25 07:30'));
    await runJob(deps, 'faellige-kontakte');
    const [miriams] = await reminderText(MIRIAM);
    expect(miriams).toContain('🔴 Kunde 123D456789 · unter 25 · überfällig seit 18.09.2026');
    expect(miriams).not.toContain('123D000002');
    const [annas] = await reminderText(STAFF.anna);
    expect(annas).toContain('🔴 Kunde 123D000002 · unter 25'); // Einzelauftrag: the customer did not move
    expect(annas).not.toContain('123D456789');
    expect(await reminderText(KATRIN)).toEqual([]);
    // The aB-pAp's own /faellig shows the same, and the pAp's no longer lists the handed-over customer.
    expect(cardText(cardOf((await bot.say(MIRIAM, '/faellig'))[0]))).toContain('Kunde 123D456789');
    expect(cardText(cardOf((await bot.say(STAFF.anna, '/faellig'))[0]))).not.toContain('123D456789');

    // The joint talk, then the return: from the next day on the pAp is reminded again.
    await bot.say(MIRIAM, `/u25-gespraech ${KDNR} 26.11.2026 10:00`);
    deps.clock.set(at('2026-11-26 11:30'));
    expect((await bot.say(MIRIAM, `/u25-rueckgabe ${KDNR}`))[0]?.text).toBe('Kunde 123D456789 ist an Anna Becker zurückgegeben. Anna Becker erhält eine kurze Ergebnis-Karte.');
    deps.clock.set(at('2026-11-27 07:30'));
    await runJob(deps, 'faellige-kontakte');
    expect((await reminderText(STAFF.anna)).at(-1)).toContain('🔴 Kunde 123D456789 · unter 25');
    expect(await reminderText(MIRIAM)).toHaveLength(1); // only the one from the phase
  });
});
