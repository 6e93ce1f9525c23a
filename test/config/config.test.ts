import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runningClock } from '../../src/clock.js';
import { loadDirectory } from '../../src/config/directory.js';
import { loadEnv } from '../../src/config/env.js';
import { endOfServiceOn, loadPolicy } from '../../src/config/policy.js';
import { DEMO_DIRECTORY, DEMO_POLICY, tempDir } from '../support/fixtures.js';

const base = { DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY };

describe('configuration from the environment', () => {
  it('refuses production mode without the bot credentials, naming each missing variable', () => {
    expect(() => loadEnv({ ...base })).toThrow(/MICROSOFT_APP_ID.*\n.*MICROSOFT_APP_PASSWORD.*\n.*MICROSOFT_APP_TENANT_ID/);
  });

  it('is production unless local mode is set explicitly, and then allows only its own tenant by default', () => {
    const c = loadEnv({ ...base, MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'tenant-1' });
    expect(c.AB_LOTSE_MODE).toBe('production');
    expect(c.ALLOWED_TENANTS).toEqual(['tenant-1']);
  });

  it('names a missing directory path', () => {
    expect(() => loadEnv({ AB_LOTSE_MODE: 'local', POLICY_FILE: DEMO_POLICY })).toThrow(/DIRECTORY_FILE/);
  });

  it('binds local mode to 127.0.0.1 and refuses any other address', () => {
    expect(loadEnv({ ...base, AB_LOTSE_MODE: 'local' }).HOST).toBe('127.0.0.1');
    expect(() => loadEnv({ ...base, AB_LOTSE_MODE: 'local', HOST: '0.0.0.0' })).toThrow(/HOST: der lokale Modus lauscht nur auf 127.0.0.1/);
  });

  it('refuses a bad port and a pinned clock in production', () => {
    expect(() => loadEnv({ ...base, AB_LOTSE_MODE: 'local', PORT: 'achtzig' })).toThrow(/PORT/);
    expect(() => loadEnv({ ...base, MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'b', MICROSOFT_APP_TENANT_ID: 'c', CLOCK_FIXED: '2026-11-19T10:00:00+01:00' })).toThrow(/CLOCK_FIXED/);
  });

  it('lets a local clock start at a moment and run from there, never in production and never together with a pinned one', () => {
    const production = { ...base, MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'b', MICROSOFT_APP_TENANT_ID: 'c' };
    expect(() => loadEnv({ ...production, CLOCK_START: '2026-11-25T10:00:50+01:00' })).toThrow(/CLOCK_START.*nur im lokalen Modus/);
    expect(() => loadEnv({ ...base, AB_LOTSE_MODE: 'local', CLOCK_START: '2026-11-25T10:00:50+01:00', CLOCK_FIXED: '2026-11-25T10:00:00+01:00' })).toThrow(/CLOCK_START.*nicht zusammen mit CLOCK_FIXED/);
    let machine = Date.parse('2026-12-03T22:00:00Z');
    const clock = runningClock('2026-11-25T10:00:50+01:00', () => machine);
    expect(clock.now().toISOString()).toBe('2026-11-25T09:00:50.000Z');
    machine += 10_000;
    expect(clock.now().toISOString()).toBe('2026-11-25T09:01:00.000Z');
    expect(loadEnv({ ...base, AB_LOTSE_MODE: 'local', SCHEDULER_INTERVAL_MS: '250' }).SCHEDULER_INTERVAL_MS).toBe(250);
  });
});

describe('policy and staff directory files', () => {
  it('reads the demo policy with end of service per weekday', () => {
    const p = loadPolicy(DEMO_POLICY);
    expect(endOfServiceOn(p, '2026-11-26')).toBe('16:00'); // Thursday
    expect(endOfServiceOn(p, '2026-11-27')).toBe('12:00'); // Friday
  });

  it('fills the seeds\' defaults for what a policy leaves out', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ districts: [{ id: 'nord', name: 'Nord' }] }));
    const p = loadPolicy(join(dir, 'p.json'));
    expect(p.abFlagging).toEqual({ deadlineWeekday: 4, minMinutesBetweenCallTimes: 120, reasonMaxLength: 300, recentVisitDays: 28 });
    expect(p.endOfService).toBe('16:00');
  });

  it('names the field of an invalid directory entry', () => {
    const dir = tempDir();
    const bad = { teams: [{ id: 't', name: 'T', substitutes: ['nobody'] }], staff: [{ id: 'x', name: 'X', roles: ['AB', 'CHEF'], team: 't' }] };
    writeFileSync(join(dir, 'd.json'), JSON.stringify(bad));
    expect(() => loadDirectory(join(dir, 'd.json'), ['nord'])).toThrow(/staff\.0\.roles\.1/);
  });

  it('refuses AB staff without a district and unknown substitutes', () => {
    const dir = tempDir();
    const bad = { teams: [{ id: 't', name: 'T', substitutes: ['nobody'] }], staff: [{ id: 'x', name: 'X', roles: ['AB'], team: 't' }] };
    writeFileSync(join(dir, 'd.json'), JSON.stringify(bad));
    expect(() => loadDirectory(join(dir, 'd.json'), ['nord'])).toThrow(/staff\.0\.districts: AB-Mitarbeitende brauchen mindestens einen Bezirk[\s\S]*teams\.0\.substitutes\.0: unbekannte Person nobody/);
  });

  it('refuses a file that is not JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'd.json'), '{ staff: ');
    expect(() => loadDirectory(join(dir, 'd.json'), ['nord'])).toThrow(/kein gültiges JSON/);
  });
});
