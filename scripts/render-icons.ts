import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from '../src/project-root.js';
import { runMain } from './run-main.js';

/** Renders the two SVG icons to the PNGs Teams wants (color 192×192; outline 32×32, white on transparent). Run once after changing them. */
async function main(): Promise<void> {
  const root = projectRoot();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  for (const [svg, png, size] of [['icon-color.svg', 'color.png', 192], ['icon-outline.svg', 'outline.png', 32]] as const) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(join(root, 'manifest', svg), 'utf8')}</body></html>`);
    await page.screenshot({ path: join(root, 'manifest', png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
  await browser.close();
}

runMain(main);
