import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cardGallery, type GalleryCard } from '../../scripts/card-gallery.js';
import { projectRoot } from '../../src/project-root.js';

/** Microsoft's own Adaptive Cards object model (the renderer's UMD bundle runs in Node for parsing and validation). */
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: Array<{ message: string }> } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Teams refuses messages over about 28 KB; a card must stay well below. */
const TEAMS_MAX_BYTES = 28 * 1024;

let gallery: GalleryCard[];
beforeAll(async () => {
  gallery = await cardGallery();
}, 60_000);

describe('every card template, expanded with representative data', () => {
  it('covers every template in cards/', () => {
    const templates = readdirSync(join(projectRoot(), 'cards')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...new Set(gallery.map((g) => g.name))].sort()).toEqual(templates.sort());
  });

  it('is an Adaptive Card 1.5 (what Teams supports), fully expanded, under the message size limit', () => {
    for (const { name, variant, card } of gallery) {
      const json = JSON.stringify(card);
      expect([name, variant, card.type, card.version]).toEqual([name, variant, 'AdaptiveCard', '1.5']);
      expect([name, variant, json.includes('${')]).toEqual([name, variant, false]);
      expect(Buffer.byteLength(json)).toBeLessThan(TEAMS_MAX_BYTES);
    }
  });

  it('parses and validates in Microsoft\'s Adaptive Cards object model without a single event', () => {
    for (const { name, variant, card } of gallery) {
      const ctx = new AC.SerializationContext();
      const parsed = new AC.AdaptiveCard();
      parsed.parse(card, ctx);
      const events = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message).concat(parsed.validateProperties().validationEvents.map((e) => e.message));
      expect([name, variant, events]).toEqual([name, variant, []]);
    }
  });
});
