import type { AdaptiveCardJson } from './cards.js';

/** What a user entered on a form: the zod-parsed payload of the submit (toggles as booleans, numbers as numbers). */
export type Entered = Readonly<Record<string, unknown>>;

/**
 * A refused form comes back with everything the user entered, so that they correct one field instead of typing it all
 * again: every input whose id was submitted gets the submitted value. One function for every form card, applied to the
 * card the view drew, so the templates keep their defaults for a fresh form. Values not shown in an input (ids of the
 * case, the version) find no input and change nothing.
 */
export function withEntered(card: AdaptiveCardJson, entered: Entered, ids: Readonly<Record<string, string>> = {}): AdaptiveCardJson {
  const fill = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fill);
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(o)) copy[key] = key === 'data' ? value : fill(value);
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
      const field = Object.entries(ids).find(([, inputId]) => inputId === o.id)?.[0] ?? o.id;
      const value = inputValue(o, entered[field]);
      if (value !== undefined) copy.value = value;
    }
    return copy;
  };
  return fill(card) as AdaptiveCardJson;
}

/** The submitted value as the input's `value`: a toggle's valueOn/valueOff, a list as Teams sends it (comma-separated). */
function inputValue(input: Record<string, unknown>, value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (input.type === 'Input.Toggle') {
    const on = value === true || value === 'true' || value === input.valueOn;
    return on ? String(input.valueOn ?? 'true') : String(input.valueOff ?? 'false');
  }
  if (Array.isArray(value)) return value.map(String).join(',');
  if (input.type === 'Input.Number') return typeof value === 'number' ? value : Number.isFinite(Number(value)) && value !== '' ? Number(value) : undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
