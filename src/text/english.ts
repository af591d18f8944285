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
