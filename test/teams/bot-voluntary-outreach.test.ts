import { refusalText } from '../../src/teams/refusal-text.js';
import { completeTask } from '../../src/app/complete-task.js';
import { taskView } from '../../src/app/task-view.js';
import { taskCard } from '../../src/teams/task-card.js';
import { viewContextAt } from '../../src/teams/view-context.js';
import { actionOf, botHarness, cardOf, cardText } from '../support/bot-harness.js';
import { at, attempt, demoPolicy, givenCustomer, STAFF, testDeps } from '../support/fixtures.js';

const KDNR = '123D456789';
const calls = [attempt('anruf', '2026-11-02 09:00'), attempt('anruf', '2026-11-05 14:30')];
const toggleInput = (card: unknown, id: string) => {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.id === id) found = o;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
};

describe('voluntary outreach (seed 002) through the bot', () => {
  it('Anna plans a Hausbesuch on the planning card: refused at 20 days with the reason, planned at 25 days with both letter tasks', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps, { attempts: calls });
    const bot = botHarness(deps);

    const tooSoon = cardOf((await bot.say(STAFF.anna, `/hausbesuch ${KDNR} 13.12.2026 10:00`))[0]);
    expect(cardText(tooSoon)).toContain('Hausbesuch planen');
    const refused = await bot.click(STAFF.anna, 'freiwillig.planen', { ...actionOf(tooSoon, 'freiwillig.planen'), secondPerson: STAFF.jonas, substitute: STAFF.petra });
    expect(cardText(refused.value)).toContain('Hausbesuch nicht möglich: Der Termin liegt weniger als 3 Wochen entfernt.');
    // The card comes back with what Anna chose.
    expect(toggleInput(refused.value, 'secondPerson')?.value).toBe(STAFF.jonas);
    expect(await deps.store.allVoluntaryCases()).toEqual([]);

    const card = cardOf((await bot.say(STAFF.anna, `/hausbesuch ${KDNR} 18.12.2026 10:00`))[0]);
    const planned = await bot.click(STAFF.anna, 'freiwillig.planen', { ...actionOf(card, 'freiwillig.planen'), secondPerson: STAFF.jonas, substitute: STAFF.petra });
    // The customer card names the planned appointment.
    expect(cardText(cardOf((await bot.say(STAFF.anna, `/kunde ${KDNR}`))[0]))).toContain('Freiwillige Termine\nHausbesuch am Fr. 18.12.2026, 10:00 Uhr');
    expect(cardText(planned.value)).toContain('✔ Hausbesuch für Kunde 123D456789 am 18.12.2026, 10:00 Uhr geplant. Teamleitung und Vertretung sind informiert. Ihre Aufgaben: Ankündigungs- und Erinnerungsschreiben');
    const tasks = cardText(cardOf((await bot.say(STAFF.anna, '/aufgaben'))[0]));
    expect(tasks).toContain('Hausbesuch: Ankündigungsschreiben versenden');
    expect(tasks).toContain('23.11.2026 bis 27.11.2026');
    expect(tasks).toContain('Hausbesuch: Erinnerungsschreiben versenden');
    expect(tasks).toContain('04.12.2026 bis 11.12.2026');
    expect(cardText(cardOf((await bot.say(STAFF.jonas, '/aufgaben'))[0]))).toContain('Aufsuchende Beratung (freiwillig): Termin');

    // Anna confirms both letters on their tasks.
    for (const t of await deps.store.openTasksOf(STAFF.anna)) {
      if (t.kind === 'freiwillig-ankuendigung' || t.kind === 'freiwillig-erinnerung') expect((await completeTask(deps, STAFF.anna, t.id, t.version)).ok).toBe(true);
    }
    // After the visit Jonas records it: inside without consent is refused (the box is named, his ticks kept); at the door it saves.
    deps.clock.set(at('2026-12-18 13:00'));
    const form = cardOf((await bot.say(STAFF.jonas, `/hausbesuch ergebnis ${KDNR}`))[0]);
    // The same card opens from Jonas's appointment task.
    const [appointment] = await deps.store.openTasksOf(STAFF.jonas);
    const appointmentCard = taskCard(viewContextAt(deps.directory, deps.policy, deps.clock.now()), await taskView(deps, appointment!), STAFF.jonas).json;
    const fromTask = await bot.click(STAFF.jonas, 'freiwillig.ergebnisformular', actionOf(appointmentCard, 'freiwillig.ergebnisformular'));
    expect(cardText(fromTask.value)).toContain('Ergebnis: Hausbesuch');
    const inside = await bot.click(STAFF.jonas, 'freiwillig.ergebnis', { ...actionOf(form, 'freiwillig.ergebnis'), outcome: 'stattgefunden', acquainted: 'true', reasonsDiscussed: 'true' });
    expect(cardText(inside.value)).toContain('Das Ergebnis kann noch nicht gespeichert werden. Es fehlt: unterschriebene Einverständniserklärung');
    expect(toggleInput(inside.value, 'reasonsDiscussed')?.value).toBe('true');
    expect((await deps.store.allVoluntaryCases())[0]?.status).toBe('geplant');
    const door = await bot.click(STAFF.jonas, 'freiwillig.ergebnis', { ...actionOf(form, 'freiwillig.ergebnis'), outcome: 'stattgefunden', endedAtDoor: 'true', acquainted: 'true', hbAppointmentWanted: 'true' });
    expect(cardText(door.value)).toContain('✔ Ergebnis gespeichert. Das Gespräch zählt als persönlicher Kontakt (Kontaktdichte). Der HB erhält das Ergebnis als Aufgabe.');
    expect(cardText(cardOf((await bot.say(STAFF.anna, '/aufgaben'))[0]))).toContain('Aufsuchende Beratung (freiwillig): Ergebnis');
    // The card Anna is sent (rendered as the sender renders it).
    const [resultTask] = (await deps.store.openTasksOf(STAFF.anna)).filter((t) => t.kind === 'freiwillig-ergebnis');
    const annasTasks = cardText(taskCard(viewContextAt(deps.directory, deps.policy, deps.clock.now()), await taskView(deps, resultTask!), STAFF.anna).json);
    expect(annasTasks).toContain('Gespräch hat stattgefunden, an der Tür beendet – erfasst von Jonas Weber');
    expect(annasTasks).toContain('persönlicher Beratungstermin beim HB – bitte vereinbaren');
    // Voluntary: no "erschienen?" question, no payment stop, no sanction wording anywhere.
    expect(annasTasks).not.toMatch(/erschienen|Zahlungseinstellung|Sanktion/);
  });

  it('a Begleitung with a talk in the customer’s absence is refused without the Schweigepflichtentbindung', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, `/begleitung ${KDNR} 26.11.2026 09:30`))[0]);
    const noKind = await bot.click(STAFF.anna, 'freiwillig.planen', { ...actionOf(card, 'freiwillig.planen'), substitute: STAFF.jonas, thirdParty: 'Dr. Meier', accompanimentConsent: 'true' });
    expect(cardText(noKind.value)).toContain('Bitte wählen Sie die Art des Dritten aus der Liste (keine Namen).');
    await bot.click(STAFF.anna, 'freiwillig.planen', { ...actionOf(card, 'freiwillig.planen'), substitute: STAFF.jonas, thirdParty: 'facharzt', accompanimentConsent: 'true' });
    deps.clock.set(at('2026-11-26 12:00'));
    const form = cardOf((await bot.say(STAFF.anna, `/begleitung ergebnis ${KDNR}`))[0]);
    const r = await bot.click(STAFF.anna, 'freiwillig.ergebnis', { ...actionOf(form, 'freiwillig.ergebnis'), outcome: 'stattgefunden', acquainted: 'true', talkInAbsence: 'true' });
    expect(cardText(r.value)).toContain('Es fehlt: Schweigepflichtentbindung (für das Gespräch mit dem Dritten in Abwesenheit des Kunden). Es wurde nichts gespeichert.');
    expect((await deps.store.allVoluntaryCases())[0]?.status).toBe('geplant');
  });

  it('a forged or malformed result payload changes nothing', async () => {
    const deps = await testDeps('2026-11-23 10:00');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const card = cardOf((await bot.say(STAFF.anna, `/walk-and-talk ${KDNR} 24.11.2026 14:00`))[0]);
    await bot.click(STAFF.anna, 'freiwillig.planen', { ...actionOf(card, 'freiwillig.planen'), substitute: STAFF.jonas, meetingPointAgreed: 'true', reachabilityAgreed: 'true', bufferPlanned: 'true' });
    const [c] = await deps.store.allVoluntaryCases();
    expect(await bot.click(STAFF.thomas, 'freiwillig.ergebnis', { caseId: c!.id, version: '1', outcome: 'stattgefunden', publicSpaceRisksTold: 'true', acquainted: 'true' })).toMatchObject({ value: 'Dafür fehlt Ihnen die Berechtigung: Sie sind für diesen Kunden nicht zuständig.' });
    expect(await bot.click(STAFF.anna, 'freiwillig.ergebnis', { caseId: c!.id, version: '1', outcome: 'erschienen' })).toMatchObject({ value: 'Die Angaben der Karte sind unvollständig oder ungültig. Es wurde nichts geändert.' });
    expect((await deps.store.getVoluntaryCase(c!.id))?.status).toBe('geplant');
    expect((await bot.say(STAFF.anna, `/walk-and-talk absagen ${KDNR}`))[0]?.text).toBe('Walk and Talk für Kunde 123D456789 ist abgesagt. Offene Aufgaben sind geschlossen; informiert: Jonas Weber. Dem Kunden entsteht kein Nachteil.');
  });

  it('a spontaneous Walk and Talk while the customer is in the office: begun now, the TL informed, the result recorded on return', async () => {
    const deps = await testDeps('2026-11-24 10:07');
    await givenCustomer(deps);
    const bot = botHarness(deps);
    const started = cardOf((await bot.say(STAFF.anna, `/walk-and-talk ${KDNR} jetzt`))[0]);
    expect(cardText(started)).toContain('Spontaner Walk and Talk mit Kunde 123D456789 ab 10:07 Uhr eingetragen; Ihre Teamleitung ist informiert.');
    expect(cardText(started)).toContain('Spontan\naus dem Büro, die Kundin oder der Kunde war im Jobcenter');
    const [walk] = await deps.store.allVoluntaryCases();
    expect(walk).toMatchObject({ approach: 'walk-and-talk', spontaneous: true, date: '2026-11-24', time: '10:07', status: 'geplant' });
    expect(walk?.substituteId).toBeUndefined();
    // seed 002 §2.2: the team lead is involved.
    expect(cardText(cardOf((await bot.say(STAFF.petra, '/aufgaben'))[0]))).toContain('Aufsuchende Beratung (freiwillig)');

    deps.clock.set(at('2026-11-24 11:15'));
    const saved = await bot.click(STAFF.anna, 'freiwillig.ergebnis', { ...actionOf(started, 'freiwillig.ergebnis'), outcome: 'stattgefunden', publicSpaceRisksTold: 'true' });
    expect(cardText(saved.value)).toContain('✔ Ergebnis gespeichert. Das Gespräch zählt als persönlicher Kontakt (Kontaktdichte).');
    expect((await deps.store.getCustomer(KDNR))?.contacts).toEqual([expect.objectContaining({ kind: 'persoenlich', date: '2026-11-24', recordedBy: STAFF.anna })]);

    // Only a Walk and Talk can be spontaneous; nothing is stored for the others.
    expect((await bot.say(STAFF.anna, `/hausbesuch ${KDNR} jetzt`))[0]?.text).toBe(
      'Spontan („jetzt“) geht nur ein Walk and Talk. Ein Hausbesuch wird Wochen vorher schriftlich angekündigt, eine Begleitung mit dem Dritten abgestimmt: bitte mit Datum und Uhrzeit planen. Es wurde nichts gespeichert.'
    );
    expect(await deps.store.allVoluntaryCases()).toHaveLength(1);
  });

  it('/anonym counts without a Kundennummer; /hilfe lists the commands for an IFK', async () => {
    const deps = await testDeps('2026-11-24 10:00');
    const bot = botHarness(deps);
    expect((await bot.say(STAFF.anna, '/anonym walk-and-talk'))[0]?.text).toBe(
      'Anonyme Beratung (Walk and Talk) gezählt – ohne Kundennummer und ohne Inhalt. Diese Woche in Ihrem Team: Walk and Talk 1, Begleitung zu Dritten 0.'
    );
    expect((await bot.say(STAFF.anna, '/anonym 123D456789'))[0]?.text).toContain('So geht es: `/anonym walk-and-talk|begleitung`');
    // At the customer's own door there is no anonymity: nothing is counted.
    expect((await bot.say(STAFF.anna, '/anonym hausbesuch'))[0]?.text).toBe(
      'Ein Hausbesuch kann nicht anonym sein: Sie sind bei der Kundin oder dem Kunden zu Hause. Anonym zählen lassen sich Walk and Talk und Begleitung zu Dritten. Es wurde nichts gezählt.'
    );
    expect(await deps.store.anonymousConsultations('2026-W48')).toHaveLength(1);
    const help = cardText(cardOf((await bot.say(STAFF.anna, '/hilfe'))[0]));
    expect(help).toContain('Freiwillige aufsuchende Beratung');
    expect(help).toContain('/hausbesuch KDNR TT.MM.JJJJ HH:MM | absagen KDNR | ergebnis KDNR');
    expect(help).toContain('/anonym');
  });

  it('names the Jobcenter\'s own numbers of calls and weeks in the refusals', () => {
    const base = demoPolicy();
    const policy = { ...base, voluntaryOutreach: { ...base.voluntaryOutreach, homeVisit: { minFailedCalls: 3, noticeWeeks: { from: 6, to: 5 }, reminderWeeks: { from: 2, to: 1 } } } };
    expect(refusalText({ ok: false, reason: 'ankuendigung-zu-knapp' }, policy)).toBe(
      'Hausbesuch nicht möglich: Der Termin liegt weniger als 5 Wochen entfernt. Das Ankündigungsschreiben muss 5 bis 6 Wochen vorher beim Kunden sein – bitte wählen Sie einen späteren Termin. Es wurde nichts gespeichert.'
    );
    expect(refusalText({ ok: false, reason: 'anrufversuche-fehlen' }, policy)).toContain('Nötig sind 3;');
  });
});
