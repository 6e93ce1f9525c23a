import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fixedClock } from '../../src/clock.js';
import { loadEnv } from '../../src/config/env.js';
import { seedDemo } from '../../src/demo-data.js';
import { silentLogger } from '../../src/log.js';
import { projectRoot } from '../../src/project-root.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { DEMO_DIRECTORY, DEMO_POLICY, tempDir } from '../support/fixtures.js';

/** Chromium as tried in STACK-NOTES: Debian's binary, no background networking (the machine's network is closed); playwright gives it a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
}

/** Starts the Agents Playground (from node_modules) against the bot and waits until it answers. */
export async function startPlayground(botPort: number, port: number): Promise<ChildProcess> {
  const root = projectRoot();
  const child = spawn(join(root, 'node_modules', '.bin', 'agentsplayground'), ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)], {
    cwd: join(root, 'demo', 'playground'),
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: 'ignore'
  });
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`playground exited with ${child.exitCode}`);
    if (Date.now() > until) throw new Error('playground did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** What a person does in the playground's personal chat. */
export function chat(page: Page, screenshotDir?: string) {
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  return {
    async send(text: string) {
      const box = page.locator('[data-lexical-editor="true"]');
      await box.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    },
    /** Waits until the page shows `text` (the newest occurrence). */
    async sees(text: string) {
      const found = page.getByText(text, { exact: false }).last();
      await found.waitFor({ state: 'visible', timeout: 20_000 });
      // Only for the screenshot; the playground may re-render the element meanwhile.
      await found.scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => undefined);
    },
    async press(button: string) {
      await page.getByRole('button', { name: button, exact: true }).last().click();
    },
    async shot(name: string) {
      if (!screenshotDir) return;
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
    }
  };
}

/** The bot in local mode with the demo data at a pinned time, the playground in front of it, and a browser page on it. */
export interface DemoSession {
  readonly runtime: Runtime;
  readonly page: Page;
  stop(): Promise<void>;
}

export async function startDemoSession(clockIso: string): Promise<DemoSession> {
  const config = loadEnv({ AB_LOTSE_MODE: 'local', PORT: '0', DATA_DIR: tempDir(), DIRECTORY_FILE: DEMO_DIRECTORY, POLICY_FILE: DEMO_POLICY });
  const runtime = await startRuntime(config, silentLogger, { clock: fixedClock(clockIso), senderIntervalMs: 1000, scheduler: false });
  await seedDemo(runtime.deps);
  const port = 56200 + Math.floor(Math.random() * 1000);
  const playground = await startPlayground(runtime.port, port);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 30_000 });
  return {
    runtime,
    page,
    async stop() {
      await browser.close();
      playground.kill();
      await runtime.stop();
    }
  };
}
