import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { filledManifest } from '../../scripts/manifest-template.js';
import { projectRoot } from '../../src/project-root.js';
import { tempDir } from '../support/fixtures.js';

/** @microsoft/app-manifest loads an ESM-only dependency that jest cannot require: the built script validates instead. */
const packageScript = join(projectRoot(), 'dist', 'scripts', 'package.js');
const manifestErrors = async (manifest: Record<string, unknown>): Promise<string[]> =>
  JSON.parse(execFileSync(process.execPath, [packageScript, '--check', JSON.stringify(manifest)], { encoding: 'utf8' })) as string[];
import { parseCommand } from '../../src/teams/command-parser.js';
import { COMMANDS } from '../../src/teams/processes/index.js';

const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngInfo(file: string) {
  const b = readFileSync(join(projectRoot(), 'manifest', file));
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colourType: b[25] };
}

describe('the Teams app manifest', () => {
  it('is valid against Microsoft\'s schema (offline, @microsoft/app-manifest)', async () => {
    expect(await manifestErrors(filledManifest(BOT_ID))).toEqual([]);
  });

  it('fails validation when broken, so the check can fail', async () => {
    expect((await manifestErrors({ ...filledManifest(BOT_ID), accentColor: 'blau' })).length).toBeGreaterThan(0);
  });

  it('carries the bot id from the environment and refuses a malformed one', () => {
    const m = filledManifest(BOT_ID) as { id: string; bots: Array<{ botId: string }> };
    expect([m.id, m.bots[0]!.botId]).toEqual([BOT_ID, BOT_ID]);
    expect(() => filledManifest('not-a-guid')).toThrow(/MICROSOFT_APP_ID/);
  });

  it('lists at most 10 commands per scope, each one the bot understands', () => {
    const m = filledManifest(BOT_ID) as { bots: Array<{ scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }> };
    const bot = m.bots[0]!;
    expect(bot.scopes).toEqual(['personal', 'team']);
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands) {
        const parsed = parseCommand(c.title);
        expect([c.title, parsed.ok || parsed.error !== 'unbekannt']).toEqual([c.title, true]);
        // The command table is the one list: every manifest command is one of its words.
        expect([c.title, COMMANDS.some((e) => e.words.includes(c.title.replace(/^\//, '').split(' ')[0]!.toLowerCase()))]).toEqual([c.title, true]);
      }
    }
  });

  it('has the icons Teams wants: colour 192×192, outline 32×32 with transparency', () => {
    expect(pngInfo('color.png')).toMatchObject({ width: 192, height: 192 });
    const outline = pngInfo('outline.png');
    expect(outline).toMatchObject({ width: 32, height: 32, colourType: 6 }); // RGBA
  });

  it('npm run package writes the zip for the admin center: manifest and icons', async () => {
    const dir = tempDir();
    execFileSync(process.execPath, [packageScript], { env: { ...process.env, MICROSOFT_APP_ID: BOT_ID, APP_PACKAGE_DIR: dir } });
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'ab-lotse-teams-app.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(await zip.file('manifest.json')!.async('string')).id).toBe(BOT_ID);
  });

  it("npm run package takes the Jobcenter's details from the policy file, flags over it, and refuses a bad URL", async () => {
    const dir = tempDir();
    const policy = join(dir, 'policy.json');
    const demo = JSON.parse(readFileSync(join(projectRoot(), 'demo', 'policy.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(policy, JSON.stringify({ ...demo, jobcenter: 'Jobcenter Musterkreis', app: { developerName: 'Jobcenter Musterkreis', websiteUrl: 'https://jobcenter-musterkreis.example', privacyUrl: 'https://jobcenter-musterkreis.example/datenschutz', termsOfUseUrl: 'https://jobcenter-musterkreis.example/impressum', version: '2.3.0' } }));
    const env = { ...process.env, MICROSOFT_APP_ID: BOT_ID, APP_PACKAGE_DIR: dir, POLICY_FILE: policy };
    execFileSync(process.execPath, [packageScript, '--version', '2.4.0'], { env });
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'ab-lotse-teams-app.zip')));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({
      version: '2.4.0',
      name: { full: 'AB-Lotse – Jobcenter Musterkreis' },
      developer: { name: 'Jobcenter Musterkreis', privacyUrl: 'https://jobcenter-musterkreis.example/datenschutz' }
    });
    const refused = spawnSync(process.execPath, [packageScript, '--privacy', 'http://unsicher.example'], { env, encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('privacyUrl: https-Adresse erwartet');
  });
});
