import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reloadingDirectory } from '../../src/config/directory-reload.js';
import { loadEnv } from '../../src/config/env.js';
import { jsonLogger } from '../../src/log.js';
import { startRuntime } from '../../src/runtime.js';
import { startFakeConnector } from '../support/fake-connector.js';
import { postActivity, teamsActivity } from '../support/bot-over-http.js';
import { DEMO_DIRECTORY, DEMO_POLICY, demoPolicy, tempDir } from '../support/fixtures.js';

const NEWCOMER = '00000000-0000-0000-0000-00000000abcd';

/** Replace the file the way editors and deployment tools do: write a new one, rename it over the old. */
function replaceFile(path: string, content: string) {
  writeFileSync(`${path}.new`, content);
  renameSync(`${path}.new`, path);
}

function withNewcomer(): string {
  const dir = JSON.parse(readFileSync(DEMO_DIRECTORY, 'utf8')) as { staff: unknown[]; teams: Array<{ id: string }> };
  dir.staff.push({ id: NEWCOMER, name: 'Nina Neu', roles: ['IFK'], team: dir.teams[0]!.id });
  return JSON.stringify(dir);
}

const waitFor = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(done()).toBe(true);
};

describe('the staff directory, reloaded when its file changes', () => {
  it('takes a valid new file, and rejects an invalid one with one log line while the old one stays in use', async () => {
    const file = join(tempDir(), 'directory.json');
    copyFileSync(DEMO_DIRECTORY, file);
    const events: Array<Record<string, unknown>> = [];
    const live = reloadingDirectory(file, demoPolicy().districts.map((d) => d.id), jsonLogger('info', (l) => events.push(JSON.parse(l))), 20);
    try {
      const before = live.directory.staff.length;
      replaceFile(file, withNewcomer());
      await waitFor(() => events.some((e) => e.event === 'directory.reloaded'));
      expect(live.directory.staff.length).toBe(before + 1);
      expect(live.directory.staff.some((s) => s.id === NEWCOMER)).toBe(true);

      // A person in a team that does not exist: rejected as a whole.
      replaceFile(file, withNewcomer().replace(`"name":"Nina Neu","roles":["IFK"],"team":"`, `"name":"Nina Neu","roles":["IFK"],"team":"gibt-es-nicht-`));
      await waitFor(() => events.some((e) => e.event === 'directory.rejected'));
      const rejected = events.filter((e) => e.event === 'directory.rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toMatchObject({ level: 'error', file });
      expect(String(rejected[0]!.error)).toContain('unbekanntes Team');
      expect(live.directory.staff.some((s) => s.id === NEWCOMER)).toBe(true);
      expect(live.directory.staff.length).toBe(before + 1);
    } finally {
      live.close();
    }
  });

  it('lets someone added to the file use the running bot, without a restart', async () => {
    const file = join(tempDir(), 'directory.json');
    copyFileSync(DEMO_DIRECTORY, file);
    const connector = await startFakeConnector();
    const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: tempDir(), DIRECTORY_FILE: file, POLICY_FILE: DEMO_POLICY });
    const events: string[] = [];
    const runtime = await startRuntime(config, jsonLogger('info', (l) => events.push(l)), { senderIntervalMs: 60_000, scheduler: false });
    // The last reply as read: its text, or the text of its card (the help is a card).
    const lastReply = () => {
      const activity = connector.received.at(-1)?.activity;
      return activity?.text ?? JSON.stringify(activity?.attachments ?? []);
    };
    try {
      await postActivity(runtime.port, teamsActivity(connector.url, NEWCOMER, { type: 'message', text: '/hilfe' }));
      expect(lastReply()).toContain('nicht eingetragen');

      replaceFile(file, withNewcomer());
      await waitFor(() => events.some((l) => l.includes('"directory.reloaded"')));
      await postActivity(runtime.port, teamsActivity(connector.url, NEWCOMER, { type: 'message', text: '/hilfe' }));
      expect(lastReply()).not.toContain('nicht eingetragen');
      expect(lastReply()).toContain('/aufgaben');
    } finally {
      await runtime.stop();
      await connector.close();
    }
  });
});
