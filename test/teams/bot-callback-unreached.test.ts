import { renderNotification } from '../../src/teams/render-notification.js';
import { actionOf, botHarness, cardText } from '../support/bot-harness.js';
import { givenCustomer, STAFF, testDeps } from '../support/fixtures.js';

const KDNR = '123D456789';

/** The EZ books a same-day callback (no AB available on a field day) and Jonas of the HB's team takes it. */
async function takenCallback() {
  const deps = await testDeps('2026-11-25 10:00');
  await givenCustomer(deps);
  const bot = botHarness(deps);
  await bot.click(STAFF.sabine, 'rueckruf.buchen', { kdnr: KDNR });
  const [task] = await deps.store.tasksOfCustomer(KDNR);
  await bot.click(STAFF.jonas, 'aufgabe.uebernehmen', { taskId: task!.id, version: task!.version });
  const [missed] = await deps.store.missedCasesOfCustomer(KDNR);
  const form = await bot.click(STAFF.jonas, 'gespraech.formular', { caseId: missed!.id, version: missed!.version });
  return { deps, bot, taskId: task!.id, form: form.value };
}

describe('the callback result offers "Kunde nicht erreicht" (seed 000 §3, issue 16)', () => {
  it('"später erneut versuchen" gives the callback back to the team, counted and shown on its card, to be taken again', async () => {
    const { deps, bot, taskId, form } = await takenCallback();
    expect(cardText(form)).toContain('Nicht erreicht – später erneut versuchen');
    expect(cardText(form)).toContain('Nicht erreicht – HB lädt zum persönlichen Termin ein');

    const retry = await bot.click(STAFF.jonas, 'rueckruf.nicht-erreicht', { ...actionOf(form, 'rueckruf.nicht-erreicht'), next: 'erneut' });
    expect(cardText(retry.value)).toContain('Nicht erreicht vermerkt (1. Versuch). Der Rückruf steht wieder für Ihr Team offen');
    const [missed] = await deps.store.missedCasesOfCustomer(KDNR);
    expect(missed).toMatchObject({ status: 'offen', unreached: [{ by: STAFF.jonas }] });
    expect(missed?.claimedBy).toBeUndefined();
    const task = await deps.store.getTask(taskId);
    expect(task?.claimedBy).toBeUndefined();
    expect(task?.status).toBe('offen');

    // The card of the team shows "Übernehmen" again and the failed try.
    const redraw = (await deps.store.allNotifications()).filter((n) => n.updateOf && n.key.includes('nicht-erreicht-1')).at(-1)!;
    const card = await renderNotification(deps, redraw);
    expect(cardText(card)).toContain('Kunde bisher 1× nicht erreicht, zuletzt 25.11.2026, 10:00 Uhr (Jonas');
    expect(actionOf(card, 'aufgabe.uebernehmen')).toMatchObject({ taskId });
    const again = await bot.click(STAFF.anna, 'aufgabe.uebernehmen', { taskId, version: task!.version });
    expect(cardText(again.value)).not.toContain('bereits');
    expect((await deps.store.missedCasesOfCustomer(KDNR))[0]).toMatchObject({ status: 'uebernommen', claimedBy: STAFF.anna });
  });

  it('"HB lädt ein" closes the callback and gives the HB the task to invite the customer', async () => {
    const { deps, bot, taskId, form } = await takenCallback();
    const done = await bot.click(STAFF.jonas, 'rueckruf.nicht-erreicht', { ...actionOf(form, 'rueckruf.nicht-erreicht'), next: 'hb-termin' });
    expect(cardText(done.value)).toContain('Nicht erreicht vermerkt. Anna Becker erhält die Aufgabe, den Kunden zu einem persönlichen Termin einzuladen.');
    expect(() => actionOf(done.value, 'rueckruf.nicht-erreicht')).toThrow();
    expect((await deps.store.missedCasesOfCustomer(KDNR))[0]?.status).toBe('erledigt');
    expect((await deps.store.getTask(taskId))?.status).toBe('erledigt');
    const [hbTask] = await deps.store.openTasksOf(STAFF.anna);
    expect(hbTask?.kind).toBe('termin-beim-hb-buchen');
    const sent = (await deps.store.allNotifications()).find((n) => n.subject.kind === 'task' && n.subject.taskId === hbTask!.id)!;
    expect(cardText(await renderNotification(deps, sent))).toContain('Der Kunde war beim Rückruf nach dem Meldeversäumnis nicht zu erreichen (1× versucht, zuletzt von Jonas');
    // A second click on the spent form changes nothing.
    expect((await bot.click(STAFF.jonas, 'rueckruf.nicht-erreicht', { ...actionOf(form, 'rueckruf.nicht-erreicht'), next: 'erneut' })).value).toBe(
      'Das Ergebnis dieses Gesprächs ist bereits erfasst. Es wurde nichts geändert.'
    );
  });
});
