import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { GalleryCard } from './card-gallery.js';

const require = createRequire(import.meta.url);

/** Teams' light theme, roughly: the renderer's defaults with Teams' font and colours. */
const TEAMS_HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Noto Sans', system-ui, sans-serif",
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, attention: { default: '#C4314B' }, good: { default: '#237B4B' }, accent: { default: '#6264A7' } } }
  },
  actions: { actionsOrientation: 'horizontal', buttonSpacing: 8, maxActions: 6, showCard: { actionMode: 'inline' } }
};

export const WIDTHS = { desktop: 560, phone: 360 } as const;

export interface RenderResult {
  readonly name: string;
  readonly variant: string;
  readonly width: keyof typeof WIDTHS;
  readonly warnings: string[];
  readonly png?: string;
}

const slug = (s: string) =>
  s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function pngName(card: Pick<GalleryCard, 'name' | 'variant'>, width: keyof typeof WIDTHS): string {
  return `${card.name}--${slug(card.variant)}--${width}.png`;
}

/**
 * Renders every card with Microsoft's `adaptivecards` renderer in a real browser: parse events, property validation and
 * rendering errors are the warnings; with `outDir` a PNG of each card is written there.
 */
export async function renderCards(browser: Browser, cards: readonly GalleryCard[], outDir?: string): Promise<RenderResult[]> {
  const results: RenderResult[] = [];
  const acDir = dirname(require.resolve('adaptivecards/dist/adaptivecards.js'));
  for (const [width, px] of Object.entries(WIDTHS) as Array<[keyof typeof WIDTHS, number]>) {
    const page = await browser.newPage({ viewport: { width: px + 40, height: 900 }, deviceScaleFactor: 1 });
    await page.setContent('<html><head><meta charset="utf-8"></head><body style="margin:0;padding:20px;background:#F5F5F5"><div id="card" style="width:' + px + 'px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)"></div></body></html>');
    await page.addStyleTag({ path: join(acDir, 'adaptivecards.css') });
    await page.addScriptTag({ path: join(acDir, 'adaptivecards.js') });
    for (const card of cards) {
      const warnings = await page.evaluate(
        ({ json, hostConfig }) => {
          const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards; // eslint-disable-line @typescript-eslint/no-explicit-any
          const ac = new AC.AdaptiveCard();
          ac.hostConfig = new AC.HostConfig(hostConfig);
          const ctx = new AC.SerializationContext();
          ac.parse(json, ctx);
          const out: string[] = [];
          for (let i = 0; i < ctx.eventCount; i++) out.push(`parse: ${ctx.getEventAt(i).message}`);
          for (const e of ac.validateProperties().validationEvents) out.push(`validate: ${e.message}`);
          const el = ac.render();
          const host = document.getElementById('card')!;
          host.innerHTML = '';
          if (!el) out.push('render: no element');
          else host.appendChild(el);
          return out;
        },
        { json: card.card, hostConfig: TEAMS_HOST_CONFIG }
      );
      let png: string | undefined;
      if (outDir) {
        png = join(outDir, pngName(card, width));
        mkdirSync(outDir, { recursive: true });
        writeFileSync(png, await page.locator('#card').screenshot());
      }
      results.push({ name: card.name, variant: card.variant, width, warnings, png });
    }
    await page.close();
  }
  return results;
}
