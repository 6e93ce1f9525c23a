import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/project-root.js';

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
