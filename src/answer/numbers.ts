/** Numbers written as digits ("550", "1,000") or words ("Twenty three", "eleven") within a token stream. */
import type { Token } from '../text/terms.js';
import { mayBeThirdPersonVerb } from '../text/wordnet.js';

const UNITS = new Map<string, number>(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12,
}));
/** Scale words and their usual abbreviations ("120 mln dlrs", "8.16 bln", "$2bn"). */
const SCALES = new Map<string, number>(Object.entries({
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000,
  mln: 1_000_000, mn: 1_000_000, bln: 1_000_000_000, bn: 1_000_000_000, tln: 1_000_000_000_000, trn: 1_000_000_000_000,
}));

const DIGITS = /^\d[\d,]*(\.\d+)?$/;

function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

export interface NumberMention {
  /** The value with its scale applied: 120000000 for "120 mln". */
  value: number;
  /** The number as written, without its scale: 120 for "120 mln". */
  written: number;
  /** Index of the first and one past the last token of the number. */
  from: number;
  to: number;
}

/** The ordinals written as words: "first" … "twentieth". */
const ORDINALS = new Map<string, number>(
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'].map((word, index) => [word, index + 1]),
);

/**
 * The place an ordinal word gives ("fourth" → 4), or null: "second" after a number or "per" is a unit of time ("one
 * second", "per second"), no place.
 */
export function ordinalAt(tokens: readonly Token[], index: number): number | null {
  const place = ORDINALS.get(tokens[index]!.raw.toLowerCase());
  if (place === undefined) return null;
  const before = tokens[index - 1]?.raw.toLowerCase();
  if (place === 2 && before !== undefined && (before === 'per' || before === 'a' || DIGITS.test(before) || UNITS.has(before))) return null;
  return place;
}

/** "one", "twelve", "dozen": a word that writes a number. */
export function isNumberWord(raw: string): boolean {
  return UNITS.has(raw.toLowerCase());
}

/** Finds every number in `tokens`. Adjacent number words form one number ("twenty three" → 23). */
export function findNumbers(tokens: Token[]): NumberMention[] {
  const mentions: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const raw = tokens[i]!.raw;
    if (startsWithDigit(raw) && DIGITS.test(raw)) {
      const written = Number(raw.replace(/,/g, ''));
      let value = written;
      let to = i + 1;
      const scale = SCALES.get(tokens[to]?.raw.toLowerCase() ?? '');
      if (scale !== undefined) {
        value *= scale;
        to += 1;
      }
      mentions.push({ value, written, from: i, to });
      i = to;
      continue;
    }
    const word = raw.toLowerCase();
    if (word === 'one' && isPronounOne(tokens, i)) {
      i += 1;
      continue;
    }
    if (UNITS.has(word) || (SCALES.has(word) && i > 0 && UNITS.has(tokens[i - 1]!.raw.toLowerCase()))) {
      const from = i;
      let total = 0;
      let current = 0;
      while (i < tokens.length) {
        const word = tokens[i]!.raw.toLowerCase();
        const unit = UNITS.get(word);
        const scale = SCALES.get(word);
        if (unit !== undefined) current += unit;
        else if (scale !== undefined && current > 0) {
          total += current * scale;
          current = 0;
        } else break;
        i += 1;
      }
      mentions.push({ value: total + current, written: total + current, from, to: i });
      continue;
    }
    i += 1;
  }
  return mentions;
}

/** Determiners that make "one" a pronoun ("an expensive one", "this one", "no one", "which one"). A closed class of English. */
const PRONOUN_ONE_DETERMINERS = new Set(['a', 'an', 'this', 'that', 'which', 'each', 'every', 'any', 'another', 'no', 'such']);
/** Modal verbs: "one" before one of them is the pronoun ("One can specify …"). A closed class of English. */
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would']);
/** Relative pronouns: "one" before one of them is the pronoun ("… and one that can accept connections"). A closed class of English. */
const RELATIVES = new Set(['that', 'which', 'who', 'whom', 'whose']);

/**
 * "quite an expensive one", "this one", "no one", "One can specify …", "one that can accept connections": "one" stands
 * for a noun or a person, with "a" or "an" up to two words before it, a determiner just before, or a modal verb, a
 * relative pronoun or a verb's third person ("one wants") just after; "a further one billion" is a number.
 */
function isPronounOne(tokens: Token[], index: number): boolean {
  const after = tokens[index + 1]?.raw.toLowerCase() ?? '';
  if (SCALES.has(after)) return false;
  const before = tokens[index - 1]?.raw.toLowerCase();
  const twoBefore = tokens[index - 2]?.raw.toLowerCase();
  // A singular "one" takes no plural noun: a word with an -s after it is its verb ("where one wants to avoid …").
  const verbAfter = after !== '' && mayBeThirdPersonVerb(after);
  // "… as the full-text one.": a "one" that ends the sentence after "the" and its modifiers stands for a noun said before.
  const endsAfterThe = after === '' && tokens.slice(Math.max(0, index - 3), index).some((token) => token.raw.toLowerCase() === 'the');
  return MODALS.has(after) || RELATIVES.has(after) || verbAfter || (before !== undefined && PRONOUN_ONE_DETERMINERS.has(before)) || twoBefore === 'a' || twoBefore === 'an' || endsAfterThe;
}

/** "1000" for 1,000; "2.5" stays. The canonical spelling used to compare values across sources. */
export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}
