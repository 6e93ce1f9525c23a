import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { CardName } from '../ports.js';
import { projectRoot } from '../project-root.js';

/** An Adaptive Card as JSON. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard' };

const templates = new Map<CardName, object>();

function template(name: CardName): object {
  let t = templates.get(name);
  if (!t) {
    t = JSON.parse(readFileSync(join(projectRoot(), 'cards', `${name}.json`), 'utf8')) as object;
    templates.set(name, t);
  }
  return t;
}

/** Expands a template from `cards/` with its data (adaptivecards-templating, as in Microsoft's samples). */
export function renderCard(name: CardName, data: object): AdaptiveCardJson {
  return new ACData.Template(template(name)).expand({ $root: data }) as AdaptiveCardJson;
}
