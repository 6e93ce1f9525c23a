import { cardGallery } from '../../scripts/card-gallery.js';
import { renderCards } from '../../scripts/card-renderer.js';
import { launchChromium } from './playground.js';

describe("every card in Microsoft's Adaptive Cards renderer (headless Chromium)", () => {
  it('renders without a single warning, at desktop and at phone width', async () => {
    const browser = await launchChromium();
    try {
      const results = await renderCards(browser, await cardGallery());
      expect(results.length).toBeGreaterThan(80);
      expect(results.filter((r) => r.warnings.length).map((r) => `${r.name} (${r.variant}, ${r.width}): ${r.warnings.join('; ')}`)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
