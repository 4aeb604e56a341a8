/**
 * Values quoted back in a message (a CLI line, a page notice): what a careless or hostile file holds
 * must not take over the terminal or the page's reading order, nor flood it. Shared by the pipeline's
 * validation and the rollout-file reader.
 */

/**
 * Characters no value of a source may hold: control characters (NUL, tab, line breaks: a value is one
 * line), the bidirectional overrides and isolates that make text display in another order than it
 * is stored, and invisible format characters (zero-width space/joiners, word joiner, BOM).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
export const HIDDEN_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Name of a character a message can show (the character itself may be invisible). */
export const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const HIDDEN_ALL = new RegExp(HIDDEN_CHARACTER.source, 'g');

/** A value as a message may quote it: hidden characters named (⟨U+0000⟩), at most `max` characters. */
export function shownValue(value: unknown, max = 40): string {
  const s = String(value ?? '');
  const cut = [...s].length > max ? [...s].slice(0, max).join('') + '…' : s;
  return cut.replace(HIDDEN_ALL, (c) => `⟨${codePoint(c)}⟩`);
}
