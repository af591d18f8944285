/**
 * compromise's English lexicon: a word (in small letters) → its word classes and kinds of name ("with" → Preposition,
 * "kyiv" → City). The CommonJS build loads synchronously on first use; only its lexicon is read here, not its tagger.
 */
import { createRequire } from 'node:module';

interface CompromiseTwo {
  model(): { one: { lexicon: Record<string, string | string[]> } };
}

let lexicon: Record<string, string | string[]> | undefined;

/** The whole lexicon, loaded once. */
export function englishLexicon(): Readonly<Record<string, string | string[]>> {
  lexicon ??= (createRequire(import.meta.url)('compromise/two') as CompromiseTwo).model().one.lexicon;
  return lexicon;
}

/** The lexicon's tags of a word in small letters; empty when it does not hold the word. */
export function lexiconTags(lowerWord: string): readonly string[] {
  const tags = englishLexicon()[lowerWord];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}
