import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { CardName } from '../ports.js';
import { projectRoot } from '../project-root.js';

/** An Adaptive Card as JSON. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard' };

/**
 * One prepared template per card. Preparing parses every `${…}` expression (an ANTLR parse each): done once per card
 * instead of once per message, it was the largest cost of a turn (profile in the README's Performance section).
 */
const templates = new Map<CardName, ACData.Template>();

function template(name: CardName): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(join(projectRoot(), 'cards', `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

/** Expands a template from `cards/` with its data (adaptivecards-templating, as in Microsoft's samples). */
export function renderCard(name: CardName, data: object): AdaptiveCardJson {
  return template(name).expand({ $root: data }) as AdaptiveCardJson;
}

/** The card with one more line under its title (who a task is for, on whose behalf). */
export function withLineUnderTitle(json: AdaptiveCardJson, text: string): AdaptiveCardJson {
  const [title, ...rest] = json.body as unknown[];
  const line = { type: 'TextBlock', text, wrap: true, weight: 'Bolder', spacing: 'Small' };
  return { ...json, body: [title, line, ...rest] };
}
