import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from '../src/project-root.js';
import { cardGallery } from './card-gallery.js';
import { pngName, renderCards } from './card-renderer.js';
import { runMain } from './run-main.js';

/** `npm run cards:render`: a PNG of every card (desktop and phone width) in docs/cards/, and an index page. */
async function main(): Promise<number> {
  const out = join(projectRoot(), 'docs', 'cards');
  const cards = await cardGallery();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const results = await renderCards(browser, cards, out);
  await browser.close();
  const rows = cards.map((c) => `| \`${c.name}\` | ${c.variant} | ![${c.variant}](${pngName(c, 'desktop')}) | ![${c.variant}, Telefon](${pngName(c, 'phone')}) |`);
  writeFileSync(join(out, 'README.md'), `# Alle Karten, wie Microsofts Renderer sie zeigt\n\nErzeugt mit \`npm run cards:render\` aus \`scripts/card-gallery.ts\` (synthetische Lesemodelle je Prozess in \`scripts/gallery/\`, längste Texte, Umlaute, leere Listen).\n\n| Vorlage | Zustand | Desktop | Telefon |\n|---|---|---|---|\n${rows.join('\n')}\n`);
  const warned = results.filter((r) => r.warnings.length);
  for (const r of warned) process.stderr.write(`${r.name} (${r.variant}, ${r.width}): ${r.warnings.join('; ')}\n`);
  process.stdout.write(`${results.length} Bilder in ${out}; Warnungen: ${warned.length}\n`);
  return warned.length ? 1 : 0;
}

runMain(main);
