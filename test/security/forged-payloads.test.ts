import { flagCustomer } from '../../src/app/flag-customer.js';
import { recordVisitResult } from '../../src/app/record-visit-result.js';
import { reportMissedAppointment } from '../../src/app/report-missed-appointment.js';
import { claimTask } from '../../src/app/claim-task.js';
import { requestIntensive } from '../../src/app/intensive.js';
import { askAttendance } from '../../src/app/attendance.js';
import { botHarness } from '../support/bot-harness.js';
import { at, fullAttempts, givenCustomer, STAFF, STRANGER, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';

const NO_ROLE = 'Dafür fehlt Ihnen die Berechtigung. Mit /hilfe sehen Sie, was Sie nutzen können.';
const NOT_YOURS = 'Diese Aufgabe ist nicht Ihnen zugewiesen. Es wurde nichts geändert.';
const UNKNOWN = 'Sie sind im Mitarbeiterverzeichnis von AB-Lotse nicht eingetragen. Bitte wenden Sie sich an Ihre Teamleitung oder die IT.';

/** Real records for every verb: a flagged and visited customer, a claimed Meldeversäumnis, an intensive request, an attendance question. */
async function world() {
  const deps = await testDeps('2026-11-17 10:00');
  await givenCustomer(deps, { attempts: fullAttempts() });
  await givenCustomer(deps, { kdnr: '200B000002', attempts: fullAttempts() });
  const flagged = await flagCustomer(deps, STAFF.anna, { kdnr: '123D456789', reason: 'Reagiert nicht.', invitationInMailbox: true });
  const flagged2 = await flagCustomer(deps, STAFF.anna, { kdnr: '200B000002', reason: 'Reagiert nicht.', invitationInMailbox: true });
  if (!flagged.ok || !flagged2.ok) throw new Error('arrange');
  const visited = await recordVisitResult(deps, STAFF.murat, { kdnr: '123D456789' }, { outcome: 'nicht-angetroffen', meetAndWalk: false, lowThresholdInfo: false, verbisNoteWritten: true, complex: false, hintForBenefits: false, appointmentDate: '2026-11-19' });
  if (!visited.ok) throw new Error('arrange');
  deps.clock.set(at('2026-11-24 10:00'));
  await reportMissedAppointment(deps, STAFF.sabine, '123D456789');
  const [pool] = (await deps.store.tasksOfCustomer('123D456789')).filter((t) => t.kind === 'meldeversaeumnis-ab');
  await claimTask(deps, STAFF.murat, pool!.id, 1);
  await requestIntensive(deps, STAFF.anna, '123D456789');
  await askAttendance(deps);
  const tasks = await deps.store.tasksOfCustomer('123D456789');
  const task = (kind: string) => tasks.find((t) => t.kind === kind)!;
  const [missed] = await deps.store.missedCasesOfCustomer('123D456789');
  const customer = (await deps.store.getCustomer('123D456789'))!;
  return { deps, bot: botHarness(deps), task, missed: missed!, openCase: flagged2.outreach, customer };
}

describe('forged card payloads: every verb, sent by someone without the right', () => {
  it('is refused in German and changes nothing', async () => {
    const { deps, bot, task, missed, openCase, customer } = await world();
    for (const who of Object.values(STAFF)) await bot.say(who, '/hilfe'); // so that captured references do not count as a change
    const before = await snapshot(deps.store, deps.dataDir);
    const attempts: Array<[string, string, Record<string, unknown>, string]> = [
      [STAFF.sabine, 'vormerken.absenden', { kdnr: '200B000002', reason: 'x', postfach: 'true' }, NO_ROLE],
      [STAFF.murat, 'vormerken.formular', { kdnr: '123D456789' }, NO_ROLE],
      [STAFF.thomas, 'versuch.absenden', { kdnr: '123D456789', version: customer.version, kind: 'anruf' }, NO_ROLE],
      [STAFF.anna, 'ergebnis.formular', { caseId: openCase.id, version: openCase.version }, NO_ROLE],
      [STAFF.anna, 'ergebnis.absenden', { caseId: openCase.id, version: openCase.version, outcome: 'angetroffen', verbisNoteWritten: 'true', appointmentDate: '2026-12-01' }, NO_ROLE],
      [STAFF.jonas, 'aufgabe.erledigen', { taskId: task('ab-ergebnis').id, version: task('ab-ergebnis').version }, NOT_YOURS],
      [STAFF.lena, 'aufgabe.uebernehmen', { taskId: task('meldeversaeumnis-ab').id, version: 1 }, 'Das hat bereits Murat Yılmaz übernommen. Es wurde nichts geändert.'],
      [STAFF.jonas, 'aufgabe.anzeigen', { taskId: task('ab-ergebnis').id }, 'Diese Aufgabe gibt es nicht (mehr).'],
      [STAFF.anna, 'rueckruf.buchen', { kdnr: '200B000002' }, NO_ROLE],
      [STAFF.lena, 'gespraech.formular', { caseId: missed.id, version: missed.version }, 'Dieses Gespräch hat jemand anderes übernommen; nur diese Person erfasst das Ergebnis. Es wurde nichts geändert.'],
      [STAFF.lena, 'gespraech.absenden', { caseId: missed.id, version: missed.version, verbisNoteWritten: 'true', followUpDate: '2026-11-26', followUpTime: '09:00' }, 'Dieses Gespräch hat jemand anderes übernommen; nur diese Person erfasst das Ergebnis. Es wurde nichts geändert.'],
      [STAFF.murat, 'kontakt.absenden', { kdnr: '123D456789', version: customer.version, kind: 'persoenlich' }, NO_ROLE],
      [STAFF.anna, 'intensiv.entscheiden', { taskId: task('intensiv-aufnehmen').id, version: 1, approve: 'true' }, NO_ROLE],
      [STAFF.jonas, 'erschienen.antwort', { taskId: task('erschienen-pruefen').id, version: 1, answer: 'nein' }, NOT_YOURS],
      [STAFF.lena, 'zahlungseinstellung.erfassen', { kdnr: '123D456789' }, NO_ROLE]
    ];
    for (const [who, verb, data, expected] of attempts) {
      const body = await bot.click(who, verb, data);
      expect([verb, body.value]).toEqual([verb, expected]);
      const stranger = await bot.click(STRANGER, verb, data);
      expect([verb, stranger.value]).toEqual([verb, UNKNOWN]);
    }
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });

  it('a replayed click changes nothing: the second press of the same card is stale', async () => {
    const { deps, bot, customer } = await world();
    const data = { kdnr: '123D456789', version: customer.version, kind: 'anruf', date: '2026-11-23', time: '15:00' };
    await bot.click(STAFF.anna, 'versuch.absenden', data);
    const after = (await deps.store.getCustomer('123D456789'))!.attempts.length;
    const replay = await bot.click(STAFF.anna, 'versuch.absenden', data);
    expect(JSON.stringify(replay.value)).toContain('Diese Karte ist nicht mehr aktuell');
    expect((await deps.store.getCustomer('123D456789'))!.attempts).toHaveLength(after);
  });
});
