/**
 * The English word list (an-array-of-english-words, ~275,000 lower-case words and their inflections): what spelling
 * correction matches typos against, and what tells a common word written with a capital ("Windows", "Squash") from a
 * name.
 */
import { createRequire } from 'node:module';

let englishWords: string[] | null = null;
let englishSet: ReadonlySet<string> | null = null;

/** The list, loaded on first use, not at start-up. */
export function englishWordList(): readonly string[] {
  englishWords ??= createRequire(import.meta.url)('an-array-of-english-words') as string[];
  return englishWords;
}

export function isEnglishWord(word: string): boolean {
  englishSet ??= new Set(englishWordList());
  return englishSet.has(word.toLowerCase());
}

/** The words that start with `prefix`, found by binary search in the list (sorted alphabetically). */
export function englishWordsStartingWith(prefix: string): readonly string[] {
  const words = englishWordList();
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < words.length && words[end]!.startsWith(prefix)) end += 1;
  return words.slice(low, end);
}
