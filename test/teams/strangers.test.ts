import { botHarness } from '../support/bot-harness.js';
import { STRANGER, testDeps } from '../support/fixtures.js';
import { snapshot } from '../support/store-snapshot.js';

describe('someone outside the directory', () => {
  it('gets the "not registered" answer to anything, and nothing is stored for them', async () => {
    const deps = await testDeps();
    const bot = botHarness(deps);
    const before = await snapshot(deps.store, deps.dataDir);
    for (const text of ['/hilfe', '/kunde 123D456789', '', 'Guten Morgen']) {
      const replies = await bot.say(STRANGER, text);
      expect(replies.map((r) => r.text)).toEqual(['Sie sind im Mitarbeiterverzeichnis von AB-Lotse nicht eingetragen. Bitte wenden Sie sich an Ihre Teamleitung oder die IT.']);
    }
    expect(await deps.store.getStaffRef(STRANGER)).toBeUndefined();
    expect(await snapshot(deps.store, deps.dataDir)).toEqual(before);
  });
});
