/**
 * Text a user typed (a reason, a note), made inert for a card's TextBlock, which renders a markdown subset (links,
 * emphasis, lists) and whose clients autolink bare URLs. Markdown punctuation is backslash-escaped (CommonMark then
 * shows the character itself), a list marker at the start is escaped, `://` and `www.` get an invisible word joiner
 * so no client sees a URL, and control characters (line breaks included) become a space. A German reader sees the
 * text as typed.
 */
const WORD_JOINER = '\u2060';

export function plainText(typed: string): string {
  return typed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>&]/g, '\\$&')
    .replace(/^(\s*)([-+#]|\d+\.)(?=\s|$)/, (_m, space: string, marker: string) => `${space}${marker.replace(/[-+#.]/, '\\$&')}`)
    .replace(/:\/\//g, `:/${WORD_JOINER}/`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${WORD_JOINER}.`);
}
